package dev.eventschema.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A character class of a regex, as ranges of code points, for {@link RegexSampler}. */
final class CharClass {

  /** An escape: a single code point, or a class such as {@code \d}; {@code end} is just past it. */
  record Escape(int codePoint, CharClass set, int end) {}

  private final List<int[]> ranges;
  private final boolean negated;
  private final int end;

  private CharClass(List<int[]> ranges, boolean negated, int end) {
    this.ranges = ranges;
    this.negated = negated;
    this.end = end;
  }

  static CharClass range(int from, int to) {
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {from, to});
    return new CharClass(ranges, false, -1);
  }

  int end() {
    return end;
  }

  /** Parses the class that starts with {@code [} at {@code start}. */
  static CharClass parse(String regex, int start) {
    int at = start + 1;
    boolean negated = regex.charAt(at) == '^';
    if (negated) {
      at++;
    }
    List<int[]> ranges = new ArrayList<>();
    boolean first = true;
    while (first || regex.charAt(at) != ']') {
      first = false;
      int from;
      if (regex.charAt(at) == '\\') {
        Escape escape = escape(regex, at);
        at = escape.end();
        if (escape.set() != null) {
          ranges.addAll(escape.set().ranges);
          continue;
        }
        from = escape.codePoint();
      } else {
        from = regex.codePointAt(at);
        at += Character.charCount(from);
      }
      int to = from;
      if (regex.charAt(at) == '-' && regex.charAt(at + 1) != ']') {
        at++;
        if (regex.charAt(at) == '\\') {
          Escape escape = escape(regex, at);
          at = escape.end();
          to = escape.codePoint();
        } else {
          to = regex.codePointAt(at);
          at += Character.charCount(to);
        }
      }
      ranges.add(new int[] {from, to});
    }
    return new CharClass(ranges, negated, at + 1);
  }

  /** Parses the escape that starts with a backslash at {@code start}. */
  static Escape escape(String regex, int start) {
    char c = regex.charAt(start + 1);
    int end = start + 2;
    return switch (c) {
      case 'd' -> new Escape(-1, range('0', '9'), end);
      case 'w' -> new Escape(-1, word(), end);
      case 's' -> new Escape(-1, range(' ', ' '), end);
      case 'D', 'W', 'S' -> new Escape(-1, range('#', '#'), end);
      case 't' -> new Escape('\t', null, end);
      case 'n' -> new Escape('\n', null, end);
      case 'r' -> new Escape('\r', null, end);
      case 'f' -> new Escape('\f', null, end);
      case 'x' -> new Escape(Integer.parseInt(regex.substring(end, end + 2), 16), null, end + 2);
      case 'u' -> new Escape(Integer.parseInt(regex.substring(end, end + 4), 16), null, end + 4);
      default -> new Escape(c, null, end);
    };
  }

  private static CharClass word() {
    List<int[]> ranges = new ArrayList<>();
    ranges.add(new int[] {'a', 'z'});
    ranges.add(new int[] {'A', 'Z'});
    ranges.add(new int[] {'0', '9'});
    ranges.add(new int[] {'_', '_'});
    return new CharClass(ranges, false, -1);
  }

  /** A code point of the class; for a negated class, a printable ASCII one outside it (or a letter). */
  int draw(Random random) {
    if (negated) {
      for (int tries = 0; tries < 50; tries++) {
        int candidate = 0x21 + random.nextInt(0x7e - 0x21);
        if (!contains(candidate)) {
          return candidate;
        }
      }
      return 'q';
    }
    int[] range = ranges.get(random.nextInt(ranges.size()));
    return range[0] + random.nextInt(range[1] - range[0] + 1);
  }

  private boolean contains(int codePoint) {
    for (int[] range : ranges) {
      if (codePoint >= range[0] && codePoint <= range[1]) {
        return true;
      }
    }
    return false;
  }
}
