package dev.eventschema.monitor.model;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * A table's own copy of a model list that is changed every frame, brought up to date only when the
 * view asks: not at all while the view is hidden (a hidden tab's table then has nothing to lay out),
 * and at most as often as the view wants while it is shown.
 *
 * <p>Each update makes the fewest changes it can, so that a table keeps its selection and re-renders
 * only what moved: the rows the source removed are removed (one change), the rows it inserted at its
 * head or appended at its end are added there (one change each). A source that changed in any other
 * way (reordered, or inserted in the middle) is copied whole. Rows are compared by identity.
 * FX-thread confined.
 */
public final class ShownRows<T> {

  private final ObservableList<T> source;
  private final ObservableList<T> rows = FXCollections.observableArrayList();
  private boolean changed = true;

  public ShownRows(ObservableList<T> source) {
    this.source = source;
    source.addListener((ListChangeListener<T>) c -> changed = true);
  }

  /** The rows to show. */
  public ObservableList<T> rows() {
    return rows;
  }

  /** Whether the source changed since the last {@link #update} (or {@link #clear}). */
  public boolean isStale() {
    return changed;
  }

  /** Brings the rows up to date with the source, if it changed. */
  public void update() {
    if (!changed) {
      return;
    }
    changed = false;
    if (rows.isEmpty()) {
      rows.setAll(source);
      return;
    }
    rows.retainAll(identitySet(source)); // one change
    Set<T> shown = identitySet(rows);
    int newAtHead = 0;
    while (newAtHead < source.size() && !shown.contains(source.get(newAtHead))) {
      newAtHead++;
    }
    int newAtTail = 0;
    while (newAtTail < source.size() - newAtHead && !shown.contains(source.get(source.size() - 1 - newAtTail))) {
      newAtTail++;
    }
    if (newAtHead > 0) {
      rows.addAll(0, List.copyOf(source.subList(0, newAtHead)));
    }
    if (newAtTail > 0) {
      rows.addAll(List.copyOf(source.subList(source.size() - newAtTail, source.size())));
    }
    if (!sameRows()) {
      rows.setAll(source); // changed in the middle, or reordered: start over
    }
  }

  /** Empties the rows (for a view going off screen); the next {@link #update} fills them again. */
  public void clear() {
    if (!rows.isEmpty()) {
      rows.clear();
    }
    changed = true;
  }

  private boolean sameRows() {
    if (rows.size() != source.size()) {
      return false;
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i) != source.get(i)) {
        return false;
      }
    }
    return true;
  }

  private static <T> Set<T> identitySet(List<T> list) {
    Set<T> set = Collections.newSetFromMap(new IdentityHashMap<>(list.size() * 2));
    set.addAll(list);
    return set;
  }
}
