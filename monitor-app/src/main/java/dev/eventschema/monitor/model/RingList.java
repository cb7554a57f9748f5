package dev.eventschema.monitor.model;

import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * An observable list over a ring buffer of fixed capacity, for live tables: appending at the end and
 * removing from the head each cost O(n) in what is added or removed (not in the list's size), and each
 * is announced as one change, so that a TableView only shifts its rows (and not built at all when no
 * one listens, as for the log behind the events table's own copy).
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

  /** The items in order, copied in at most two blocks (a table's snapshot of 20,000 rows, ten times a second). */
  @Override
  public Object[] toArray() {
    Object[] copy = new Object[size];
    copyTo(copy, size);
    return copy;
  }

  private void copyTo(Object[] target, int count) {
    int firstBlock = Math.min(count, ring.length - head);
    System.arraycopy(ring, head, target, 0, firstBlock);
    System.arraycopy(ring, 0, target, firstBlock, count - firstBlock);
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
    if (hasListeners()) {
      beginChange();
      nextAdd(from, size);
      endChange();
    }
  }

  /** The first {@code count} items, copied. */
  public List<E> head(int count) {
    if (count < 0 || count > size) {
      throw new IndexOutOfBoundsException(count);
    }
    Object[] items = new Object[count];
    copyTo(items, count);
    @SuppressWarnings("unchecked")
    List<E> head = (List<E>) java.util.Arrays.asList(items);
    return head;
  }

  /** Removes the first {@code count} items in one change. */
  public void removeHead(int count) {
    if (count <= 0) {
      return;
    }
    if (count > size) {
      throw new IndexOutOfBoundsException(count);
    }
    List<E> removed = hasListeners() ? head(count) : List.of();
    for (int i = 0; i < count; i++) {
      ring[(head + i) % ring.length] = null;
    }
    head = (head + count) % ring.length;
    size -= count;
    if (hasListeners()) {
      beginChange();
      nextRemove(0, removed);
      endChange();
    }
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
