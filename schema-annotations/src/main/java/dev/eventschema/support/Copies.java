package dev.eventschema.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Defensive copies for immutable values. Lists use {@link java.util.List#copyOf}; maps keep their order. */
public final class Copies {

  private Copies() {}

  /** An unmodifiable copy of {@code map} that iterates in the same order. */
  public static <V> Map<String, V> map(Map<String, ? extends V> map) {
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
