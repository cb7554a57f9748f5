package dev.eventschema.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StringPatternTest {

  private static final String ALPHABET = "aZz09_-. \t\u00e9/";

  /** Patterns in the fast subset: sequences of classes with quantifiers. */
  @ParameterizedTest
  @ValueSource(strings = {
      "[A-Za-z0-9_-]+", "[a-zA-Z_][a-zA-Z0-9_]*", "[a-z]{2,4}", "[a-z]*[a-z]", "a?z+", "\\d{1,3}\\.\\d",
      "[^0-9]*", "\\w+", "[\\s_]{0,}", "[_-]{3}", "[-a]+z?", "[0-9]{2,}_?", "\\-[.]"})
  void theFastPathMatchesExactlyWhatPatternMatches(String regexp) {
    assertThat(StringPattern.Steps.parse(regexp)).as("in the fast subset").isNotNull();
    assertSameAsPattern(regexp);
  }

  /** Anything else is left to java.util.regex, with the same meaning. */
  @ParameterizedTest
  @ValueSource(strings = {"(?!__)[a-zA-Z_][a-zA-Z0-9_]*", "a|b", "(ab)+", "[a-z&&[^e]]+", "\\p{Alpha}+", "a+?", "^a$", ".+", "[]a]"})
  void otherPatternsFallBackToJavaRegex(String regexp) {
    assertThat(StringPattern.Steps.parse(regexp)).as("outside the fast subset").isNull();
    assertSameAsPattern(regexp);
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
