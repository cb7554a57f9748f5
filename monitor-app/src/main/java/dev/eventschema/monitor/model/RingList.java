package dev.eventschema.monitor.model;

import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list over a ring buffer of fixed capacity, for live tables: appending at the end and
 * removing from the head each cost O(n) in what is added or removed (not in the list's size), and each
 * is announced as one change, so that a TableView only shifts its rows.
 *
 * <p>Changed only through {@link #append}, {@link #removeHead} and {@link #replaceAll}; the
 * {@code List} mutators of {@code AbstractList} are unsupported. FX-thread confined when shown.
 */
public final class RingList<E> extends ObservableListBase<E> {

  private final Object[] ring;
  private int head;
  private int size;

  public RingList(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    ring = new Object[capacity];
  }

  public int capacity() {
    return ring.length;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return (E) ring[(head + index) % ring.length];
  }

  @Override
  public int size() {
    return size;
  }

  /** Appends {@code items}, which must fit: {@code size() + items.size() <= capacity()}. */
  public void append(List<? extends E> items) {
    if (items.isEmpty()) {
      return;
    }
    if (size + items.size() > ring.length) {
      throw new IllegalStateException("over capacity: " + size + " + " + items.size() + " > " + ring.length);
    }
    int from = size;
    for (E item : items) {
      ring[(head + size) % ring.length] = item;
      size++;
    }
    beginChange();
    nextAdd(from, size);
    endChange();
  }

  /** Removes the first {@code count} items in one change. */
  public void removeHead(int count) {
    if (count <= 0) {
      return;
    }
    if (count > size) {
      throw new IndexOutOfBoundsException(count);
    }
    List<E> removed = new java.util.ArrayList<>(subList(0, count));
    for (int i = 0; i < count; i++) {
      ring[(head + i) % ring.length] = null;
    }
    head = (head + count) % ring.length;
    size -= count;
    beginChange();
    nextRemove(0, removed);
    endChange();
  }

  /** Replaces the whole content (at most {@code capacity()} items) in one change. */
  public void replaceAll(Collection<? extends E> items) {
    if (items.size() > ring.length) {
      throw new IllegalStateException("over capacity: " + items.size() + " > " + ring.length);
    }
    List<E> removed = new java.util.ArrayList<>(this);
    java.util.Arrays.fill(ring, null);
    head = 0;
    size = 0;
    for (E item : items) {
      ring[size++] = item;
    }
    beginChange();
    if (!removed.isEmpty()) {
      nextRemove(0, removed);
    }
    if (size > 0) {
      nextAdd(0, size);
    }
    endChange();
  }
}
