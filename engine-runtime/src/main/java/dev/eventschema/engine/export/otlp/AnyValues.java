package dev.eventschema.engine.export.otlp;

import io.opentelemetry.api.common.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A wire payload (the JSON values of a validated event: maps, lists, strings, numbers, booleans,
 * {@code null}) as an OTLP {@code AnyValue}, kept structured: an object is a key-value list, an array
 * an array value, so that a collector can read {@code body.model} without parsing a string. Payloads
 * are bounded by their schemas (open maps at most 32 deep), so the recursion is too.
 */
final class AnyValues {

  private AnyValues() {}

  /** {@code payload} as a key-value list, its keys in their wire order. */
  static Value<?> ofObject(Map<String, ?> payload) {
    Map<String, Value<?>> values = new LinkedHashMap<>();
    payload.forEach((key, value) -> values.put(key, of(value)));
    return Value.of(values);
  }

  /** One JSON value. A number keeps its kind: a whole number that fits a long is an int value. */
  static Value<?> of(Object json) {
    return switch (json) {
      case null -> Value.empty();
      case String text -> Value.of(text);
      case Boolean flag -> Value.of(flag);
      case Integer number -> Value.of(number.longValue());
      case Long number -> Value.of(number);
      case Short number -> Value.of(number.longValue());
      case Byte number -> Value.of(number.longValue());
      case BigInteger number -> number.bitLength() < 64 ? Value.of(number.longValue()) : Value.of(number.doubleValue());
      case BigDecimal number -> Value.of(number.doubleValue());
      case Number number -> Value.of(number.doubleValue());
      case Map<?, ?> map -> {
        Map<String, Value<?>> values = new LinkedHashMap<>();
        map.forEach((key, value) -> values.put(String.valueOf(key), of(value)));
        yield Value.of(values);
      }
      case List<?> list -> {
        List<Value<?>> values = new ArrayList<>(list.size());
        list.forEach(value -> values.add(of(value)));
        yield Value.of(values);
      }
      default -> Value.of(json.toString());
    };
  }
}
