package dev.eventschema.monitor.view;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keeps a live table's newest row in view while the reader has not scrolled away from it: the
 * reader's own moves up (wheel, keys, scroll bar) stop the following at once; coming back to the
 * bottom, or {@link #followAgain()}, resumes it.
 *
 * <p>When rows are appended, the table is scrolled to its end at once, before the pulse's layout
 * pass: {@code TableView.scrollTo} first gives the table's flow the new row count, so the one layout
 * pass of the pulse lays the rows out at the end. (Scrolling after the layout pass instead meant a
 * second layout in the same pulse, and each layout re-applies the CSS of every visible row whose
 * item changed, which is every row when rows stream in.) After the table is shown, rebuilt or its
 * row height changes, its flow may not be ready: the end is then looked for after the layout pass
 * (a post-layout pulse listener) for a few pulses.
 */
final class TailFollower {

  /** Pulses during which the end is looked for after the table was shown or rebuilt. */
  static final int ATTEMPTS = 30;

  private final TableView<?> table;
  private final Runnable afterLayout = this::afterLayout;
  private VirtualFlow<?> flow;
  private boolean following = true;
  private int scrollsPending;
  private boolean wasOnScreen;
  /** The row count when the table was last scrolled to its end. */
  private int scrolledCount = -1;

  TailFollower(TableView<?> table) {
    this.table = table;
    table.addEventFilter(ScrollEvent.SCROLL, e -> {
      if (e.getDeltaY() > 0) {
        stop();
      }
    });
    table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
      switch (e.getCode()) {
        case UP, PAGE_UP, HOME -> stop();
        default -> {
          // other keys do not move the view up
        }
      }
    });
    table.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
      if (e.getTarget() instanceof Node node && isInScrollBar(node)) {
        stop();
      }
    });
    table.fixedCellSizeProperty().addListener((o, a, b) -> seekEnd(ATTEMPTS)); // new row height
    table.sceneProperty().addListener((o, was, scene) -> moveListener(was, scene));
    moveListener(null, table.getScene());
  }

  private void moveListener(Scene from, Scene to) {
    if (from != null) {
      from.removePostLayoutPulseListener(afterLayout);
    }
    if (to != null) {
      to.addPostLayoutPulseListener(afterLayout);
    }
  }

  /** Once per frame, before the rows change: notices the reader's scrolling back to the bottom (or away). */
  void beforeRows(boolean onScreen) {
    if (onScreen && !wasOnScreen) {
      seekEnd(ATTEMPTS); // just shown: its flow has to catch up first
    }
    wasOnScreen = onScreen;
    if (onScreen && scrollsPending == 0 && flowInSync()) {
      following = atBottom();
    }
  }

  /**
   * Rows were appended (in the animation callback, before the layout pass): keep the newest in view
   * (if following). A table whose row count did not change (its rows are slots the items move
   * through) and that shows its end already is left as it is: scrolling it would lay out every row.
   */
  void rowsAppended() {
    int count = table.getItems().size();
    boolean stillAtEnd = count == scrolledCount && scrollsPending == 0 && atBottom();
    if (following && table.getSkin() != null && count > 0 && !stillAtEnd) {
      // an index past the end: the flow's position goes to the very end (the last row at the bottom)
      table.scrollTo(count);
      scrolledCount = count;
    }
    seekEnd(1); // checked after the layout pass
  }

  /** The rows were replaced: find the end again (if following). */
  void rowsReplaced() {
    seekEnd(ATTEMPTS);
  }

  /** Follows the newest row again. */
  void followAgain() {
    following = true;
    scrollsPending = ATTEMPTS;
  }

  private void seekEnd(int attempts) {
    if (following) {
      scrollsPending = Math.max(scrollsPending, attempts);
    }
  }

  private void stop() {
    following = false;
    scrollsPending = 0;
  }

  private void afterLayout() {
    if (scrollsPending == 0) {
      return;
    }
    if (!following || table.getItems().isEmpty()) {
      scrollsPending = 0;
      return;
    }
    if (flowInSync() && atBottom()) {
      scrollsPending = 0; // already there: no second layout
      return;
    }
    if (flowInSync()) {
      flow.setPosition(1.0); // the very end: the last row at the bottom of the viewport
      // lay the flow out at its new position now, so that this pulse renders the end: left to the
      // next pulse, the scroll would always trail by one refresh when every pulse brings new rows
      // (a slow machine), and the newest row would never be in view
      table.layout();
      if (atBottom()) {
        scrollsPending = 0;
        return;
      }
    }
    scrollsPending--;
  }

  /** Whether the flow was laid out with the current rows. */
  private boolean flowInSync() {
    if (flow == null && table.lookup(".virtual-flow") instanceof VirtualFlow<?> found) {
      flow = found;
    }
    return flow != null && flow.getCellCount() == table.getItems().size() && flow.getHeight() > 0;
  }

  /** Whether the table shows its last row (or has none). */
  private boolean atBottom() {
    int count = table.getItems().size();
    if (count == 0) {
      return true;
    }
    if (!flowInSync()) {
      return false; // not laid out with these rows yet
    }
    double rowHeight = table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 24;
    return flow.getPosition() >= 0.999 || count * rowHeight <= flow.getHeight();
  }

  private static boolean isInScrollBar(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      if (n instanceof ScrollBar) {
        return true;
      }
    }
    return false;
  }
}
