package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** The ring behind a live table: order across the wrap, one change per operation, and its bounds. */
class RingListTest {

  private final RingList<Integer> ring = new RingList<>(5);
  private final List<String> changes = new ArrayList<>();

  RingListTest() {
    ring.addListener((ListChangeListener<Integer>) c -> {
      while (c.next()) {
        changes.add((c.wasRemoved() ? "-" + c.getRemoved() : "") + (c.wasAdded() ? "+" + c.getAddedSubList() : ""));
      }
    });
  }

  @Test
  void keepsItsOrderAcrossTheEndOfTheRing() {
    ring.append(List.of(1, 2, 3, 4));
    ring.removeHead(3);
    ring.append(List.of(5, 6, 7, 8)); // 6, 7 and 8 wrap around to the start of the array
    assertThat(ring).containsExactly(4, 5, 6, 7, 8);
    assertThat(ring.toArray()).containsExactly(4, 5, 6, 7, 8);
    assertThat(new ArrayList<>(ring)).containsExactly(4, 5, 6, 7, 8);
    assertThat(ring.head(3)).containsExactly(4, 5, 6);
    ring.removeHead(2);
    assertThat(ring).containsExactly(6, 7, 8);
    assertThat(changes).containsExactly("+[1, 2, 3, 4]", "-[1, 2, 3]", "+[5, 6, 7, 8]", "-[4, 5]");
  }

  @Test
  void buildsNoChangeWhenNoOneListens() {
    RingList<Integer> unobserved = new RingList<>(3);
    unobserved.append(List.of(1, 2, 3));
    unobserved.removeHead(2);
    unobserved.append(List.of(4, 5));
    assertThat(unobserved).containsExactly(3, 4, 5);
  }

  @Test
  void replacesItsContentInOneChange() {
    ring.append(List.of(1, 2));
    changes.clear();
    ring.replaceAll(List.of(3, 4, 5));
    assertThat(ring).containsExactly(3, 4, 5);
    assertThat(changes).containsExactly("-[1, 2]+[3, 4, 5]");
  }

  @Test
  void refusesMoreThanItsCapacityAndRemovingMoreThanItHolds() {
    ring.append(List.of(1, 2, 3));
    assertThatThrownBy(() -> ring.append(List.of(4, 5, 6))).isInstanceOf(IllegalStateException.class)
        .hasMessage("over capacity: 3 + 3 > 5");
    assertThatThrownBy(() -> ring.removeHead(4)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(ring).containsExactly(1, 2, 3);
  }
}
