package dev.eventschema.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Defensive copies for immutable values. Lists use {@link java.util.List#copyOf}; maps keep their order. */
public final class Copies {

  private Copies() {}

  /** An unmodifiable copy of {@code map} that iterates in the same order. */
  public static <V> Map<String, V> map(Map<String, ? extends V> map) {
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** The wire form of a map whose values are converted one by one, such as nested schemas. */
  public static <V> Map<String, Object> mapValues(Map<String, V> map, Function<? super V, Object> toWire) {
    Map<String, Object> wire = new LinkedHashMap<>();
    map.forEach((key, value) -> wire.put(key, toWire.apply(value)));
    return Collections.unmodifiableMap(wire);
  }
}
