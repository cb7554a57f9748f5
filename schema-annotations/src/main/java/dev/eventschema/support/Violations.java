package dev.eventschema.support;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Threads a violation list through generated checks. The list is {@code null} until the first
 * violation, so that checking a valid value allocates nothing.
 */
public final class Violations {

  private Violations() {}

  /** {@code violations} with one more violation, creating the list on the first one. */
  public static List<Violation> add(List<Violation> violations, String path, Code code, String message) {
    List<Violation> list = violations == null ? new ArrayList<>(4) : violations;
    list.add(new Violation(path, code, message));
    return list;
  }

  /** {@code violations} with the violations of an enclosed value, each put under {@code prefix}. */
  public static List<Violation> addAll(List<Violation> violations, String prefix, List<Violation> nested) {
    if (nested.isEmpty()) {
      return violations;
    }
    List<Violation> list = violations == null ? new ArrayList<>(nested.size()) : violations;
    for (Violation violation : nested) {
      list.add(violation.under(prefix));
    }
    return list;
  }

  /** A {@link Code#MISSING} violation: a required value is absent or {@code null}. */
  public static List<Violation> missing(List<Violation> violations, String path) {
    return add(violations, path, Code.MISSING, "is required");
  }

  /** The final, unmodifiable list: empty (and shared) when nothing was found. */
  public static List<Violation> toList(List<Violation> violations) {
    return violations == null ? List.of() : Collections.unmodifiableList(violations);
  }

  /** A {@link Code#TOO_SMALL} or {@link Code#TOO_BIG} violation for a number outside its range. */
  public static List<Violation> outOfRange(
      List<Violation> violations, String path, boolean tooSmall, String rule, Object seen) {
    return add(violations, path, tooSmall ? Code.TOO_SMALL : Code.TOO_BIG, rule + ", was " + seen);
  }

  /** A length or size violation: {@code must have at most 100 characters, had 101}. */
  public static List<Violation> sizeOutOfRange(
      List<Violation> violations, String path, int min, int max, int size, String unit) {
    boolean tooSmall = size < min;
    String rule;
    if (max == Integer.MAX_VALUE) {
      rule = "must have at least " + min + " " + unit;
    } else if (min == 0) {
      rule = "must have at most " + max + " " + unit;
    } else if (min == max) {
      rule = "must have exactly " + min + " " + unit;
    } else {
      rule = "must have between " + min + " and " + max + " " + unit;
    }
    return add(violations, path, tooSmall ? Code.TOO_SMALL : Code.TOO_BIG, rule + ", had " + size);
  }

  /** A {@link Code#TOO_SMALL} violation: {@code must be at least 0, was -1}. */
  public static List<Violation> tooSmall(List<Violation> violations, String path, String rule, Object seen) {
    return add(violations, path, Code.TOO_SMALL, rule + ", was " + seen);
  }

  /** A {@link Code#TOO_BIG} violation: {@code must be at most 0, was 1}. */
  public static List<Violation> tooBig(List<Violation> violations, String path, String rule, Object seen) {
    return add(violations, path, Code.TOO_BIG, rule + ", was " + seen);
  }

  /** A {@link Code#MISSING} violation for a hand-written value whose optional field is {@code null}. */
  public static List<Violation> nullOptional(List<Violation> violations, String path) {
    return add(violations, path, Code.MISSING, "must not be null; an absent value is Optional.empty()");
  }

  /** A {@link Code#MISSING} violation for a hand-written value whose list or map is {@code null}. */
  public static List<Violation> nullCollection(List<Violation> violations, String path) {
    return add(violations, path, Code.MISSING, "must not be null; an absent collection is empty");
  }

  /** A {@link Code#MISSING} violation for a {@code null} element of a list or value of a map. */
  public static List<Violation> nullElement(List<Violation> violations, String path) {
    return add(violations, path, Code.MISSING, "must not be null");
  }

  /** A value as shown in a message: strings quoted and shortened, containers by their kind. */
  public static String describe(Object value) {
    if (value instanceof String s) {
      String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
      return "'" + shown + "'";
    }
    if (value instanceof java.util.Map<?, ?>) {
      return "an object";
    }
    if (value instanceof java.util.List<?>) {
      return "an array";
    }
    return String.valueOf(value);
  }
}
