package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CheckedJsonTest {

  @Test
  void aCopyIsCheckedAndCopyingItAgainKeepsTheSameInstance() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("a", 1);
    source.put("nested", new LinkedHashMap<>(Map.of("list", new ArrayList<>(List.of("x")))));

    Map<String, Object> copy = JsonValues.copyObject(source);

    assertThat(CheckedJson.isChecked(copy)).isTrue();
    assertThat(CheckedJson.heightOf(copy)).isEqualTo(3);
    assertThat(JsonValues.copyObject(copy)).isSameAs(copy);
    assertThat(copy).isEqualTo(source).hasSameHashCodeAs(source);
    assertThat(copy.toString()).isEqualTo(source.toString());
    assertThatThrownBy(() -> copy.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> copy.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aCheckedMapIsAcceptedAtOnceButStillCountsForTheDepthLimit() {
    Map<String, Object> deep = new LinkedHashMap<>(Map.of("k", "v"));
    for (int i = 1; i < 32; i++) {
      deep = new LinkedHashMap<>(Map.of("a", deep));
    }
    Map<String, Object> checked = JsonValues.copyObject(deep);
    assertThat(CheckedJson.heightOf(checked)).isEqualTo(32);

    assertThat(JsonValues.check(checked, "/m", null)).isNull();
    // One level more around it: the nested checked map would reach depth 33.
    Map<String, Object> around = new LinkedHashMap<>(Map.of("inner", checked));
    List<Violation> violations = JsonValues.check(around, "/m", null);
    assertThat(violations).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo(Violation.Code.TOO_BIG));
  }

  @Test
  void parseReturnsCheckedValuesThatTheValueKeeps() {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("meta", new LinkedHashMap<>(Map.of("n", 1, "list", List.of(true))));
    WireReader in = WireReader.of(wire, java.util.Set.of("meta"), true);

    Map<String, Object> meta = in.jsonObject("meta");

    assertThat(in.violations()).isNull();
    assertThat(CheckedJson.isChecked(meta)).isTrue();
    assertThat(CheckedJson.isChecked(meta.get("list"))).isTrue();
    assertThat(JsonValues.copyObject(meta)).isSameAs(meta);
  }

  @Test
  void ownedCollectionsAreKeptByCopiesAndOthersCopied() {
    ArrayList<String> built = new ArrayList<>(List.of("a", "b"));
    List<String> owned = Copies.owned(built);
    assertThat(Copies.list(owned)).isSameAs(owned);
    assertThat(owned).isEqualTo(List.of("a", "b")).hasSameHashCodeAs(List.of("a", "b"));
    assertThatThrownBy(() -> owned.add("c")).isInstanceOf(UnsupportedOperationException.class);

    List<String> plain = new ArrayList<>(List.of("a"));
    assertThat(Copies.list(plain)).isNotSameAs(plain).isEqualTo(plain);

    LinkedHashMap<String, Integer> map = new LinkedHashMap<>(Map.of("k", 1));
    Map<String, Integer> ownedMap = Copies.owned(map);
    assertThat(Copies.map(ownedMap)).isSameAs(ownedMap);
    assertThat(ownedMap).isEqualTo(Map.of("k", 1));
    assertThatThrownBy(() -> ownedMap.remove("k")).isInstanceOf(UnsupportedOperationException.class);
  }
}
