package dev.eventschema.processor.reading;

import java.util.Optional;

/**
 * Accepts only regular expressions that mean the same in Java ({@link java.util.regex.Pattern},
 * which the validator runs) and in ECMA-262 with the {@code u} flag (which JSON Schema prescribes
 * for {@code pattern}, and which Ajv and other validators use). Both match by code point then.
 *
 * <p>What is portable: literal characters; escaped syntax characters ({@code \\.}, {@code \\(}...;
 * {@code \\-} inside a class); {@code \\d \\D \\w \\W} (ASCII in both); {@code \\t \\n \\r \\f};
 * {@code \\xhh} and {@code \\uhhhh} (not a surrogate); classes with ranges and negation; groups
 * {@code ( )}, {@code (?: )}, {@code (?<name> )}; look-arounds; alternation; the quantifiers
 * {@code * + ? {n} {n,} {n,m}}, greedy or lazy; {@code ^}. Everything else is a problem with a
 * replacement, found by one left-to-right scan of a regex that {@code Pattern} already compiled.
 */
final class PortableRegex {

  /** A construct that is not portable, where it starts, and what to write instead. */
  record Problem(String construct, int index, String replacement) {}

  private static final String SYNTAX_CHARACTERS = "^$\\.*+?()[]{}|/";

  private final String regex;
  private int at;

  private PortableRegex(String regex) {
    this.regex = regex;
  }

  /** The first construct of {@code regex} whose meaning differs between Java and ECMA-262, if any. */
  static Optional<Problem> check(String regex) {
    return Optional.ofNullable(new PortableRegex(regex).scan());
  }

