package dev.eventschema.monitor.model;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A table's rows as fixed slots, each showing whichever item of the source is at its position: for
 * a source whose items move, such as newest-first generations.
 *
 * <p>Why: when a table row's item changes, or the number of rows changes, the table re-lays out
 * every visible row and re-applies its CSS ({@code VirtualFlow.setCellIndex} calls {@code
 * applyCss()} on each cell that needs layout). A new generation at the head of a plain list gives
 * every visible row a new item, so the whole table was restyled at every update. Here the table's
 * items are the slots, which never move: an update only changes what each slot shows, and the
 * cells, bound to their slot's item ({@code slot.item().flatMap(...)}), only change their text.
 * Slots are added when the source grows and kept (blank) when it shrinks, so that the row count
 * settles; {@link #clear} gives them up while the table is hidden.
 *
 * <p>FX-thread confined.
 */
public final class SlotRows<T> {

  /** One row of the table: the item at its position, or null for a blank row. */
  public static final class Slot<T> {
    private final ReadOnlyObjectWrapper<T> item = new ReadOnlyObjectWrapper<>();

    public ReadOnlyObjectProperty<T> item() {
      return item.getReadOnlyProperty();
    }
  }

  private final ObservableList<T> source;
  private final ObservableList<Slot<T>> slots = FXCollections.observableArrayList();
  private boolean changed = true;

  public SlotRows(ObservableList<T> source) {
    this.source = source;
    source.addListener((ListChangeListener<T>) c -> changed = true);
  }

  /** The table's items. */
  public ObservableList<Slot<T>> slots() {
    return slots;
  }

  /** Whether the source changed since the last {@link #update} (or {@link #clear}). */
  public boolean isStale() {
    return changed;
  }

  /** Shows the source's items in the slots, in order, adding slots if there are more items than slots. */
  public void update() {
    if (!changed) {
      return;
    }
    changed = false;
    int missing = source.size() - slots.size();
    if (missing > 0) {
      List<Slot<T>> more = new ArrayList<>(missing);
      for (int i = 0; i < missing; i++) {
        more.add(new Slot<>());
      }
      slots.addAll(more); // one change
    }
    for (int i = 0; i < slots.size(); i++) {
      slots.get(i).item.set(i < source.size() ? source.get(i) : null);
    }
  }

  /** Gives up the slots (for a table going off screen); the next {@link #update} fills it again. */
  public void clear() {
    if (!slots.isEmpty()) {
      slots.clear();
    }
    changed = true;
  }

  /** The position of {@code item} among the shown items, or -1. */
  public int indexOf(T item) {
    for (int i = 0; i < slots.size(); i++) {
      if (slots.get(i).item.get() == item) {
        return i;
      }
    }
    return -1;
  }
}
