package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DidYouMeanTest {

  private static final List<String> KEYS = List.of("enabled", "serviceName", "prometheusPort", "exportIntervalMs");

  @ParameterizedTest
  @CsvSource({
      "prometheusPrt, prometheusPort",   // a letter missing
      "prometheusport, prometheusPort",  // case only
      "serivceName, serviceName",        // two letters swapped
      "enabeld, enabled",
      "exportIntervalMS, exportIntervalMs"})
  void suggestsTheClosestDeclaredKey(String typo, String expected) {
    assertThat(DidYouMean.closest(typo, KEYS)).isEqualTo(expected);
  }

  @Test
  void suggestsNothingWhenNoKeyIsClose() {
    assertThat(DidYouMean.closest("logger", KEYS)).isNull();
    assertThat(DidYouMean.closest("x", List.of())).isNull();
  }

  @Test
  void countsASwapOfNeighboursAsOneEdit() {
    assertThat(DidYouMean.distance("ab", "ba")).isEqualTo(1);
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
  }
}
