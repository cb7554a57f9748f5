package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(10)
class CodePointsTest {

  @ParameterizedTest
  @CsvSource({
      // value, min, max, outside
      "'', 0, 4, false", "'', 1, 4, true", "abcd, 0, 4, false", "abcde, 0, 4, true",
      "😀😀😀😀, 0, 4, false", "😀😀😀😀😀, 0, 4, true", "😀, 2, 4, true", "😀a, 2, 4, false",
      "a😀😀😀, 0, 4, false", "😀😀, 3, 3, true", "😀😀😀, 3, 3, false", "ab, 2, 2, false"})
  void decidesOnCodePoints(String value, int min, int max, boolean outside) {
    assertThat(CodePoints.outside(value, min, max)).isEqualTo(outside);
    int count = value.codePointCount(0, value.length());
    assertThat(CodePoints.outside(value, min, max)).isEqualTo(count < min || count > max);
  }

  @Test
  void countsCodePointsForMessages() {
    assertThat(CodePoints.count("a😀é")).isEqualTo(3);
  }

  @Test
  void aLoneSurrogateIsOneCodePoint() {
    assertThat(CodePoints.outside("\uD83D", 1, 1)).isFalse();
    assertThat(CodePoints.count("\uD83Dx")).isEqualTo(2);
  }
}
