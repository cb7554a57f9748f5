package dev.eventschema.monitor.view;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.VPos;
import javafx.scene.control.Skin;
import javafx.scene.control.SkinBase;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.Subscription;

/**
 * A table cell showing one line of text that follows a value of its row, for tables whose visible
 * values change many times a second (the generations), without asking the table for a layout when
 * the value changes.
 *
 * <p>Why: a normal cell observes its value through the table ({@code cellValueFactory}) and requests
 * a layout at every change, to update itself in the next layout pass. The table then lays out its
 * rows again, taking every cell that asked through {@code VirtualFlow.setCellIndex}, which re-applies
 * the cell's CSS ({@code applyCss()}). With new generations arriving at the head of the table and
 * running ones counting tokens, that was most of the visible cells, ten times a second. Here the
 * table's value of a cell is its row, which does not change; the cell follows the row's value
 * itself and writes it into an unmanaged {@link Text}, clipped to the cell: a new value only
 * repaints it. The text is styled by {@code .still-text} rules in dashboard.css; a value may switch
 * one pseudo-class of the text (as the state column's {@code :gen-running}): of the text alone, a
 * leaf, so that the switch restyles one node rather than the cell and what it holds.
 */
final class StillTextCell<S, V> extends TableCell<S, S> {

  private final Line text = new Line();
  private final Function<S, ObservableValue<V>> value;
  private final Function<V, String> format;
  private final Function<V, String> pseudoClass;
  private S row;
  private Subscription following = Subscription.EMPTY;

  private StillTextCell(Function<S, ObservableValue<V>> value, Function<V, String> format,
      Function<V, String> pseudoClass) {
    this.value = value;
    this.format = format;
    this.pseudoClass = pseudoClass;
    getStyleClass().add("still-text-cell");
    text.getStyleClass().add("still-text");
    text.setManaged(false);
    text.setTextOrigin(VPos.CENTER);
    // the default cell skin's behaviour selects the row when a cell is pressed; this light skin has none
    addEventHandler(MouseEvent.MOUSE_PRESSED, this::select);
  }

  private void select(MouseEvent e) {
    TableView<S> table = getTableView();
    if (e.getButton() != MouseButton.PRIMARY || isEmpty() || table == null) {
      return;
    }
    table.requestFocus();
    if (e.isShortcutDown() && table.getSelectionModel().isSelected(getIndex())) {
      table.getSelectionModel().clearSelection(getIndex());
    } else {
      table.getSelectionModel().clearAndSelect(getIndex());
    }
    e.consume();
  }

  /**
   * A column of such cells, showing {@code value} of each row as {@code format} writes it, and
   * switching the pseudo-class {@code pseudoClass} gives (null for none).
   */
  static <S, V> TableColumn<S, S> column(String title, double width, Function<S, ObservableValue<V>> value,
      Function<V, String> format, Function<V, String> pseudoClass) {
    TableColumn<S, S> column = new TableColumn<>(title);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
    column.setCellFactory(c -> new StillTextCell<>(value, format, pseudoClass));
    column.setPrefWidth(width);
    column.setSortable(false);
    return column;
  }

  @Override
  protected void updateItem(S item, boolean empty) {
    super.updateItem(item, empty);
    S now = empty ? null : item;
    if (now == row) {
      return;
    }
    row = now;
    following.unsubscribe();
    if (now == null) {
      following = Subscription.EMPTY;
      show(null);
    } else {
      following = value.apply(now).subscribe(this::show);
    }
  }

  private void show(V shown) {
    String line = shown == null ? "" : format.apply(shown);
    if (!line.equals(text.getText())) {
      text.setText(line);
    }
    text.shownPseudoClass.show(shown == null || pseudoClass == null ? null : Cells.pseudo(pseudoClass.apply(shown)));
  }

  /** The cell's text, which shows the value's pseudo-class. */
  private static final class Line extends Text {
    private final PseudoClassSwitch shownPseudoClass = new PseudoClassSwitch(this::pseudoClassStateChanged);
  }

  @Override
  protected Skin<?> createDefaultSkin() {
    return new StillSkin<>(this);
  }

  /** Lays the text out at the cell's left, vertically centred, clipped to the cell; as wide as its column. */
  private static final class StillSkin<S, V> extends SkinBase<StillTextCell<S, V>> {
    private final Rectangle clip = new Rectangle();

    StillSkin(StillTextCell<S, V> cell) {
      super(cell);
      getChildren().setAll(cell.text);
      cell.setClip(clip);
      registerChangeListener(cell.tableColumnProperty(), e -> cell.requestLayout());
    }

    @Override
    protected void layoutChildren(double x, double y, double width, double height) {
      StillTextCell<S, V> cell = getSkinnable();
      clip.setWidth(cell.getWidth());
      clip.setHeight(cell.getHeight());
      cell.text.setLayoutX(x);
      cell.text.setLayoutY(y + height / 2);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
      TableColumn<S, S> column = getSkinnable().getTableColumn();
      return column == null ? 0 : snapSizeX(column.getWidth());
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
      return top + bottom + cellHeight();
    }

    private double cellHeight() {
      TableView<S> table = getSkinnable().getTableView();
      return table == null || table.getFixedCellSize() <= 0 ? 24 : table.getFixedCellSize();
    }
  }
}
