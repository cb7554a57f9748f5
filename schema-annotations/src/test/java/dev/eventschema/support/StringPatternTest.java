package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringPatternTest {

  private static final String ALPHABET = "aZz09_-. \t\u00e9/TbcdeZ:";

  /** Patterns in the fast subset: sequences of classes with quantifiers. */
  @ParameterizedTest
  @ValueSource(strings = {
      "[A-Za-z0-9_-]+", "[a-zA-Z_][a-zA-Z0-9_]*", "[a-z]{2,4}", "[a-z]*[a-z]", "a?z+", "\\d{1,3}\\.\\d",
      "[^0-9]*", "\\w+", "[\\s_]{0,}", "[_-]{3}", "[-a]+z?", "[0-9]{2,}_?", "\\-[.]",
      "(?!__)[a-zA-Z_][a-zA-Z0-9_]*", "(?!a0)[a0-9]+", "\\d{2}(?:\\.\\d{1,3})?Z?", "a(?:_z)?(?:\\.[0-9])?_?",
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z"})
  void theFastPathMatchesExactlyWhatPatternMatches(String regexp) {
    assertThat(StringPattern.Steps.parse(regexp)).as("in the fast subset").isNotNull();
    assertSameAsPattern(regexp);
  }

  /** Anything else is left to java.util.regex, with the same meaning. */
  @ParameterizedTest
  @ValueSource(strings = {"a|b", "(ab)+", "(?:ab)*", "(?:a|b)?", "a(?!b)[a-z]", "(?=a)a", "[a-z&&[^e]]+", "\\p{Alpha}+",
      "a+?", "(?:a)??", "^a$", ".+", "[]a]", "(?:a)?(?:b)?(?:c)?(?:d)?(?:e)?"})
  void otherPatternsFallBackToJavaRegex(String regexp) {
    assertThat(StringPattern.Steps.parse(regexp)).as("outside the fast subset").isNull();
    assertSameAsPattern(regexp);
  }

  @Test
  void theTimestampPatternOfEnvelopesTakesTheFastPathWithTheSameAnswers() {
    String regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z";
    StringPattern fast = StringPattern.compile(regexp);
    Pattern reference = Pattern.compile(regexp);
    assertThat(StringPattern.Steps.parse(regexp)).isNotNull();
    assertThat(fast.matches("2026-11-27T15:54:03.146Z")).isTrue();
    assertThat(fast.matches("2026-11-27T15:54:03Z")).isTrue();
    assertThat(fast.matches("2026-11-27T15:54:03.Z")).isFalse();
    assertThat(fast.matches("2026-11-27T15:54:03.1234567890Z")).isFalse();

    // Mutations of valid stamps: a character replaced, dropped or doubled.
    Random random = new Random(42);
    String[] valid = {"2026-11-27T15:54:03.146Z", "2026-11-27T15:54:03Z", "1999-01-01T00:00:00.123456789Z"};
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder(valid[random.nextInt(valid.length)]);
      int at = random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.setCharAt(at, "0.9Z:-T".charAt(random.nextInt(7)));
        case 1 -> s.deleteCharAt(at);
        default -> s.insert(at, s.charAt(at));
      }
      assertThat(fast.matches(s)).as("'%s'", s).isEqualTo(reference.matcher(s).matches());
    }
  }

  private static void assertSameAsPattern(String regexp) {
    StringPattern fast = StringPattern.compile(regexp);
    Pattern reference = Pattern.compile(regexp);
    Random random = new Random(regexp.hashCode());
    for (int i = 0; i < 5_000; i++) {
      String input = randomString(random);
      assertThat(fast.matches(input)).as("'%s' against %s", input, regexp).isEqualTo(reference.matcher(input).matches());
    }
  }

  private static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(7);
    for (int i = 0; i < length; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
