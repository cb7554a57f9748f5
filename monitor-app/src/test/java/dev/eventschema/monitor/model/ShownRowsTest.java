package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** A table's copy of a model list: what it shows, and in how many changes it gets there. */
class ShownRowsTest {

  private final ObservableList<String> source = FXCollections.observableArrayList("c", "b", "a");
  private final ShownRows<String> shown = new ShownRows<>(source);
  private final List<String> changes = new ArrayList<>();

  ShownRowsTest() {
    shown.rows().addListener((ListChangeListener<String>) c -> {
      while (c.next()) {
        changes.add((c.wasRemoved() ? "-" + c.getRemoved() : "") + (c.wasAdded() ? "+" + c.getAddedSubList() : ""));
      }
    });
  }

  @Test
  void staysStillUntilUpdatedThenCopiesTheSource() {
    assertThat(shown.rows()).isEmpty();
    shown.update();
    assertThat(shown.rows()).containsExactly("c", "b", "a");
    source.add(0, "d");
    assertThat(shown.rows()).containsExactly("c", "b", "a");
    assertThat(shown.isStale()).isTrue();
  }

  @Test
  void headInsertionsAndRemovalsBecomeOneChangeEachAndKeepTheOtherRowsInPlace() {
    shown.update();
    changes.clear();
    source.addAll(0, List.of("f", "e", "d"));
    source.remove("b");
    source.remove("a");
    shown.update();
    assertThat(shown.rows()).containsExactly("f", "e", "d", "c");
    assertThat(changes).containsExactly("-[b, a]", "+[f, e, d]");
  }

  @Test
  void appendsAtTheEndAndDropsAtTheHeadLikeARingBuffer() {
    shown.update();
    changes.clear();
    source.remove(0);
    source.addAll("x", "y");
    shown.update();
    assertThat(shown.rows()).containsExactly("b", "a", "x", "y");
    assertThat(changes).containsExactly("-[c]", "+[x, y]");
  }

  @Test
  void anythingElseIsCopiedWhole() {
    shown.update();
    source.add(1, "middle");
    shown.update();
    assertThat(shown.rows()).containsExactly("c", "middle", "b", "a");
    FXCollections.reverse(source);
    shown.update();
    assertThat(shown.rows()).containsExactlyElementsOf(source);
  }

  @Test
  void clearingEmptiesTheRowsAndTheNextUpdateRefillsThem() {
    shown.update();
    shown.clear();
    assertThat(shown.rows()).isEmpty();
    source.add(0, "d");
    shown.update();
    assertThat(shown.rows()).containsExactly("d", "c", "b", "a");
  }
}
