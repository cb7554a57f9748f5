package dev.eventschema;

import java.util.Locale;
import java.util.Objects;

/**
 * One broken rule: where ({@code path}), which rule ({@code code}) and a message for people.
 *
 * @param path a JSON Pointer (RFC 6901) over wire names, such as {@code /metadata/a/0}; the empty
 *     string is the root
 * @param code the kind of rule that was broken
 * @param message what was expected and what was seen, such as {@code must be between 1024 and
 *     65535, was 80}
 */
public record Violation(String path, Code code, String message) {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** The same violation, seen from an enclosing value: {@code prefix} is put before the path. */
  public Violation under(String prefix) {
    return new Violation(prefix + path, code, message);
  }

  /** The field this violation is about: the path without its leading slash, or {@code (root)}. */
  public String field() {
    return path.isEmpty() ? "(root)" : path.substring(1);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": " + message + " [" + code.wireName() + "]";
  }

  /** The kinds of rule, closed so that consumers can count and switch on them. */
  public enum Code {
    /** A required key is absent. */
    MISSING,
    /** The value has the wrong JSON type (a string where a number belongs, a fraction for an int). */
    INVALID_TYPE,
    /** Below a minimum: a number, a string's length or a collection's size. */
    TOO_SMALL,
    /** Above a maximum: a number, a string's length or a collection's size. */
    TOO_BIG,
    /** A string that does not match its pattern, or is blank where it must not be. */
    INVALID_FORMAT,
    /** A value outside a closed set, such as an unknown enum constant. */
    INVALID_VALUE,
    /** Keys that the schema does not declare, in a strict schema. */
    UNRECOGNIZED_KEYS,
    /** A union value whose {@code type} names no member, or that has no {@code type}. */
    INVALID_UNION,
    /** A number that is NaN or infinite. */
    NOT_FINITE;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    /** The lower-snake form used on the wire and in metrics, such as {@code too_small}. */
    public String wireName() {
      return wireName;
    }

    /** The code whose {@link #wireName()} is {@code wireName}. */
    public static Code fromWireName(String wireName) {
      return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
  }
}
