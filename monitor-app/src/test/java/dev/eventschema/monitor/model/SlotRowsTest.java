package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** A table's fixed rows over a list whose items move: what each slot shows, and when the slots change. */
class SlotRowsTest {

  private final ObservableList<String> source = FXCollections.observableArrayList("c", "b", "a");
  private final SlotRows<String> rows = new SlotRows<>(source);
  private final List<String> slotChanges = new ArrayList<>();

  SlotRowsTest() {
    rows.slots().addListener((ListChangeListener<SlotRows.Slot<String>>) c -> {
      while (c.next()) {
        slotChanges.add((c.wasRemoved() ? "-" + c.getRemovedSize() : "") + (c.wasAdded() ? "+" + c.getAddedSize() : ""));
      }
    });
  }

  private List<String> shown() {
    return rows.slots().stream().map(slot -> slot.item().getValue()).toList();
  }

  @Test
  void staysStillUntilUpdatedThenShowsTheSourceInOrder() {
    assertThat(rows.slots()).isEmpty();
    rows.update();
    assertThat(shown()).containsExactly("c", "b", "a");
    source.add(0, "d");
    assertThat(rows.isStale()).isTrue();
    assertThat(shown()).containsExactly("c", "b", "a");
  }

  @Test
  void anItemAtTheHeadMovesTheItemsThroughTheSlotsNotTheSlots() {
    rows.update();
    List<SlotRows.Slot<String>> before = List.copyOf(rows.slots());
    source.remove("a");
    source.add(0, "d");
    slotChanges.clear();
    rows.update();
    assertThat(shown()).containsExactly("d", "c", "b");
    assertThat(rows.slots()).containsExactlyElementsOf(before); // the same slots, in the same places
    assertThat(slotChanges).isEmpty();
  }

  @Test
  void slotsAreAddedInOneChangeAndKeptBlankWhenTheSourceShrinks() {
    rows.update();
    slotChanges.clear();
    source.addAll(0, List.of("f", "e", "d"));
    rows.update();
    assertThat(slotChanges).containsExactly("+3");
    source.remove(0, 4);
    rows.update();
    assertThat(shown()).containsExactly("b", "a", null, null, null, null);
    assertThat(slotChanges).containsExactly("+3");
  }

  @Test
  void spareSlotsFirstKeepTheNewestItemsInTheLastSlots() {
    ObservableList<String> log = FXCollections.observableArrayList("a", "b", "c", "d");
    SlotRows<String> tail = new SlotRows<>(log, SlotRows.Spare.FIRST);
    tail.update();
    List<SlotRows.Slot<String>> before = List.copyOf(tail.slots());
    log.remove(0, 2);
    log.add("e");
    tail.update();
    assertThat(tail.slots()).containsExactlyElementsOf(before);
    assertThat(tail.slots()).extracting(slot -> slot.item().getValue()).containsExactly(null, "c", "d", "e");
    assertThat(tail.indexOf("c")).isEqualTo(1);
    tail.fit();
    assertThat(tail.slots()).extracting(slot -> slot.item().getValue()).containsExactly("c", "d", "e");
    assertThat(tail.indexOf("c")).isZero();
  }

  @Test
  void aCellFollowingASlotIsToldOnlyWhatChangesAtEachUpdate() {
    rows.update();
    List<String> seen = new ArrayList<>();
    rows.slots().get(1).item().subscribe((Consumer<String>) seen::add);
    source.set(2, "z"); // another slot's item
    rows.update();
    source.set(1, "y");
    assertThat(seen).containsExactly("b"); // not before the update
    rows.update();
    assertThat(seen).containsExactly("b", "y");
  }

  @Test
  void findsAnItemsSlotAndGivesUpTheSlotsWhenCleared() {
    rows.update();
    assertThat(rows.indexOf("a")).isEqualTo(2);
    assertThat(rows.indexOf("z")).isEqualTo(-1);
    rows.clear();
    assertThat(rows.slots()).isEmpty();
    assertThat(rows.isStale()).isTrue();
    rows.update();
    assertThat(shown()).containsExactly("c", "b", "a");
  }
}
