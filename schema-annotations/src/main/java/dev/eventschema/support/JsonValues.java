package dev.eventschema.support;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The open {@code Map<String, Object>} fields ("metadata"): their values must be JSON values (null,
 * boolean, number, string, list, map with string keys), nested at most {@link #MAX_DEPTH} deep.
 */
public final class JsonValues {

  /** The deepest nesting allowed, counting the open map itself as depth 1. */
  public static final int MAX_DEPTH = 32;

  private JsonValues() {}

  /**
   * Checks an open map of a typed value. A valid map is checked without allocating; only an invalid
   * one is walked a second time to say where.
   */
  public static List<Violation> check(Map<String, ?> object, String path, List<Violation> violations) {
    if (object == null) {
      return Violations.missing(violations, path);
    }
    if (object.isEmpty() || isValidObject(object, 1)) {
      return violations;
    }
    WireReader in = WireReader.of(Map.of(), java.util.Set.of(), false);
    read(object, path, in, 1);
    return Violations.addAll(violations, "", in.violations());
  }

  /**
   * An immutable copy, in the same order, of a valid open map; a {@link CheckedJson} map (one that a
   * parser or an earlier copy made) is returned as it is, and so are the checked values inside.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> copyObject(Map<String, ?> object) {
    return CheckedJson.isChecked(object) ? (Map<String, Object>) object : (Map<String, Object>) copyValue(object);
  }

  /** Reads (checks and copies) an open map from the wire, or returns {@code null} after reporting why not. */
  static Object readObject(Object wire, String path, WireReader in) {
    Object value = read(wire, path, in, 1);
    return value == INVALID ? null : value;
  }

  private static final Object INVALID = new Object();

  private static Object read(Object wire, String path, WireReader in, int depth) {
    if (wire == null || wire instanceof String || wire instanceof Boolean) {
      return wire;
    }
    if (wire instanceof Number number) {
      if (isFiniteNumber(number)) {
        return wire;
      }
      if (number instanceof BigDecimal || number instanceof BigInteger) {
        WireType.Numbers.inDoubleRange(exact(number), path, in, wire);
      } else {
        in.report(path, Code.NOT_FINITE, "must be a finite number, was " + wire);
      }
      return INVALID;
    }
    if (!(wire instanceof List<?>) && !(wire instanceof Map<?, ?>)) {
      in.report(path, Code.INVALID_TYPE, "expected a JSON value, was " + wire.getClass().getSimpleName());
      return INVALID;
    }
    if (depth > MAX_DEPTH) {
      in.report(path, Code.TOO_BIG, "must be nested at most " + MAX_DEPTH + " deep, was deeper");
      return INVALID;
    }
    if (CheckedJson.isChecked(wire) && depth + CheckedJson.heightOf(wire) - 1 <= MAX_DEPTH) {
      return wire;
    }
    boolean valid = true;
    int height = 1;
    if (wire instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        Object item = read(list.get(i), Pointer.child(path, i), in, depth + 1);
        valid &= item != INVALID;
        height = Math.max(height, CheckedJson.heightOf(item) + 1);
        copy.add(item);
      }
      return valid ? CheckedJson.array(copy, height) : INVALID;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : ((Map<?, ?>) wire).entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        in.report(path, Code.INVALID_TYPE, "keys must be strings, was " + entry.getKey());
        valid = false;
        continue;
      }
      Object item = read(entry.getValue(), Pointer.child(path, key), in, depth + 1);
      valid &= item != INVALID;
      height = Math.max(height, CheckedJson.heightOf(item) + 1);
      copy.put(key, item);
    }
    return valid ? CheckedJson.object(copy, height) : INVALID;
  }

  /** The JSON name of a value's type, for messages: {@code string}, {@code number}, {@code null}... */
  public static String typeOf(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Number) {
      return "number";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof List<?>) {
      return "array";
    } else if (value instanceof Map<?, ?>) {
      return "object";
    }
    return value.getClass().getSimpleName();
  }

  /** A checked copy of a valid JSON value, keeping the checked containers inside it. */
  private static Object copyValue(Object value) {
    if (CheckedJson.isChecked(value)) {
      return value;
    }
    int height = 1;
    if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        return CheckedJson.emptyObject();
      }
      LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object item = copyValue(entry.getValue());
        height = Math.max(height, CheckedJson.heightOf(item) + 1);
        copy.put((String) entry.getKey(), item);
      }
      return CheckedJson.object(copy, height);
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return CheckedJson.emptyArray();
      }
      List<Object> copy = new ArrayList<>(list.size());
      for (Object item : list) {
        Object copied = copyValue(item);
        height = Math.max(height, CheckedJson.heightOf(copied) + 1);
        copy.add(copied);
      }
      return CheckedJson.array(copy, height);
    }
    return value;
  }

  private static boolean isValidObject(Map<?, ?> object, int depth) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (CheckedJson.isChecked(object)) {
      return depth + CheckedJson.heightOf(object) - 1 <= MAX_DEPTH;
    }
    for (Map.Entry<?, ?> entry : object.entrySet()) {
      if (!(entry.getKey() instanceof String) || !isValid(entry.getValue(), depth + 1)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isValid(Object value, int depth) {
    if (value == null || value instanceof String || value instanceof Boolean) {
      return true;
    }
    if (value instanceof Number number) {
      return isFiniteNumber(number);
    }
    if (value instanceof Map<?, ?> map) {
      return isValidObject(map, depth);
    }
    if (value instanceof List<?> list) {
      if (depth > MAX_DEPTH) {
        return false;
      }
      if (CheckedJson.isChecked(list)) {
        return depth + CheckedJson.heightOf(list) - 1 <= MAX_DEPTH;
      }
      for (int i = 0; i < list.size(); i++) {
        if (!isValid(list.get(i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /**
   * Whether {@code value} is a valid JSON scalar of an open map: {@code null}, a string, a boolean or
   * a number within the double range. For readers that build open maps themselves (the codecs),
   * so that they accept exactly what {@link #check} and {@code parse} accept.
   */
  public static boolean isValidScalar(Object value) {
    return value == null || value instanceof String || value instanceof Boolean
        || value instanceof Number number && isFiniteNumber(number);
  }

  /**
   * Whether a number is a JSON number within the double range (the range every JSON Schema
   * validator can hold): finite doubles, any integral type up to {@code 1.8e308}, decimals as well.
   */
  private static boolean isFiniteNumber(Number number) {
    if (number instanceof Double || number instanceof Float) {
      return Double.isFinite(number.doubleValue());
    }
    if (number instanceof BigInteger || number instanceof BigDecimal) {
      return exact(number).abs().compareTo(WireType.Numbers.MAX_DOUBLE) <= 0;
    }
    return number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte;
  }

  private static BigDecimal exact(Number number) {
    return number instanceof BigDecimal decimal ? decimal : new BigDecimal((BigInteger) number);
  }
}
