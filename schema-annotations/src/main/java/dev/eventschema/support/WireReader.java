package dev.eventschema.support;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the fields of one wire object for a generated {@code parse}, collecting every violation.
 * Each read returns {@code null} when the value could not be read (the reason is recorded), so that
 * generated code runs the field's rules only on values it has.
 */
public final class WireReader {

  private final Map<String, ?> object;
  private List<Violation> violations;

  private WireReader(Map<String, ?> object) {
    this.object = object;
  }

  /**
   * Starts reading {@code object}. In a strict schema every key outside {@code declaredKeys} is an
   * {@link Code#UNRECOGNIZED_KEYS} violation at the key's own path, with a suggestion when one of
   * the declared keys is close.
   */
  public static WireReader of(Map<String, ?> object, Set<String> declaredKeys, boolean strict) {
    if (object == null) {
      throw new NullPointerException("payload");
    }
    WireReader in = new WireReader(object);
    for (Object key : object.keySet()) {
      if (!(key instanceof String name)) {
        in.report("", Code.INVALID_TYPE, "keys must be strings, was " + key);
      } else if (strict && !declaredKeys.contains(name)) {
        String suggestion = DidYouMean.closest(name, declaredKeys);
        in.report(Pointer.child("", name), Code.UNRECOGNIZED_KEYS,
            "unknown key '" + name + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"));
      }
    }
    return in;
  }

  /** Starts reading {@code object} of a strict schema: a key outside {@code declaredKeys} is a violation. */
  public static WireReader strict(Map<String, ?> object, Set<String> declaredKeys) {
    return of(object, declaredKeys, true);
  }

  /** Starts reading {@code object} of a lenient schema: keys outside {@code declaredKeys} are ignored. */
  public static WireReader lenient(Map<String, ?> object, Set<String> declaredKeys) {
    return of(object, declaredKeys, false);
  }

  /** A required field: {@link Code#MISSING} when absent, {@link Code#INVALID_TYPE} when {@code null}. */
  public <T> T required(String key, WireType<T> type) {
    Object wire = object.get(key);
    String path = Pointer.child("", key);
    if (wire == null) {
      if (object.containsKey(key)) {
        return invalidType(path, "a value", null);
      }
      violations = Violations.missing(violations, path);
      return null;
    }
    return type.read(wire, path, this);
  }

  /** An optional field: empty when absent; an explicit {@code null} is not absent, but a wrong type. */
  public <T> Optional<T> optional(String key, WireType<T> type) {
    if (!object.containsKey(key)) {
      return Optional.empty();
    }
    T value = required(key, type);
    return value == null ? null : Optional.of(value);
  }

  /** An optional {@code int} field. */
  public OptionalInt optionalInt(String key) {
    Optional<Integer> value = optional(key, WireType.INT);
    return value == null ? null : value.map(OptionalInt::of).orElseGet(OptionalInt::empty);
  }

  /** An optional {@code long} field. */
  public OptionalLong optionalLong(String key) {
    Optional<Long> value = optional(key, WireType.LONG);
    return value == null ? null : value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
  }

  /** An optional {@code double} field. */
  public OptionalDouble optionalDouble(String key) {
    Optional<Double> value = optional(key, WireType.DOUBLE);
    return value == null ? null : value.map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
  }

  /** A list field: empty when absent. */
  public <T> List<T> list(String key, WireType<T> element) {
    return object.containsKey(key) ? required(key, WireType.listOf(element)) : List.of();
  }

  /** A map field: empty when absent. */
  public <T> Map<String, T> map(String key, WireType<T> value) {
    return object.containsKey(key) ? required(key, WireType.mapOf(value)) : Map.of();
  }

  /** A list field that must be present (it has {@code @Size(min >= 1)}): {@code missing} when absent. */
  public <T> List<T> listRequired(String key, WireType<T> element) {
    return required(key, WireType.listOf(element));
  }

  /** A map field that must be present (it has {@code @Size(min >= 1)}): {@code missing} when absent. */
  public <T> Map<String, T> mapRequired(String key, WireType<T> value) {
    return required(key, WireType.mapOf(value));
  }

  /** An open {@code Map<String, Object>} field that must be present: {@code missing} when absent. */
  public Map<String, Object> jsonObjectRequired(String key) {
    if (!object.containsKey(key)) {
      violations = Violations.missing(violations, Pointer.child("", key));
      return null;
    }
    return jsonObject(key);
  }

  /**
   * An open {@code Map<String, Object>} field: empty when absent; its values are any JSON values,
   * {@code null} included, nested at most {@link JsonValues#MAX_DEPTH} deep.
   */
  @SuppressWarnings("unchecked") // JsonValues reads an object into a Map<String, Object>
  public Map<String, Object> jsonObject(String key) {
    if (!object.containsKey(key)) {
      return Map.of();
    }
    Object wire = object.get(key);
    String path = Pointer.child("", key);
    if (!(wire instanceof Map<?, ?>)) {
      return invalidType(path, "an object", wire);
    }
    return (Map<String, Object>) JsonValues.readObject(wire, path, this);
  }

  /**
   * The discriminator of a union member: when present it must be {@code value}. Absent is fine, so
   * that a member can also be parsed on its own.
   */
  public void constant(String key, String value) {
    Object wire = object.get(key);
    if (wire == null && !object.containsKey(key)) {
      return;
    }
    if (!value.equals(wire)) {
      report(Pointer.child("", key), Code.INVALID_VALUE, "must be '" + value + "', was " + Violations.describe(wire));
    }
  }

  /**
   * The violations found so far, or {@code null} if none: generated code passes this list to each
   * field's checks and {@linkplain #update updates} it with what they return.
   */
  public List<Violation> violations() {
    return violations;
  }

  /** Replaces the violations with {@code violations}: those read so far, with a field's rule violations added. */
  public void update(List<Violation> violations) {
    this.violations = violations;
  }

  /** Records a violation. */
  public void report(String path, Code code, String message) {
    violations = Violations.add(violations, path, code, message);
  }

  /** Records the violations of an enclosed value, under {@code prefix}. */
  public void reportAll(String prefix, List<Violation> nested) {
    violations = Violations.addAll(violations, prefix, nested);
  }

  /** Records an {@link Code#INVALID_TYPE} violation and returns {@code null}, for one-line reads. */
  public <T> T invalidType(String path, String expected, Object seen) {
    report(path, Code.INVALID_TYPE, "expected " + expected + ", was " + JsonValues.typeOf(seen)
        + (seen instanceof String || seen instanceof Number || seen instanceof Boolean ? " " + Violations.describe(seen) : ""));
    return null;
  }
}
