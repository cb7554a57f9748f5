package dev.eventschema.monitor.view;

import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.GenerationRow;
import dev.eventschema.monitor.model.SlotRows;
import dev.eventschema.monitor.model.SlotRows.Slot;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Running and recent generations, with their text appearing token by token.
 *
 * <p>The table's rows are fixed slots ({@link SlotRows}) that show the model's rows in order: a new
 * generation at the head changes what every slot shows, but no row moves, so the table only updates
 * texts instead of re-laying out and restyling every visible row. They are brought up to date when
 * the model publishes (every frame while generations arrive slowly, ten times a second when they
 * stream) while on screen, and given up while hidden, so that a hidden Generations tab costs nothing
 * (a TabPane keeps laying out the tables of its hidden tabs). A selected generation stays selected
 * as it moves down.
 */
public final class GenerationsView extends SplitPane {

  private final SlotRows<GenerationRow> shown;
  private final TableView<Slot<GenerationRow>> table;
  /** The generation the reader selected, followed from slot to slot as newer ones arrive. */
  private GenerationRow selected;
  /** Set while this view itself changes the table's selection. */
  private boolean following;
  private final Label title = new Label();
  private final Label prompt = new Label();
  private final TextArea text = new TextArea();
  private GenerationRow detailed;
  /** The generation shown because none is selected. */
  private GenerationRow shownUnselected;

  public GenerationsView(EngineModel model) {
    getStyleClass().add("generations-view");
    shown = new SlotRows<>(model.generations());
    table = new TableView<>(shown.slots());
    table.setId("generationsTable");
    table.setPlaceholder(new Label("No generations yet"));
    table.getColumns().add(fixedColumn("Generation", 110, GenerationRow::id));
    table.getColumns().add(fixedColumn("Model", 130, r -> r.model() == null ? "" : r.model()));
    table.getColumns().add(StillTextCell.column("State", 95, slot -> slot.item().flatMap(GenerationRow::stateProperty),
        GenerationRow.State::label, state -> "gen-" + state.label()));
    table.getColumns().add(column("Tokens", 70, GenerationRow::tokensProperty, n -> Long.toString(n.longValue())));
    table.getColumns().add(column("TTFT", 80, GenerationRow::ttftMsProperty, n -> Formats.millis(n.doubleValue())));
    table.getColumns().add(column("Tokens/s", 80, GenerationRow::throughputProperty,
        n -> Formats.decimal(n.doubleValue())));
    table.getColumns().add(column("Ended", 170, GenerationRow::outcomeProperty, s -> s.equals("running") ? "–" : s));
    table.getColumns().add(column("Text so far", 420, GenerationRow::textProperty, GenerationsView::tailOf));
    table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
      if (now != null) {
        selected = now.item().getValue();
      } else if (!following) {
        selected = null;
      }
    });
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, title, 1.05);
    Cells.scaleWidths(table, title, 1.05);

    title.getStyleClass().add("section-title");
    prompt.getStyleClass().add("caption");
    prompt.setWrapText(true);
    text.setId("generationText");
    text.setEditable(false);
    text.setWrapText(true);
    text.getStyleClass().add("generation-text");
    VBox details = new VBox(6, title, prompt, text);
    details.getStyleClass().add("details-pane");
    VBox.setVgrow(text, Priority.ALWAYS);
    setOrientation(Orientation.VERTICAL);
    getItems().addAll(table, details);
    setDividerPositions(0.55);
  }

  /**
   * Follows the selected generation, or when none is selected the newest one (kept while it is
   * running); only while on screen.
   */
  public void refresh(boolean onScreen) {
    if (!onScreen) {
      if (detailed != null) {
        text.textProperty().unbind();
        detailed = null;
      }
      if (!shown.slots().isEmpty()) {
        following = true; // giving up the rows clears the table's selection, not the reader's
        shown.clear();
        following = false;
      }
      return;
    }
    updateRows();
    GenerationRow target = selected;
    if (target == null) {
      // the newest, but one that is being written stays until it ends: at hundreds of generations a
      // second, jumping to each new one would show nothing readable (and re-lay the text out every frame)
      boolean keep = detailed != null && detailed.stateProperty().get() == GenerationRow.State.RUNNING
          && detailed == shownUnselected;
      target = keep ? detailed : shown.slots().isEmpty() ? null : shown.slots().get(0).item().getValue();
      shownUnselected = target;
    } else {
      shownUnselected = null;
    }
    if (target != detailed) {
      if (detailed != null) {
        text.textProperty().unbind();
      }
      detailed = target;
      if (target == null) {
        title.setText("No generation yet");
        prompt.setText("");
        text.setText("");
      } else {
        text.textProperty().bind(target.textProperty());
      }
    }
    if (detailed != null) {
      String heading = detailed.id() + " · " + (detailed.model() == null ? "?" : detailed.model()) + " · "
          + detailed.outcomeProperty().get() + " · " + detailed.tokensProperty().get() + " tokens";
      if (!heading.equals(title.getText())) {
        title.setText(heading);
        prompt.setText("Prompt: " + detailed.prompt());
      }
      if (text.getCaretPosition() != text.getLength()) {
        text.positionCaret(text.getLength());
      }
    }
  }

  /** Shows the model's rows, and moves the selection to the slot where the selected generation is now. */
  private void updateRows() {
    if (!shown.isStale()) {
      return;
    }
    following = true;
    try {
      shown.update();
      int at = selected == null ? -1 : shown.indexOf(selected);
      if (at < 0) {
        selected = null; // it ended long enough ago to leave the list
        table.getSelectionModel().clearSelection();
      } else if (table.getSelectionModel().getSelectedIndex() != at) {
        table.getSelectionModel().select(at);
      }
    } finally {
      following = false;
    }
  }

  /** A column showing {@code value} of the generation in the row's slot, as {@code format} writes it. */
  private static <V> TableColumn<Slot<GenerationRow>, Slot<GenerationRow>> column(String title, double width,
      Function<GenerationRow, ObservableValue<V>> value, Function<V, String> format) {
    return StillTextCell.column(title, width, slot -> slot.item().flatMap(value::apply), format, null);
  }

  /** A column showing a value a generation keeps from its start. */
  private static TableColumn<Slot<GenerationRow>, Slot<GenerationRow>> fixedColumn(String title, double width,
      Function<GenerationRow, String> value) {
    return StillTextCell.column(title, width, slot -> slot.item().map(value::apply), s -> s, null);
  }

  private static String tailOf(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= 90 ? oneLine : "…" + oneLine.substring(oneLine.length() - 89);
  }
}
