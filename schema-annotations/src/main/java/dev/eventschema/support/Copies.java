package dev.eventschema.support;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.Function;

/**
 * Defensive copies for immutable values. Lists use {@link List#copyOf}; maps keep their order. A
 * collection that support code or a generated codec has just built and handed over with
 * {@link #owned(ArrayList)} or {@link #owned(LinkedHashMap)} is kept instead of being copied again.
 */
public final class Copies {

  private Copies() {}

  /** An unmodifiable copy of {@code map} that iterates in the same order; an owned map as it is. */
  @SuppressWarnings("unchecked")
  public static <V> Map<String, V> map(Map<String, ? extends V> map) {
    if (map instanceof OwnedMap<?>) {
      return (Map<String, V>) map;
    }
    return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** {@link List#copyOf}: an unmodifiable copy without {@code null}s; an owned list as it is. */
  @SuppressWarnings("unchecked")
  public static <E> List<E> list(List<? extends E> list) {
    return list instanceof OwnedList<?> ? (List<E>) list : List.copyOf(list);
  }

  /**
   * An unmodifiable view of a list that the caller has just built, holds no {@code null} and hands
   * over: nothing else may keep a reference to {@code list}. {@link #list} keeps it.
   */
  public static <E> List<E> owned(ArrayList<E> list) {
    return new OwnedList<>(list);
  }

  /** An unmodifiable view of a map that the caller has just built and hands over; {@link #map} keeps it. */
  public static <V> Map<String, V> owned(LinkedHashMap<String, V> map) {
    return new OwnedMap<>(map);
  }

  /** The wire form of a map whose values are converted one by one, such as nested schemas. */
  public static <V> Map<String, Object> mapValues(Map<String, V> map, Function<? super V, Object> toWire) {
    Map<String, Object> wire = new LinkedHashMap<>();
    map.forEach((key, value) -> wire.put(key, toWire.apply(value)));
    return Collections.unmodifiableMap(wire);
  }

  private static final class OwnedList<E> extends AbstractList<E> implements RandomAccess {
    private final ArrayList<E> list;

    OwnedList(ArrayList<E> list) {
      this.list = list;
    }

    @Override
    public E get(int index) {
      return list.get(index);
    }

    @Override
    public int size() {
      return list.size();
    }
  }

  /** Unmodifiable: every mutator of {@link AbstractMap} throws. */
  private static final class OwnedMap<V> extends AbstractMap<String, V> {
    private final Map<String, V> view;

    OwnedMap(LinkedHashMap<String, V> map) {
      this.view = Collections.unmodifiableMap(map);
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
      return view.entrySet();
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public V get(Object key) {
      return view.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }
  }
}
