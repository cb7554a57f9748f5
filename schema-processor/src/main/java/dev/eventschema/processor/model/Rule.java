package dev.eventschema.processor.model;

/**
 * One constraint on a value, as declared by an annotation (or implied, like a required string's
 * non-emptiness). Rules are rendered twice: as Java checks and as JSON Schema keywords.
 */
public sealed interface Rule {

  /** A required string without {@code @AllowEmpty} must have at least one character. */
  record NonEmpty() implements Rule {}

  /** {@code @NotBlank}. */
  record NotBlank() implements Rule {}

  /** {@code @Size}: a string's length or a collection's size in {@code [min, max]}. */
  record Size(int min, int max) implements Rule {}

  /** {@code @Pattern}: the whole string matches {@code regexp}; {@code description} may be empty. */
  record Pattern(String regexp, String description) implements Rule {}

  /**
   * {@code @Base64}'s JSON Schema {@code contentEncoding}: an annotation of the wire form, not a check
   * (the check is the {@link Pattern} that comes with it), so validators render nothing for it.
   */
  record ContentEncoding(String encoding) implements Rule {}

  /**
   * A numeric bound from {@code @Min}, {@code @Max}, {@code @Range}, {@code @Positive} and the
   * like. A missing side is {@code null}; an exclusive bound excludes its limit.
   */
  record Bound(Long min, boolean minExclusive, Long max, boolean maxExclusive) implements Rule {

    public static Bound atLeast(long min) {
      return new Bound(min, false, null, false);
    }

    public static Bound atMost(long max) {
      return new Bound(null, false, max, false);
    }

    public static Bound between(long min, long max) {
      return new Bound(min, false, max, false);
    }

    /** What the rule says, for messages: {@code must be between 1024 and 65535}. */
    public String describe() {
      if (min != null && max != null) {
        return "must be between " + min + " and " + max;
      }
      if (min != null) {
        return minExclusive ? "must be greater than " + min : "must be at least " + min;
      }
      return maxExclusive ? "must be less than " + max : "must be at most " + max;
    }
  }
}
