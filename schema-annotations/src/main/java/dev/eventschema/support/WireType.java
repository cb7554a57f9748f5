package dev.eventschema.support;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How one kind of value is read strictly from its wire form: no coercion between JSON types, every
 * problem reported to the {@link WireReader} with its path.
 *
 * @param <T> the Java type read
 */
@FunctionalInterface
public interface WireType<T> {

  /** The value read from {@code wire} (never {@code null} on the wire), or {@code null} after reporting why not. */
  T read(Object wire, String path, WireReader in);

  /** A JSON string. */
  WireType<String> STRING = (wire, path, in) -> {
    if (wire instanceof String s) {
      return s;
    }
    return in.invalidType(path, "a string", wire);
  };

  /** A JSON boolean. */
  WireType<Boolean> BOOLEAN = (wire, path, in) -> {
    if (wire instanceof Boolean b) {
      return b;
    }
    return in.invalidType(path, "a boolean", wire);
  };

  /** A JSON number without a fraction that fits in an {@code int}. */
  WireType<Integer> INT = (wire, path, in) -> {
    Long value = Numbers.integral(wire, path, in, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
    return value == null ? null : Integer.valueOf(value.intValue());
  };

  /** A JSON number without a fraction that fits in a {@code long}. */
  WireType<Long> LONG = (wire, path, in) -> Numbers.integral(wire, path, in, Long.MIN_VALUE, Long.MAX_VALUE, "a long");

  /**
   * A JSON number within the range of a {@code double}. A number beyond it ({@code 1e400}, read
   * as a {@code BigDecimal}) is {@code too_big}/{@code too_small} and shown as written; see
   * {@link Numbers#toDouble} for how a number is rounded so that integral bounds stay exact.
   */
  WireType<Double> DOUBLE = (wire, path, in) -> {
    if (!(wire instanceof Number number)) {
      return in.invalidType(path, "a number", wire);
    }
    return Numbers.toDouble(number, path, in);
  };

  /** An enum whose wire values are its constant names in lower case. */
  static <E extends Enum<E>> WireType<E> enumOf(E[] constants) {
    Map<String, E> byWireName = new HashMap<>();
    StringJoiner allowed = new StringJoiner("', '", "'", "'");
    for (E constant : constants) {
      String wireName = constant.name().toLowerCase(Locale.ROOT);
      byWireName.put(wireName, constant);
      allowed.add(wireName);
    }
    String rule = "must be one of " + allowed;
    return (wire, path, in) -> {
      if (!(wire instanceof String s)) {
        return in.invalidType(path, "a string", wire);
      }
      E constant = byWireName.get(s);
      if (constant == null) {
        in.report(path, Code.INVALID_VALUE, rule + ", was " + Violations.describe(s));
      }
      return constant;
    };
  }

  /** A JSON object read by another schema's validator; its violations are put under {@code path}. */
  static <T> WireType<T> schema(SchemaValidator<T> validator) {
    return (wire, path, in) -> {
      if (!(wire instanceof Map<?, ?> object)) {
        return in.invalidType(path, "an object", wire);
      }
      @SuppressWarnings("unchecked") // keys are checked by the nested reader
      ParseResult<T> result = validator.parse((Map<String, ?>) object);
      if (result instanceof ParseResult.Valid<T> valid) {
        return valid.value();
      }
      in.reportAll(path, result.violations());
      return null;
    };
  }

  /**
   * The bare-string form of a {@code @StringForm} union member: the string fills {@code field}, and
   * the field's rules apply to it at {@code path} itself.
   */
  static <T> WireType<T> stringForm(SchemaValidator<T> validator, String field) {
    String fieldPath = Pointer.child("", field);
    return (wire, path, in) -> {
      ParseResult<T> result = validator.parse(Map.of(field, wire));
      if (result instanceof ParseResult.Valid<T> valid) {
        return valid.value();
      }
      for (Violation violation : result.violations()) {
        String inner = violation.path().startsWith(fieldPath) ? violation.path().substring(fieldPath.length())
            : violation.path();
        in.report(path + inner, violation.code(), violation.message());
      }
      return null;
    };
  }

  /** A JSON array whose elements are all read by {@code element}; an unmodifiable list. */
  static <T> WireType<List<T>> listOf(WireType<T> element) {
    return (wire, path, in) -> {
      if (!(wire instanceof List<?> list)) {
        return in.invalidType(path, "an array", wire);
      }
      List<T> values = new ArrayList<>(list.size());
      boolean valid = true;
      for (int i = 0; i < list.size(); i++) {
        Object item = list.get(i);
        T value = item == null ? in.invalidType(Pointer.child(path, i), "a value", null)
            : element.read(item, Pointer.child(path, i), in);
        valid &= value != null;
        values.add(value);
      }
      return valid ? Collections.unmodifiableList(values) : null;
    };
  }

  /** A JSON object whose values are all read by {@code value}; an unmodifiable map in wire order. */
  static <T> WireType<Map<String, T>> mapOf(WireType<T> value) {
    return (wire, path, in) -> {
      if (!(wire instanceof Map<?, ?> map)) {
        return in.invalidType(path, "an object", wire);
      }
      Map<String, T> values = new LinkedHashMap<>();
      boolean valid = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          in.report(path, Code.INVALID_TYPE, "keys must be strings, was " + entry.getKey());
          valid = false;
          continue;
        }
        String entryPath = Pointer.child(path, key);
        T read = entry.getValue() == null ? in.invalidType(entryPath, "a value", null)
            : value.read(entry.getValue(), entryPath, in);
        valid &= read != null;
        values.put(key, read);
      }
      return valid ? Collections.unmodifiableMap(values) : null;
    };
  }

  /** Reading of numbers, shared by {@link #INT}, {@link #LONG}, {@link #DOUBLE} and open JSON objects. */
  final class Numbers {

    /**
     * The largest double as JSON Schema writes it ({@code 1.7976931348623157E308}, a little below
     * the double's exact value): the limit of the double range, the same in Java and in the schema.
     */
    static final BigDecimal MAX_DOUBLE = new BigDecimal(Double.toString(Double.MAX_VALUE));

    /** Beyond 2^53 a long may not be a double exactly. */
    private static final long EXACT_DOUBLE_LIMIT = 1L << 53;

    /** Whole numbers with more digits than this are out of every integral range; not expanded. */
    private static final int MAX_INTEGRAL_DIGITS = 20;

    private Numbers() {}

    static Long integral(Object wire, String path, WireReader in, long min, long max, String kind) {
      if (!(wire instanceof Number number)) {
        return in.invalidType(path, kind, wire);
      }
      BigInteger exact;
      if (wire instanceof Integer || wire instanceof Long || wire instanceof Short || wire instanceof Byte) {
        long value = number.longValue();
        if (value >= min && value <= max) {
          return value;
        }
        exact = BigInteger.valueOf(value);
      } else if (wire instanceof BigInteger big) {
        exact = big;
      } else {
        BigDecimal decimal;
        try {
          decimal = wire instanceof BigDecimal d ? d : new BigDecimal(number.doubleValue());
        } catch (NumberFormatException notFinite) {
          return in.invalidType(path, kind, wire);
        }
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
          return in.invalidType(path, kind + " (a whole number)", wire);
        }
        // 1e1000000000 is whole, but expanding it would take gigabytes: its sign is enough
        exact = decimal.precision() - decimal.scale() > MAX_INTEGRAL_DIGITS
            ? BigInteger.TEN.pow(MAX_INTEGRAL_DIGITS).multiply(BigInteger.valueOf(decimal.signum()))
            : decimal.toBigInteger();
      }
      if (exact.compareTo(BigInteger.valueOf(min)) < 0) {
        in.report(path, Code.TOO_SMALL, "must fit in " + kind + " (at least " + min + "), was " + wire);
        return null;
      }
      if (exact.compareTo(BigInteger.valueOf(max)) > 0) {
        in.report(path, Code.TOO_BIG, "must fit in " + kind + " (at most " + max + "), was " + wire);
        return null;
      }
      return exact.longValue();
    }

    /**
     * The double of a wire number, or {@code null} after reporting why not. A number beyond the
     * double range is {@code too_big}/{@code too_small} (a {@code Double} infinity, which a JSON
     * reader that rounds makes of {@code 1e400}, is {@code not_finite}: the number as written is
     * lost). A number that rounds onto a whole double it is not equal to ({@code 1e-400} onto 0,
     * {@code 2.00000000000000001} onto 2) becomes the next double on its side, so that a bound such
     * as {@code @NegativeOrZero} judges it as JSON Schema does, on the number as written.
     */
    static Double toDouble(Number number, String path, WireReader in) {
      if (number instanceof Double || number instanceof Float) {
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
          in.report(path, Code.NOT_FINITE, "must be a finite number, was " + number);
          return null;
        }
        return value;
      }
      if (number instanceof Integer || number instanceof Short || number instanceof Byte) {
        return number.doubleValue();
      }
      if (number instanceof Long && Math.abs(number.longValue()) < EXACT_DOUBLE_LIMIT) {
        return number.doubleValue();
      }
      BigDecimal exact = number instanceof BigDecimal decimal ? decimal
          : number instanceof BigInteger big ? new BigDecimal(big) : new BigDecimal(number.toString());
      if (!inDoubleRange(exact, path, in, number)) {
        return null;
      }
      double value = exact.doubleValue();
      if (value == Math.rint(value)) {
        int side = exact.compareTo(new BigDecimal(value));
        if (side != 0) {
          value = side > 0 ? Math.nextUp(value) : Math.nextDown(value);
        }
      }
      return value;
    }

    /** Whether a number given exactly is within the double range; reports it when not. */
    static boolean inDoubleRange(BigDecimal exact, String path, WireReader in, Object written) {
      if (exact.abs().compareTo(MAX_DOUBLE) <= 0) {
        return true;
      }
      boolean tooBig = exact.signum() > 0;
      in.report(path, tooBig ? Code.TOO_BIG : Code.TOO_SMALL, "must be " + (tooBig ? "at most " : "at least -")
          + Double.MAX_VALUE + " (the double range), was " + written);
      return false;
    }
  }
}
