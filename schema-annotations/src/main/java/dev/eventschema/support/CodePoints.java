package dev.eventschema.support;

/**
 * String lengths in Unicode code points, as JSON Schema's {@code minLength}/{@code maxLength} count
 * them: an emoji outside the Basic Multilingual Plane is one character, not two UTF-16 units.
 */
public final class CodePoints {

  private CodePoints() {}

  /**
   * Whether the length of {@code value} in code points is outside {@code [min, max]}. Decided from
   * {@link String#length()} alone when it cannot be wrong (a string has between {@code length / 2}
   * and {@code length} code points), so that the usual case neither counts nor allocates.
   */
  public static boolean outside(String value, int min, int max) {
    int units = value.length();
    int fewest = (units + 1) / 2;
    if (units <= max && fewest >= min) {
      return false;
    }
    if (units < min || fewest > max) {
      return true;
    }
    int codePoints = value.codePointCount(0, units);
    return codePoints < min || codePoints > max;
  }

  /** The length of {@code value} in code points, for messages. */
  public static int count(String value) {
    return value.codePointCount(0, value.length());
  }
}
