package dev.eventschema.monitor.view;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;

/** Small helpers for table columns. */
final class Cells {

  private Cells() {}

  /** A read-only text column computed from the row. */
  static <S> TableColumn<S, String> text(String title, double width, Function<S, String> value) {
    TableColumn<S, String> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    column.setSortable(false);
    return column;
  }

  /** A column bound to an observable of the row. */
  static <S, T> TableColumn<S, T> bound(String title, double width, Function<S, ObservableValue<T>> value,
      Function<T, String> format) {
    TableColumn<S, T> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> value.apply(c.getValue()));
    column.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : format.apply(item));
      }
    });
    column.setPrefWidth(width);
    column.setSortable(false);
    return column;
  }

  /**
   * Gives {@code table} rows of a fixed height (1.9 lines of the base font, {@code fontSource}'s font being {@code sourceEm} of it), so that its
   * VirtualFlow does not measure every cell on every change; follows font size changes.
   */
  static void fixedRows(javafx.scene.control.TableView<?> table, javafx.scene.control.Labeled fontSource,
      double sourceEm) {
    table.fixedCellSizeProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
        () -> Math.ceil(fontSource.getFont().getSize() / sourceEm * 1.9), fontSource.fontProperty()));
  }

  /**
   * Scales the columns' preferred widths with the font: {@code fontSource}'s font being {@code
   * sourceEm} of the base font, a width given for the default 13 px grows with larger text.
   */
  static void scaleWidths(javafx.scene.control.TableView<?> table, javafx.scene.control.Labeled fontSource,
      double sourceEm) {
    int count = table.getColumns().size();
    for (int i = 0; i < count; i++) {
      TableColumn<?, ?> column = table.getColumns().get(i);
      double base = column.getPrefWidth();
      javafx.beans.binding.DoubleBinding scaled = javafx.beans.binding.Bindings.createDoubleBinding(
          () -> (double) Math.round(base * fontSource.getFont().getSize() / sourceEm / 13.0), fontSource.fontProperty());
      column.prefWidthProperty().bind(scaled);
      if (i < count - 1) {
        column.minWidthProperty().bind(scaled); // the last column gives way (or the table scrolls sideways)
      }
    }
  }

  /** A constant-value observable. */
  static <T> ObservableValue<T> constant(T value) {
    return new ReadOnlyObjectWrapper<>(value);
  }

  /**
   * A text column whose cells carry a pseudo-class derived from the value, such as {@code
   * :type-tokengenerated} (a pseudo-class, not a style class: switching it does not re-match the CSS).
   */
  static <S> TableColumn<S, String> styled(String title, double width, Function<S, String> value,
      Function<String, String> pseudoClass) {
    TableColumn<S, String> column = text(title, width, value);
    column.setCellFactory(c -> new PseudoClassCell<>(pseudoClass));
    return column;
  }

  /** A text cell that switches one pseudo-class by its value. */
  static final class PseudoClassCell<S> extends TableCell<S, String> {
    private final Function<String, String> pseudoClass;
    private final PseudoClassSwitch shown = new PseudoClassSwitch(this::pseudoClassStateChanged);

    PseudoClassCell(Function<String, String> pseudoClass) {
      this.pseudoClass = pseudoClass;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      shown.show(empty || item == null ? null : pseudo(pseudoClass.apply(item)));
      setText(empty ? null : item);
    }
  }

  private static final java.util.Map<String, PseudoClass> PSEUDO = new java.util.concurrent.ConcurrentHashMap<>();

  /** The pseudo-class of a name, lower-cased (CSS pseudo-classes are matched in lower case here). */
  static PseudoClass pseudo(String name) {
    return name == null ? null : PSEUDO.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT),
        PseudoClass::getPseudoClass);
  }
}
