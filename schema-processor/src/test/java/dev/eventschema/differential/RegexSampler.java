package dev.eventschema.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Draws strings that a regular expression probably matches, for the valid part of a corpus. It
 * reads the portable subset the processor accepts (literals, escapes, classes, groups, alternation,
 * quantifiers); look-arounds are skipped, so a draw may miss, which only makes it a mutation.
 */
final class RegexSampler {

  /** How many repeats beyond the minimum an unbounded quantifier draws at most. */
  private static final int EXTRA_REPEATS = 4;

  private sealed interface Node {}

  private record Alternatives(List<List<Node>> sequences) implements Node {}

  private record Repeat(Node node, int min, int max) implements Node {}

  private record Literal(int codePoint) implements Node {}

  private record Class(CharClass set) implements Node {}

  private record Nothing() implements Node {}

  private final String regex;
  private int at;

  private RegexSampler(String regex) {
    this.regex = regex;
  }

  /** A string drawn from {@code regex}, which may carry the {@code ^(?:...)$} of exported patterns. */
  static String sample(String regex, Random random) {
    RegexSampler parser = new RegexSampler(unanchored(regex));
    Node root = parser.alternatives();
    StringBuilder out = new StringBuilder();
    draw(root, random, out);
    return out.toString();
  }

  static String unanchored(String pattern) {
    if (pattern.startsWith("^(?:") && pattern.endsWith(")$")) {
      return pattern.substring(4, pattern.length() - 2);
    }
    return pattern;
  }

  private static void draw(Node node, Random random, StringBuilder out) {
    if (node instanceof Alternatives alternatives) {
      for (Node item : alternatives.sequences().get(random.nextInt(alternatives.sequences().size()))) {
        draw(item, random, out);
      }
    } else if (node instanceof Repeat repeat) {
      int count = repeat.min() + random.nextInt(repeat.max() - repeat.min() + 1);
      for (int i = 0; i < count; i++) {
        draw(repeat.node(), random, out);
      }
    } else if (node instanceof Literal literal) {
      out.appendCodePoint(literal.codePoint());
    } else if (node instanceof Class cls) {
      out.appendCodePoint(cls.set().draw(random));
    }
  }

  private Node alternatives() {
    List<List<Node>> sequences = new ArrayList<>();
    List<Node> sequence = new ArrayList<>();
    while (at < regex.length() && regex.charAt(at) != ')') {
      if (regex.charAt(at) == '|') {
        at++;
        sequences.add(sequence);
        sequence = new ArrayList<>();
        continue;
      }
      Node atom = atom();
      int[] bounds = quantifier();
      sequence.add(bounds == null ? atom : new Repeat(atom, bounds[0], bounds[1]));
    }
    sequences.add(sequence);
    return new Alternatives(sequences);
  }

  private Node atom() {
    char c = regex.charAt(at);
    if (c == '(') {
      boolean lookaround = regex.startsWith("(?=", at) || regex.startsWith("(?!", at)
          || regex.startsWith("(?<=", at) || regex.startsWith("(?<!", at);
      if (lookaround) {
        at += regex.startsWith("(?<", at) ? 4 : 3;
      } else if (regex.startsWith("(?:", at)) {
        at += 3;
      } else if (regex.startsWith("(?<", at)) {
        at = regex.indexOf('>', at) + 1;
      } else {
        at++;
      }
      Node group = alternatives();
      at++; // the closing parenthesis
      return lookaround ? new Nothing() : group;
    }
    if (c == '[') {
      CharClass set = CharClass.parse(regex, at);
      at = set.end();
      return new Class(set);
    }
    if (c == '^' || c == '$') {
      at++;
      return new Nothing();
    }
    if (c == '\\') {
      CharClass.Escape escape = CharClass.escape(regex, at);
      at = escape.end();
      return escape.set() != null ? new Class(escape.set()) : new Literal(escape.codePoint());
    }
    int codePoint = regex.codePointAt(at);
    at += Character.charCount(codePoint);
    return codePoint == '.' ? new Class(CharClass.range('a', 'z')) : new Literal(codePoint);
  }

  private int[] quantifier() {
    if (at >= regex.length()) {
      return null;
    }
    char c = regex.charAt(at);
    int[] bounds;
    if (c == '*') {
      bounds = new int[] {0, EXTRA_REPEATS};
      at++;
    } else if (c == '+') {
      bounds = new int[] {1, 1 + EXTRA_REPEATS};
      at++;
    } else if (c == '?') {
      bounds = new int[] {0, 1};
      at++;
    } else if (c == '{' && regex.indexOf('}', at) > 0) {
      int close = regex.indexOf('}', at);
      String[] parts = regex.substring(at + 1, close).split(",", -1);
      int min = Integer.parseInt(parts[0]);
      int max = parts.length == 1 ? min : parts[1].isEmpty() ? min + EXTRA_REPEATS : Integer.parseInt(parts[1]);
      bounds = new int[] {min, Math.min(max, min + 16)};
      at = close + 1;
    } else {
      return null;
    }
    if (at < regex.length() && regex.charAt(at) == '?') {
      at++; // lazy: the same strings
    }
    return bounds;
  }
}
