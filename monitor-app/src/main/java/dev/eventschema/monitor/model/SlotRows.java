package dev.eventschema.monitor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A table's rows as fixed slots, each showing whichever item of the source is at its position: for
 * a source whose items move, such as newest-first generations, or a capped log that drops its oldest
 * events as new ones arrive.
 *
 * <p>Why: when a table row's item changes, or the number of rows changes, the table re-lays out
 * every visible row and re-applies its CSS ({@code VirtualFlow.setCellIndex} calls {@code
 * applyCss()} on each cell that needs layout). A new generation at the head of a plain list, or a
 * log that drops its head and appends at its end, gives every visible row a new item, so the whole
 * table was restyled at every update. Here the table's items are the slots, which never move: an
 * update only changes what each slot shows, and the cells, bound to their slot's item ({@code
 * slot.item().map(...)}), only change their text.
 *
 * <p>Slots are added when the source grows, and kept (blank) when it shrinks, so that the row count
 * settles; the blank slots are those farthest from the newest items (see {@link Spare}). {@link
 * #fit} gives up the blank slots, {@link #clear} all of them.
 *
 * <p>A slot holds its item in a property only once someone asks for it (the cells on screen, a
 * selection): an update sets those properties alone, and only those whose item changed notify, so
 * that the slots can be as many as the rows of a 20,000-event log. FX-thread confined.
 */
public final class SlotRows<T> {

  /** Where the blank slots stay when the source has fewer items than there are slots. */
  public enum Spare {
    /** After the last item: for a source whose newest items come first. */
    LAST,
    /** Before the first item: for a source whose newest items come last. */
    FIRST
  }

  /** One row of the table: the item at its position, or null for a blank row. */
  public static final class Slot<T> {
    private final SlotRows<T> rows;
    private final int index;
    private ReadOnlyObjectWrapper<T> item;

    private Slot(SlotRows<T> rows, int index) {
      this.rows = rows;
      this.index = index;
    }

    /** The item this slot shows, null for a blank slot; changes at an {@link SlotRows#update}. */
    public ReadOnlyObjectProperty<T> item() {
      if (item == null) {
        item = new ReadOnlyObjectWrapper<>(rows.itemAt(index));
        rows.followed.add(this);
      }
      return item.getReadOnlyProperty();
    }
  }

  private final ObservableList<T> source;
  private final Spare spare;
  private final ObservableList<Slot<T>> slots = FXCollections.observableArrayList();
  /** The slots whose item someone asked for: those an update brings up to date. */
  private final List<Slot<T>> followed = new ArrayList<>();
  /** The source as of the last update: what the slots show until the next one. */
  private List<T> shown = List.of();
  private boolean changed = true;

  /** Slots over {@code source}, spare slots after its last item. */
  public SlotRows(ObservableList<T> source) {
    this(source, Spare.LAST);
  }

  public SlotRows(ObservableList<T> source, Spare spare) {
    this.source = source;
    this.spare = spare;
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
    @SuppressWarnings("unchecked")
    List<T> copy = (List<T>) Arrays.asList(source.toArray()); // one array copy, also of 20,000 rows
    shown = copy;
    int missing = shown.size() - slots.size();
    if (missing > 0) {
      List<Slot<T>> more = new ArrayList<>(missing);
      for (int i = slots.size(); i < shown.size(); i++) {
        more.add(new Slot<>(this, i));
      }
      slots.addAll(more); // one change
    }
    for (Slot<T> slot : followed) {
      slot.item.set(itemAt(slot.index)); // notifies only if the item changed
    }
  }

  /** Gives up the blank slots, if any, and shows the source's items. */
  public void fit() {
    changed = true;
    int spareSlots = slots.size() - source.size();
    if (spareSlots > 0) {
      slots.remove(source.size(), slots.size()); // the last slots: each keeps its position
      followed.removeIf(slot -> slot.index >= slots.size());
    }
    update();
  }

  /** Gives up the slots (for a table going off screen); the next {@link #update} fills it again. */
  public void clear() {
    if (!slots.isEmpty()) {
      slots.clear();
    }
    followed.clear();
    shown = List.of();
    changed = true;
  }

  /** The position of {@code item} among the shown items, or -1 (compared by identity). */
  public int indexOf(T item) {
    for (int i = 0; i < shown.size(); i++) {
      if (shown.get(i) == item) {
        return i + blanksBefore();
      }
    }
    return -1;
  }

  private T itemAt(int slot) {
    int index = slot - blanksBefore();
    return index >= 0 && index < shown.size() ? shown.get(index) : null;
  }

  private int blanksBefore() {
    return spare == Spare.FIRST ? Math.max(0, slots.size() - shown.size()) : 0;
  }
}
