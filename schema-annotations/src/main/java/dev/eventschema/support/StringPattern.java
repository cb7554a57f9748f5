package dev.eventschema.support;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A whole-value string pattern, compiled once. Most schema patterns are a sequence of character
 * classes with quantifiers ({@code [A-Za-z0-9_-]+}, {@code [a-z]{2,8}-[0-9]+}), perhaps with an
 * optional group ({@code \\d{2}(?:\\.\\d{1,9})?Z}) or a leading negative look-ahead of a literal
 * ({@code (?!__)[a-zA-Z_]\\w*}); those are matched here without allocating, unlike
 * {@link java.util.regex.Matcher}, which is created per call. Any other regex (alternation, repeated
 * groups, ...) is left to {@link Pattern}, with the same meaning.
 */
public abstract class StringPattern {

  /** The regex this was compiled from. */
  private final String regexp;

  StringPattern(String regexp) {
    this.regexp = regexp;
  }

  /** Compiles {@code regexp}, which must be a valid {@link Pattern} (the processor checked it). */
  public static StringPattern compile(String regexp) {
    Pattern pattern = Pattern.compile(regexp);
    Steps.Parsed parsed = Steps.parse(regexp);
    if (parsed == null) {
      return new Regex(regexp, pattern);
    }
    Step[][] alternatives = parsed.alternatives().stream().map(a -> a.toArray(Step[]::new)).toArray(Step[][]::new);
    return new Sequence(regexp, parsed.forbiddenPrefix(), alternatives);
  }

  /** Whether the whole of {@code value} matches. */
  public abstract boolean matches(CharSequence value);

  @Override
  public String toString() {
    return regexp;
  }

  /** Anything beyond a sequence of classes: {@link Pattern} does the work. */
  private static final class Regex extends StringPattern {
    private final Pattern pattern;

    Regex(String regexp, Pattern pattern) {
      super(regexp);
      this.pattern = pattern;
    }

    @Override
    public boolean matches(CharSequence value) {
      return pattern.matcher(value).matches();
    }
  }

  /**
   * Sequences of character classes, each repeated between {@code min} and {@code max} times: the
   * value matches if it does not start with the forbidden prefix and matches one of the sequences
   * (an optional group gives two: with and without it).
   */
  private static final class Sequence extends StringPattern {
    private final String forbiddenPrefix;
    private final Step[][] alternatives;

    Sequence(String regexp, String forbiddenPrefix, Step[][] alternatives) {
      super(regexp);
      this.forbiddenPrefix = forbiddenPrefix;
      this.alternatives = alternatives;
    }

    @Override
    public boolean matches(CharSequence value) {
      if (forbiddenPrefix != null && startsWith(value, forbiddenPrefix)) {
        return false;
      }
      for (Step[] steps : alternatives) {
        if (matchFrom(steps, value, 0, 0)) {
          return true;
        }
      }
      return false;
    }

