package dev.eventschema.support;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Puts the fields of a value into its wire map for a generated {@code toMap}, one line per field.
 * An absent value (an empty optional, an empty collection) is left out, and so is a {@code null}
 * that only a hand-written, invalid value can hold, so that such a value can still be recorded.
 */
public final class WireWriter {

  private WireWriter() {}

  /** Puts {@code value} unless it is {@code null}. */
  public static void put(Map<String, Object> wire, String key, Object value) {
    if (value != null) {
      wire.put(key, value);
    }
  }

  /** Puts the value of {@code value} if present. */
  public static void putOptional(Map<String, Object> wire, String key, Optional<?> value) {
    if (value != null && value.isPresent()) {
      wire.put(key, value.get());
    }
  }

  /** Puts the value of {@code value} if present. */
  public static void putOptional(Map<String, Object> wire, String key, OptionalInt value) {
    if (value != null && value.isPresent()) {
      wire.put(key, value.getAsInt());
    }
  }

  /** Puts the value of {@code value} if present. */
  public static void putOptional(Map<String, Object> wire, String key, OptionalLong value) {
    if (value != null && value.isPresent()) {
      wire.put(key, value.getAsLong());
    }
  }

  /** Puts the value of {@code value} if present. */
  public static void putOptional(Map<String, Object> wire, String key, OptionalDouble value) {
    if (value != null && value.isPresent()) {
      wire.put(key, value.getAsDouble());
    }
  }

  /** Puts {@code list} unless it is empty. */
  public static void putNonEmpty(Map<String, Object> wire, String key, Collection<?> list) {
    if (list != null && !list.isEmpty()) {
      wire.put(key, list);
    }
  }

  /** Puts {@code map} unless it is empty. */
  public static void putNonEmpty(Map<String, Object> wire, String key, Map<String, ?> map) {
    if (map != null && !map.isEmpty()) {
      wire.put(key, map);
    }
  }
}
