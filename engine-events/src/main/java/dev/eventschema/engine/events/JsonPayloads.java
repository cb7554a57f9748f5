package dev.eventschema.engine.events;

import dev.eventschema.support.JsonValues;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deep copies of payloads that arrive as data, which may hold anything: the caller may change them
 * later, they may be cyclic, and their values need not be JSON at all.
 *
 * <p>Two strengths: {@link #copyAsReceived} keeps every immutable value as it was (a {@code NaN}
 * stays a {@code NaN}), so that a rejection shows what was sent; {@link #jsonSafeCopy} also turns what
 * JSON cannot hold into strings, so that the copy can travel inside an open {@code Map<String, Object>}
 * field of a schema.
 */
public final class JsonPayloads {

  /**
   * Containers deeper than this (the top map being depth 1) are replaced by {@link #TOO_DEEP}: the
   * same limit as the generated validators', and what stops a cyclic map from recursing forever.
   */
  public static final int MAX_DEPTH = JsonValues.MAX_DEPTH;

  /** What stands for a container nested deeper than {@link #MAX_DEPTH}. */
  public static final String TOO_DEEP = "<nested deeper than " + MAX_DEPTH + ">";

  private JsonPayloads() {}

  /**
   * An unmodifiable deep copy that keeps immutable values as they are. Keys become strings; arrays
   * and collections become lists; a value that is neither immutable nor a container (which could
   * change after the copy) is kept as its {@code toString()}.
   */
  public static Map<String, Object> copyAsReceived(Map<?, ?> payload) {
    return copyMap(payload, 1, false);
  }

  /** As {@link #copyAsReceived}, and also every non-JSON value (NaN, a character, an enum) as a string. */
  public static Map<String, Object> jsonSafeCopy(Map<?, ?> payload) {
    return copyMap(payload, 1, true);
  }

  private static Map<String, Object> copyMap(Map<?, ?> map, int depth, boolean jsonSafe) {
    Map<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      copy.put(String.valueOf(entry.getKey()), copy(entry.getValue(), depth + 1, jsonSafe));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static Object copy(Object value, int depth, boolean jsonSafe) {
    if (value instanceof Map<?, ?> || value instanceof Collection<?> || value != null && value.getClass().isArray()) {
      return depth > MAX_DEPTH ? TOO_DEEP : copyContainer(value, depth, jsonSafe);
    }
    if (value == null || value instanceof String || value instanceof Boolean || isJsonNumber(value)) {
      return value;
    }
    if (!jsonSafe && isImmutable(value)) {
      return value;
    }
    return String.valueOf(value);
  }

  private static Object copyContainer(Object container, int depth, boolean jsonSafe) {
    if (container instanceof Map<?, ?> map) {
      return copyMap(map, depth, jsonSafe);
    }
    List<Object> copy = new ArrayList<>();
    if (container instanceof Collection<?> collection) {
      for (Object item : collection) {
        copy.add(copy(item, depth + 1, jsonSafe));
      }
    } else {
      for (int i = 0; i < Array.getLength(container); i++) {
        copy.add(copy(Array.get(container, i), depth + 1, jsonSafe));
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** Numbers that JSON can hold, in the boxed types that the generated validators accept. */
  private static boolean isJsonNumber(Object value) {
    if (value instanceof Double d) {
      return Double.isFinite(d);
    }
    if (value instanceof Float f) {
      return Float.isFinite(f);
    }
    return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger || value instanceof BigDecimal;
  }

  private static boolean isImmutable(Object value) {
    return value instanceof Double || value instanceof Float || value instanceof Character || value instanceof Enum<?>;
  }
}
