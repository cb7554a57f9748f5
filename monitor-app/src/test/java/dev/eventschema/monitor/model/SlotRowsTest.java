package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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
    return rows.slots().stream().map(slot -> slot.item().get()).toList();
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
