package dev.eventschema.engine.events.testing;

import dev.eventschema.Violation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payload maps for tests, written as they arrive from JSON: insertion-ordered, nulls allowed. */
public final class Payloads {

  private Payloads() {}

  /** A map of alternating keys and values. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** {@code base} with {@code key} set to {@code value} (which may be null). */
  public static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> map = new LinkedHashMap<>(base);
    map.put(key, value);
    return Collections.unmodifiableMap(map);
  }

  /** {@code base} without {@code key}. */
  public static Map<String, Object> without(Map<String, Object> base, String key) {
    Map<String, Object> map = new LinkedHashMap<>(base);
    map.remove(key);
    return Collections.unmodifiableMap(map);
  }

  /** Violations as {@code "<path> <code>"}, the shape the tables below expect. */
  public static List<String> pathsAndCodes(List<Violation> violations) {
    return violations.stream().map(v -> v.path() + " " + v.code().wireName()).toList();
  }
}