    private static boolean startsWith(CharSequence value, String prefix) {
      if (value.length() < prefix.length()) {
        return false;
      }
      for (int i = 0; i < prefix.length(); i++) {
        if (value.charAt(i) != prefix.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    /** Exact whole-match semantics: tries every repeat count of a step, longest first. */
    private static boolean matchFrom(Step[] steps, CharSequence value, int step, int position) {
      if (step == steps.length) {
        return position == value.length();
      }
      Step current = steps[step];
      int limit = (int) Math.min((long) position + current.max, value.length());
      int end = position;
      while (end < limit && current.accepts(value.charAt(end))) {
        end++;
      }
      for (; end - position >= current.min; end--) {
        if (matchFrom(steps, value, step + 1, end)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * One character class with its repeat bounds. The class is ASCII only (see {@link Steps}), held
   * as two 64-bit masks: characters 0-63 and 64-127.
   */
  record Step(long low, long high, boolean negated, int min, int max) {
    static Step of(BitSet ascii, boolean negated, int min, int max) {
      long[] words = java.util.Arrays.copyOf(ascii.toLongArray(), 2);
      return new Step(words[0], words[1], negated, min, max);
    }

    boolean accepts(char c) {
      boolean inClass = c < 64 ? (low >>> c & 1L) != 0 : c < 128 && (high >>> (c - 64) & 1L) != 0;
      return inClass != negated;
    }
  }

  /** The parser of the subset: returns {@code null} for anything else. */
  static final class Steps {
    /** More alternatives than this (from several optional groups) are left to Pattern. */
    private static final int MAX_ALTERNATIVES = 8;

    private final String regexp;
    private int at;

    private Steps(String regexp) {
      this.regexp = regexp;
    }

    /** What a pattern of the subset compiles to. */
    record Parsed(String forbiddenPrefix, List<List<Step>> alternatives) {}

    static Parsed parse(String regexp) {
      return new Steps(regexp).pattern();
    }

    private Parsed pattern() {
      String forbiddenPrefix = null;
      if (regexp.startsWith("(?!")) {
        int close = regexp.indexOf(')', 3);
        forbiddenPrefix = close < 0 ? null : regexp.substring(3, close);
        if (forbiddenPrefix == null || forbiddenPrefix.isEmpty()
            || !forbiddenPrefix.chars().allMatch(c -> isLiteral((char) c))) {
          return null;
        }
        at = close + 1;
      }
      List<List<Step>> alternatives = new ArrayList<>();
      alternatives.add(new ArrayList<>());
      while (at < regexp.length()) {
        if (regexp.startsWith("(?:", at)) {
          at += 3;
          List<Step> group = steps(')');
          if (group == null || at >= regexp.length() || regexp.charAt(at) != ')') {
            return null;
          }
          at++;
          if (peek() != '?' || at + 1 < regexp.length() && (regexp.charAt(at + 1) == '?' || regexp.charAt(at + 1) == '+')) {
            return null; // only an optional group: a repeated one is left to Pattern
          }
          at++;
          List<List<Step>> with = new ArrayList<>();
          for (List<Step> alternative : alternatives) {
            List<Step> longer = new ArrayList<>(alternative);
            longer.addAll(group);
            with.add(longer);
          }
          with.addAll(alternatives); // the longer one first, as a greedy '?' tries it
          alternatives = with;
          if (alternatives.size() > MAX_ALTERNATIVES) {
            return null;
          }
        } else if (regexp.charAt(at) == '(') {
          return null; // a capturing group or other look-around: left to Pattern
        } else {
          List<Step> run = steps('(');
          if (run == null) {
            return null;
          }
          alternatives.forEach(alternative -> alternative.addAll(run));
        }
      }
      return new Parsed(forbiddenPrefix, alternatives);
    }

    /** Classes with their quantifiers, up to {@code stop} (not consumed) or the end. */
    private List<Step> steps(char stop) {
      List<Step> steps = new ArrayList<>();
      while (at < regexp.length() && regexp.charAt(at) != stop) {
        BitSet ascii = new BitSet(128);
        boolean negated = false;
        char c = regexp.charAt(at++);
        if (c == '[') {
          if (peek() == '^') {
            negated = true;
            at++;
          }
          if (!readClass(ascii)) {
            return null;
          }
        } else if (c == '\\') {
          if (!readEscape(ascii)) {
            return null;
          }
        } else if (isLiteral(c)) {
          ascii.set(c);
        } else {
          return null;
        }
        int[] bounds = readQuantifier();
        if (bounds == null) {
          return null;
        }
        steps.add(Step.of(ascii, negated, bounds[0], bounds[1]));
      }
      return steps;
    }

    /** The members of {@code [...]} after the optional {@code ^}, up to and including {@code ]}. */
    private boolean readClass(BitSet ascii) {
      boolean first = true;
      while (at < regexp.length()) {
        char c = regexp.charAt(at++);
        if (c == ']') {
          return !first; // "[]...]" is read differently by regex dialects: leave it to Pattern
        }
        first = false;
        if (c == '[' || (c == '&' && peek() == '&')) {
          return false; // nested classes and intersections: leave to Pattern
        }
        if (c == '\\') {
          if (!readEscape(ascii)) {
            return false;
          }
          continue;
        }
        if (c >= 128) {
          return false;
        }
        if (peek() == '-' && at + 1 < regexp.length() && regexp.charAt(at + 1) != ']') {
          char to = regexp.charAt(at + 1);
          if (to == '\\' || to == '[' || to >= 128 || to < c) {
            return false;
          }
          ascii.set(c, to + 1);
          at += 2;
        } else {
          ascii.set(c);
        }
      }
      return false;
    }

    /** {@code \d}, {@code \w}, {@code \s} and escaped punctuation; others are left to Pattern. */
    private boolean readEscape(BitSet ascii) {
      if (at >= regexp.length()) {
        return false;
      }
      char c = regexp.charAt(at++);
      switch (c) {
        case 'd' -> ascii.set('0', '9' + 1);
        case 'w' -> {
          ascii.set('a', 'z' + 1);
          ascii.set('A', 'Z' + 1);
          ascii.set('0', '9' + 1);
          ascii.set('_');
        }
        case 's' -> {
          for (char space : new char[] {' ', '\t', '\n', 0x0B, '\f', '\r'}) {
            ascii.set(space);
          }
        }
        default -> {
          if (c >= 128 || Character.isLetterOrDigit(c)) {
            return false; // \p{..}, \b, \Q, back references...
          }
          ascii.set(c);
        }
      }
      return true;
    }

    /** {@code {min, max}} of the quantifier after a class; {@code {1, 1}} when there is none. */
    private int[] readQuantifier() {
      char c = peek();
      int[] bounds;
      if (c == '*') {
        bounds = new int[] {0, Integer.MAX_VALUE};
      } else if (c == '+') {
        bounds = new int[] {1, Integer.MAX_VALUE};
      } else if (c == '?') {
        bounds = new int[] {0, 1};
      } else if (c == '{') {
        int close = regexp.indexOf('}', at);
        if (close < 0) {
          return null;
        }
        String[] parts = regexp.substring(at + 1, close).split(",", -1);
        try {
          int min = Integer.parseInt(parts[0]);
          int max = parts.length == 1 ? min : parts[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(parts[1]);
          if (parts.length > 2 || min > max) {
            return null;
          }
          bounds = new int[] {min, max};
        } catch (NumberFormatException e) {
          return null;
        }
        at = close;
      } else {
        return new int[] {1, 1};
      }
      at++;
      char next = peek();
      if (next == '?' || next == '+') {
        return null; // lazy and possessive quantifiers: leave to Pattern
      }
      return bounds;
    }

    private char peek() {
      return at < regexp.length() ? regexp.charAt(at) : '\0';
    }

    private static boolean isLiteral(char c) {
      return c < 128 && ".$^|()[]{}*+?\\".indexOf(c) < 0;
    }
  }
}
