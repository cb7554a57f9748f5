package dev.eventschema.support;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * JSON objects and arrays that are known to be valid open-map content ({@link JsonValues}): deeply
 * immutable, holding only JSON values, with their nesting height recorded. {@link JsonValues#check}
 * accepts them at once and {@link JsonValues#copyObject} keeps them instead of copying, so a value
 * that a parser or codec has checked is never walked or copied again.
 *
 * <p>Only code that has checked every value may make one: the support code of {@code parse} and the
 * generated codecs. Each takes ownership of the container it is given, which nothing else may keep.
 */
public final class CheckedJson {

  /** The empty object, shared: most open maps (such as an event's absent {@code metadata}) are empty. */
  private static final Map<String, Object> EMPTY_OBJECT = new CheckedObject(new LinkedHashMap<>(), 1);
  private static final List<Object> EMPTY_ARRAY = new CheckedArray(List.of(), 1);

  private CheckedJson() {}

  /** The checked empty object. */
  public static Map<String, Object> emptyObject() {
    return EMPTY_OBJECT;
  }

  /** The checked empty array. */
  public static List<Object> emptyArray() {
    return EMPTY_ARRAY;
  }

  /**
   * A checked object over {@code owned}, whose values are valid JSON values, every nested object
   * and array being itself checked. {@code height}: 1 plus the largest height of a nested container.
   */
  public static Map<String, Object> object(LinkedHashMap<String, Object> owned, int height) {
    return new CheckedObject(owned, height);
  }

  /** A checked array over {@code owned}, as {@link #object}. */
  public static List<Object> array(List<Object> owned, int height) {
    return new CheckedArray(owned, height);
  }

  /** Whether {@code value} is a checked object or array. */
  public static boolean isChecked(Object value) {
    return value instanceof CheckedObject || value instanceof CheckedArray;
  }

  /** The nesting height of a JSON value: 0 for a scalar, 1 for a flat object or array, and so on. */
  public static int heightOf(Object value) {
    if (value instanceof CheckedObject object) {
      return object.height;
    }
    if (value instanceof CheckedArray array) {
      return array.height;
    }
    return 0;
  }

  /** Unmodifiable: every mutator of {@link AbstractMap} throws; reads go to the owned map. */
  private static final class CheckedObject extends AbstractMap<String, Object> {
    private final Map<String, Object> view;
    private final int height;

    CheckedObject(LinkedHashMap<String, Object> owned, int height) {
      this.view = Collections.unmodifiableMap(owned);
      this.height = height;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return view.entrySet();
    }

    @Override
    public int size() {
      return view.size();
    }

    @Override
    public boolean isEmpty() {
      return view.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
      return view.containsKey(key);
    }

    @Override
    public Object get(Object key) {
      return view.get(key);
    }

    @Override
    public Set<String> keySet() {
      return view.keySet();
    }

    @Override
    public Collection<Object> values() {
      return view.values();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Object> action) {
      view.forEach(action);
    }
  }

  private static final class CheckedArray extends AbstractList<Object> implements RandomAccess {
    private final List<Object> owned;
    private final int height;

    CheckedArray(List<Object> owned, int height) {
      this.owned = owned;
      this.height = height;
    }

    @Override
    public Object get(int index) {
      return owned.get(index);
    }

    @Override
    public int size() {
      return owned.size();
    }
  }
}
