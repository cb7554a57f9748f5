package dev.eventschema.engine.events;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.support.JsonValues;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonPayloadsTest {

  @Test
  void aCopyDoesNotChangeWhenTheOriginalDoes() {
    List<Object> tags = new ArrayList<>(List.of("a"));
    Map<String, Object> inner = new HashMap<>(Map.of("k", 1));
    Map<String, Object> original = new LinkedHashMap<>();
    original.put("tags", tags);
    original.put("inner", inner);

    Map<String, Object> copy = JsonPayloads.copyAsReceived(original);
    tags.add("b");
    inner.put("k", 2);
    original.put("late", true);

    assertThat(copy).isEqualTo(map("tags", List.of("a"), "inner", map("k", 1)));
  }

  @Test
  void copiesAreUnmodifiableAtEveryDepth() {
    Map<String, Object> copy = JsonPayloads.copyAsReceived(map("list", List.of(map("x", 1))));

    assertThatThrownBy(() -> copy.put("y", 2)).isInstanceOf(UnsupportedOperationException.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) copy.get("list");
    assertThatThrownBy(() -> list.add(1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void keysBecomeStringsAndArraysAndSetsBecomeLists() {
    Map<Object, Object> original = new LinkedHashMap<>();
    original.put(7, new int[] {1, 2});
    original.put("set", Set.of("only"));
    original.put(null, "null key");

    assertThat(JsonPayloads.copyAsReceived(original))
        .isEqualTo(map("7", List.of(1, 2), "set", List.of("only"), "null", "null key"));
  }

  @Test
  void asReceivedKeepsImmutableNonJsonValuesAndJsonSafeWritesThemAsStrings() {
    Map<String, Object> original = map("nan", Double.NaN, "inf", Float.POSITIVE_INFINITY, "char", 'c',
        "day", DayOfWeek.MONDAY, "mutable", new AtomicLong(5), "decimal", new BigDecimal("1.50"), "null", null);

    assertThat(JsonPayloads.copyAsReceived(original)).isEqualTo(map("nan", Double.NaN, "inf",
        Float.POSITIVE_INFINITY, "char", 'c', "day", DayOfWeek.MONDAY, "mutable", "5", "decimal",
        new BigDecimal("1.50"), "null", null));
    Map<String, Object> safe = JsonPayloads.jsonSafeCopy(original);
    assertThat(safe).isEqualTo(map("nan", "NaN", "inf", "Infinity", "char", "c", "day", "MONDAY", "mutable", "5",
        "decimal", new BigDecimal("1.50"), "null", null));
    assertThat(JsonValues.check(safe, "", null)).isNull();
  }

  @Test
  void aCyclicOrTooDeepPayloadIsCutAtTheValidatorsDepth() {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);

    Map<String, Object> copy = JsonPayloads.jsonSafeCopy(cyclic);

    Object level = copy;
    int depth = 1;
    while (level instanceof Map<?, ?> map) {
      level = map.get("self");
      depth++;
    }
    assertThat(level).isEqualTo(JsonPayloads.TOO_DEEP);
    assertThat(depth).isEqualTo(JsonPayloads.MAX_DEPTH + 1);
    assertThat(JsonValues.check(copy, "", null)).isNull();
  }
}
