package dev.eventschema.monitor.view;

import java.util.function.BiConsumer;
import javafx.css.PseudoClass;

/**
 * The one pseudo-class a cell shows for its value (such as {@code :type-tokengenerated}), switched
 * only when it changes: a pseudo-class, not a style class, so that switching does not re-match the
 * CSS. The cell passes its own {@code pseudoClassStateChanged}, which is protected.
 */
final class PseudoClassSwitch {

  private final BiConsumer<PseudoClass, Boolean> stateChanged;
  private PseudoClass applied;

  PseudoClassSwitch(BiConsumer<PseudoClass, Boolean> stateChanged) {
    this.stateChanged = stateChanged;
  }

  /** Shows {@code next} instead of the pseudo-class shown until now; null for none. */
  void show(PseudoClass next) {
    if (next == applied) {
      return;
    }
    if (applied != null) {
      stateChanged.accept(applied, false);
    }
    if (next != null) {
      stateChanged.accept(next, true);
    }
    applied = next;
  }
}
