package dev.eventschema.processor.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class PortableRegexTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "[A-Za-z0-9_-]+", "(?!__)[a-zA-Z_][a-zA-Z0-9_]*", "2\\.0", "image/[a-z0-9.+-]+",
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z", "https?://[^ \\t\\n\\x0B\\f\\r]+",
      "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?", "[A-Za-z0-9+/]*={0,2}",
      "a|b|(c)", "(?<year>\\d{4})", "(?<=a)b", "(?<!a)b", "x*?y+?z??", "a{2,}b{3}", "[\\]\\[\\-]", "\\u00e9+",
      "[^\\n\\r\\u2028\\u2029\\u0085]*", "\\(\\)\\{\\}\\|\\^\\$\\*\\+\\?\\/", "^a", "😀+", "[😀-😂]"})
  void acceptsWhatMeansTheSameInJavaAndEcma262(String regex) {
    Pattern.compile(regex);
    assertThat(PortableRegex.check(regex)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      https?://[^\\s]+      | \\s        | 11 | [ \\t\\n\\x0B\\f\\r]
      \\S+                  | \\S        | 0  | [^ \\t\\n\\x0B\\f\\r]
      \\bword\\b            | \\b        | 0  | look-around
      \\Bx                  | \\B        | 0  | look-around
      \\p{L}+               | \\p{...}   | 0  | explicit class
      \\P{Lu}               | \\P{...}   | 0  | explicit class
      a++                   | possessive | 1  | without '+'
      [a-z]{2}+             | possessive | 5  | without '+'
      a?+                   | possessive | 1  | without '+'
      (?>ab)c               | (?>...)    | 0  | (?:...)
      (?i)abc               | (?i)       | 0  | inline flags
      (?i:abc)              | (?i:       | 0  | inline flags
      \\Aabc                | \\A        | 0  | whole value
      abc\\Z                | \\Z        | 3  | whole value
      abc\\z                | \\z        | 3  | whole value
      \\Gabc                | \\G        | 0  | whole value
      a\\hb                 | \\h        | 1  | [ \\t]
      a\\vb                 | \\v        | 1  | \\x0B
      a\\Rb                 | \\R        | 1  | (?:\\r\\n
      \\X                   | \\X        | 0  | explicit class
      \\Q.*\\E              | \\Q...\\E  | 0  | escaped
      [a-z&&[^aeiou]]       | &&         | 4  | intersection
      [a[bc]]               | [ inside   | 2  | flat class
      \\0101                | \\0        | 0  | \\xhh
      (a)\\1                | \\1        | 3  | back reference
      (?<n>a)\\k<n>         | \\k<name>  | 7  | back reference
      \\e                   | \\e        | 0  | \\x1B
      \\cA                  | \\c        | 0  | \\xhh
      \\x{1F600}            | \\x{...}   | 0  | \\uhhhh
      \\uD83D\\uDE00        | \\ud83d    | 0  | the character itself
      a.b                   | .          | 1  | U+0085
      abc$                  | $          | 3  | whole value
      a\\-b                 | \\-        | 1  | without the backslash
      \\#x                  | \\#        | 0  | without the backslash
      x}                    | }          | 1  | \\}
      x]                    | ]          | 1  | \\]
      []a]                  | []...]     | 0  | \\]
      """)
  void namesTheConstructWhereItStartsAndAPortableReplacement(String regex, String construct, int index,
      String replacement) {
    Pattern.compile(regex);
    assertThat(PortableRegex.check(regex)).hasValueSatisfying(problem -> {
      assertThat(problem.construct()).as("construct").contains(construct);
      assertThat(problem.index()).as("index").isEqualTo(index);
      assertThat(problem.replacement()).as("replacement").contains(replacement);
    });
  }
}