  private Problem scan() {
    while (at < regex.length()) {
      char c = regex.charAt(at);
      Problem problem = switch (c) {
        case '\\' -> escape(false);
        case '[' -> characterClass();
        case '(' -> group();
        case '*', '+', '?' -> quantifier(at);
        case '{' -> braces();
        case '.' -> new Problem(".", at, "an explicit class such as [^\\n\\r\\u2028\\u2029\\u0085] (Java's '.' also"
            + " excludes U+0085, ECMA-262's does not)");
        case '$' -> new Problem("$", at, "nothing: a @Pattern matches the whole value already (Java's '$' also matches"
            + " before a final line break)");
        case ']', '}' -> new Problem(String.valueOf(c), at, "\\" + c + " (an unescaped '" + c + "' outside a class is an"
            + " error in ECMA-262 with the u flag)");
        default -> {
          at += Character.charCount(regex.codePointAt(at));
          yield null;
        }
      };
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  /** An escape at {@code at}; moves past it when portable. */
  private Problem escape(boolean inClass) {
    int start = at;
    char e = regex.charAt(at + 1);
    at += 2;
    switch (e) {
      case 'd', 'D', 'w', 'W', 't', 'n', 'r', 'f':
        return null;
      case 's':
        return new Problem("\\s", start, "[ \\t\\n\\x0B\\f\\r] (Java's \\s is ASCII, ECMA-262's includes Unicode spaces)");
      case 'S':
        return new Problem("\\S", start, "[^ \\t\\n\\x0B\\f\\r] (Java's \\S is ASCII, ECMA-262's excludes Unicode spaces)");
      case 'b', 'B':
        return new Problem("\\" + e, start, inClass ? "\\x08 for a backspace"
            : "an explicit look-around such as (?<![A-Za-z0-9_])(?=[A-Za-z0-9_]) (word boundaries differ)");
      case 'p', 'P':
        return new Problem("\\" + e + "{...}", start, "an explicit class such as [A-Za-z] (property names and sets differ)");
      case 'A', 'Z', 'z', 'G':
        return new Problem("\\" + e, start, "nothing: a @Pattern matches the whole value already");
      case 'h', 'H', 'v', 'V':
        return new Problem("\\" + e, start, e == 'v' || e == 'V'
            ? "[\\n\\x0B\\f\\r] or \\x0B (Java's \\v is vertical whitespace, ECMA-262's is U+000B)"
            : "[ \\t] (Java's \\h is horizontal whitespace, ECMA-262 has no \\h)");
      case 'R', 'X':
        return new Problem("\\" + e, start, e == 'R' ? "(?:\\r\\n|[\\n\\x0B\\f\\r])" : "an explicit class");
      case 'Q', 'E':
        return new Problem("\\Q...\\E", start, "each special character escaped with a backslash");
      case 'e', 'a', 'c':
        return new Problem("\\" + e, start, "\\xhh, the character's code in hex (\\x1B for escape, \\x07 for bell)");
      case 'N':
        return new Problem("\\N{...}", start, "\\uhhhh, the character's code in hex");
      case 'k':
        return new Problem("\\k<name>", start, "no back reference: they differ when the group did not match");
      case 'x':
        if (at < regex.length() && regex.charAt(at) == '{') {
          return new Problem("\\x{...}", start, "\\uhhhh (Java has no \\u{...}, ECMA-262 no \\x{...})");
        }
        at += 2;
        return null;
      case 'u':
        int code = Integer.parseInt(regex.substring(at, at + 4), 16);
        at += 4;
        return Character.isSurrogate((char) code)
            ? new Problem("\\u" + Integer.toHexString(code), start, "the character itself (escaped surrogates differ)")
            : null;
      default:
        if (e >= '0' && e <= '9') {
          return new Problem("\\" + e, start, e == '0' ? "\\xhh (Java's \\0 is an octal escape, ECMA-262's is NUL)"
              : "no back reference: they differ when the group did not match");
        }
        if (SYNTAX_CHARACTERS.indexOf(e) >= 0 || (inClass && e == '-')) {
          return null;
        }
        return new Problem("\\" + e, start, "'" + e + "' without the backslash (ECMA-262 with the u flag only allows"
            + " escaping ^$\\.*+?()[]{}|/)");
    }
  }

  /** A class at {@code at}; moves past it when portable. */
  private Problem characterClass() {
    int start = at;
    at++;
    if (at < regex.length() && regex.charAt(at) == '^') {
      at++;
    }
    if (regex.charAt(at) == ']') {
      return new Problem("[]...]", start, "\\] for a ']' inside a class (a leading ']' is literal only in Java)");
    }
    while (regex.charAt(at) != ']') {
      char c = regex.charAt(at);
      if (c == '\\') {
        Problem problem = escape(true);
        if (problem != null) {
          return problem;
        }
        continue;
      }
      if (c == '[') {
        return new Problem("[ inside a class", at, "one flat class such as [abc] (Java reads [a[bc]] as a union,"
            + " ECMA-262 as a '[' and a stray ']'); escape a literal one as \\[");
      }
      if (c == '&' && regex.startsWith("&&", at)) {
        return new Problem("&&", at, "the intersection written out as one class (ECMA-262 reads && literally)");
      }
      at += Character.charCount(regex.codePointAt(at));
    }
    at++;
    return null;
  }

  /** A group opening at {@code at}; moves past the opening when portable. */
  private Problem group() {
    int start = at;
    if (!regex.startsWith("(?", at)) {
      at++;
      return null;
    }
    for (String portable : new String[] {"(?:", "(?=", "(?!", "(?<=", "(?<!"}) {
      if (regex.startsWith(portable, at)) {
        at += portable.length();
        return null;
      }
    }
    if (regex.startsWith("(?<", at)) {
      at = regex.indexOf('>', at) + 1;
      return null;
    }
    if (regex.startsWith("(?>", at)) {
      return new Problem("(?>...)", start, "(?:...) (ECMA-262 has no atomic groups)");
    }
    int end = at + 2;
    while (end < regex.length() && regex.charAt(end) != ':' && regex.charAt(end) != ')') {
      end++;
    }
    return new Problem(regex.substring(start, Math.min(end + 1, regex.length())), start,
        "explicit classes instead of inline flags, such as [Aa] for (?i)a");
  }

  /** A quantifier ending at {@code at}: a trailing {@code +} makes it possessive. */
  private Problem quantifier(int start) {
    at++;
    if (at < regex.length() && regex.charAt(at) == '+') {
      return new Problem("possessive quantifier " + regex.substring(start, at + 1), start,
          "the quantifier without '+' (ECMA-262 has no possessive quantifiers)");
    }
    if (at < regex.length() && regex.charAt(at) == '?') {
      at++;
    }
    return null;
  }

  /** {@code {n}}, {@code {n,}} or {@code {n,m}} after an atom; anything else is a literal brace. */
  private Problem braces() {
    int close = regex.indexOf('}', at);
    if (close > 0 && regex.substring(at + 1, close).matches("\\d+(,\\d*)?")) {
      int start = at;
      at = close;
      return quantifier(start);
    }
    return new Problem("{", at, "\\{ (an unescaped '{' that is not a quantifier is an error in ECMA-262 with the u flag)");
  }
}
