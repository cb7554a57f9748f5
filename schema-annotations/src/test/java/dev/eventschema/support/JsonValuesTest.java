package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValuesTest {

  @Test
  void acceptsEveryKindOfJsonValueWithoutReporting() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("null", null);
    object.put("flag", true);
    object.put("count", 3);
    object.put("big", new BigDecimal("1.7976931348623157e308"));
    object.put("huge", new BigInteger("-1" + "0".repeat(300)));
    object.put("text", "x");
    object.put("list", List.of(1, "a", Map.of("k", List.of())));

    assertThat(JsonValues.check(object, "/metadata", null)).isNull();
  }

  @Test
  void rejectsNumbersBeyondTheDoubleRangeAsWritten() {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("x", new BigDecimal("1e400"));
    object.put("nested", List.of(new BigInteger("-1" + "0".repeat(400))));

    List<Violation> violations = JsonValues.check(object, "/metadata", null);

    assertThat(violations).extracting(Violation::path, Violation::code, Violation::message).containsExactly(
        tuple("/metadata/x", Violation.Code.TOO_BIG, "must be at most 1.7976931348623157E308 (the double range), was 1E+400"),
        tuple("/metadata/nested/0", Violation.Code.TOO_SMALL,
            "must be at least -1.7976931348623157E308 (the double range), was -1" + "0".repeat(400)));
  }

  @Test
  void reportsEachBadValueAtItsOwnPath() {
    Map<Object, Object> withIntegerKey = new HashMap<>();
    withIntegerKey.put(7, "x");
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("nan", Double.NaN);
    object.put("thread", List.of("ok", Thread.currentThread()));
    object.put("keys", withIntegerKey);

    List<Violation> violations = JsonValues.check(object, "/metadata", null);

    assertThat(violations).extracting(Violation::path, Violation::code).containsExactly(
        org.assertj.core.groups.Tuple.tuple("/metadata/nan", Code.NOT_FINITE),
        org.assertj.core.groups.Tuple.tuple("/metadata/thread/1", Code.INVALID_TYPE),
        org.assertj.core.groups.Tuple.tuple("/metadata/keys", Code.INVALID_TYPE));
  }

  @Test
  void allowsThirtyTwoLevelsOfNestingAndNoMore() {
    assertThat(JsonValues.check(nested(31), "/m", null)).isNull();

    List<Violation> violations = JsonValues.check(nested(32), "/m", null);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.code()).isEqualTo(Code.TOO_BIG);
      assertThat(v.path()).startsWith("/m/a/a/");
      assertThat(v.message()).contains("at most 32");
    });
  }

  @Test
  void copiesAreDeepAndUnmodifiable() {
    List<Object> inner = new ArrayList<>(List.of(1));
    Map<String, Object> source = new LinkedHashMap<>(Map.of("list", inner));

    Map<String, Object> copy = JsonValues.copyObject(source);
    inner.add(2);

    assertThat(copy).isEqualTo(Map.of("list", List.of(1)));
    assertThatThrownBy(() -> ((List<Object>) copy.get("list")).add(3)).isInstanceOf(UnsupportedOperationException.class);
  }

  /** An open map whose value is nested {@code levels} maps deep, so that the whole is levels + 1 deep. */
  private static Map<String, Object> nested(int levels) {
    Map<String, Object> object = new LinkedHashMap<>();
    Map<String, Object> current = object;
    for (int i = 0; i < levels; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      current.put("a", next);
      current = next;
    }
    return object;
  }
}
