package dev.eventschema.monitor.view;

import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.GenerationRow;
import dev.eventschema.monitor.model.ShownRows;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Running and recent generations, with their text appearing token by token.
 *
 * <p>The table shows its own copy of the model's rows ({@link ShownRows}): brought up to date when
 * the model publishes (every frame while generations arrive slowly, ten times a second when they
 * stream) while on screen, and emptied while hidden, so that a hidden Generations tab costs nothing
 * (a TabPane keeps laying out the tables of its hidden tabs, and new generations arrive at the head,
 * moving every row).
 */
public final class GenerationsView extends SplitPane {

  private final EngineModel model;
  private final ShownRows<GenerationRow> shown;
  private final TableView<GenerationRow> table;
  private GenerationRow selectedWhenHidden;
  private final Label title = new Label();
  private final Label prompt = new Label();
  private final TextArea text = new TextArea();
  private GenerationRow detailed;
  /** The generation shown because none is selected. */
  private GenerationRow shownUnselected;

  public GenerationsView(EngineModel model) {
    this.model = model;
    getStyleClass().add("generations-view");
    shown = new ShownRows<>(model.generations());
    table = new TableView<>(shown.rows());
    table.setId("generationsTable");
    table.setPlaceholder(new Label("No generations yet"));
    table.getColumns().add(Cells.text("Generation", 110, GenerationRow::id));
    table.getColumns().add(Cells.text("Model", 130, r -> r.model() == null ? "" : r.model()));
    TableColumn<GenerationRow, GenerationRow.State> state = Cells.bound("State", 95, GenerationRow::stateProperty,
        GenerationRow.State::label);
    state.setCellFactory(c -> new TableCell<>() {
      private javafx.css.PseudoClass applied;

      @Override
      protected void updateItem(GenerationRow.State item, boolean empty) {
        super.updateItem(item, empty);
        javafx.css.PseudoClass next = empty || item == null ? null : Cells.pseudo("gen-" + item.label());
        if (next != applied) {
          if (applied != null) {
            pseudoClassStateChanged(applied, false);
          }
          if (next != null) {
            pseudoClassStateChanged(next, true);
          }
          applied = next;
        }
        setText(empty || item == null ? null : item.label());
      }
    });
    table.getColumns().add(state);
    table.getColumns().add(Cells.bound("Tokens", 70, r -> r.tokensProperty().asObject(), n -> Long.toString(n)));
    table.getColumns().add(Cells.bound("TTFT", 80, r -> r.ttftMsProperty().asObject(), Formats::millis));
    table.getColumns().add(Cells.bound("Tokens/s", 80, r -> r.throughputProperty().asObject(), Formats::decimal));
    table.getColumns().add(Cells.bound("Ended", 170, GenerationRow::outcomeProperty, s -> s.equals("running") ? "–" : s));
    TableColumn<GenerationRow, String> tail = new TableColumn<>("Text so far");
    tail.setCellValueFactory(c -> Bindings.createStringBinding(() -> tailOf(c.getValue().textProperty().get()),
        c.getValue().textProperty()));
    tail.setSortable(false);
    tail.setPrefWidth(420);
    table.getColumns().add(tail);
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
      if (!shown.rows().isEmpty()) {
        selectedWhenHidden = table.getSelectionModel().getSelectedItem();
        shown.clear();
      }
      return;
    }
    updateRows();
    GenerationRow target = table.getSelectionModel().getSelectedItem();
    if (target == null) {
      // the newest, but one that is being written stays until it ends: at hundreds of generations a
      // second, jumping to each new one would show nothing readable (and re-lay the text out every frame)
      boolean keep = detailed != null && detailed.stateProperty().get() == GenerationRow.State.RUNNING
          && detailed == shownUnselected;
      target = keep ? detailed : shown.rows().isEmpty() ? null : shown.rows().get(0);
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

  private void updateRows() {
    if (!shown.isStale()) {
      return;
    }
    boolean shownAgain = shown.rows().isEmpty();
    shown.update();
    if (shownAgain && selectedWhenHidden != null && shown.rows().contains(selectedWhenHidden)) {
      table.getSelectionModel().select(selectedWhenHidden);
    }
    selectedWhenHidden = null;
  }

  private static String tailOf(String s) {
    String oneLine = s.replace('\n', ' ');
    return oneLine.length() <= 90 ? oneLine : "…" + oneLine.substring(oneLine.length() - 89);
  }
}
