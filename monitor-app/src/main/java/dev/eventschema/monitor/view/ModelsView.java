package dev.eventschema.monitor.view;

import dev.eventschema.monitor.client.Summaries;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.model.Formats;
import dev.eventschema.monitor.model.ModelRow;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Loaded models with path, quantization, parameters, load time, tokens served and invalidations. */
public final class ModelsView extends SplitPane {

  private final TableView<ModelRow> table;
  private final Label title = new Label("Select a model to see its unloads and invalidations");
  private final ListView<ModelRow.Change> changes = new ListView<>();

  public ModelsView(EngineModel model) {
    getStyleClass().add("models-view");
    table = new TableView<>(model.models());
    table.setId("modelsTable");
    table.setPlaceholder(new Label("No model loaded yet"));
    table.getColumns().add(Cells.text("Model", 150, ModelRow::name));
    javafx.scene.control.TableColumn<ModelRow, String> state =
        Cells.styled("State", 100, r -> r.stateProperty().get(), s -> "model-" + s);
    state.setCellValueFactory(c -> c.getValue().stateProperty());
    table.getColumns().add(state);
    table.getColumns().add(Cells.bound("Path", 260, ModelRow::pathProperty, s -> s));
    table.getColumns().add(Cells.bound("Quantization", 100, ModelRow::quantizationProperty, s -> s.isEmpty() ? "–" : s));
    table.getColumns().add(Cells.bound("Parameters", 100, r -> r.parametersProperty().asObject(),
        n -> n < 0 ? "–" : Summaries.count(n)));
    table.getColumns().add(Cells.bound("Loaded at", 110, ModelRow::loadedAtProperty, EngineModel::clock));
    table.getColumns().add(Cells.bound("Load time", 90, r -> r.loadMsProperty().asObject(),
        n -> n < 0 ? "–" : Formats.grouped(n) + " ms"));
    table.getColumns().add(Cells.bound("Tokens served", 110, r -> r.tokensServedProperty().asObject(),
        Formats::grouped));
    table.getColumns().add(Cells.bound("Invalidations", 100, r -> r.invalidationsProperty().asObject(),
        n -> Long.toString(n)));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Cells.fixedRows(table, title, 1.05);
    Cells.scaleWidths(table, title, 1.05);

    changes.setId("modelChanges");
    changes.setPlaceholder(new Label("No unloads or invalidations"));
    changes.setCellFactory(l -> new ListCell<>() {
      @Override
      protected void updateItem(ModelRow.Change item, boolean empty) {
        super.updateItem(item, empty);
        pseudoClassStateChanged(Cells.pseudo("change-invalidated"), !empty && item != null
            && item.kind().equals("invalidated"));
        setText(empty || item == null ? null : EngineModel.clock(item.time()) + "  " + item.kind() + ": "
            + item.reason());
      }
    });
    table.getSelectionModel().selectedItemProperty().addListener((o, a, row) -> {
      if (row == null) {
        title.setText("Select a model to see its unloads and invalidations");
        changes.setItems(null);
      } else {
        title.setText("Unloads and invalidations of " + row.name());
        changes.setItems(row.changes());
      }
    });
    title.getStyleClass().add("section-title");
    VBox details = new VBox(6, title, changes);
    details.getStyleClass().add("details-pane");
    VBox.setVgrow(changes, Priority.ALWAYS);
    setOrientation(Orientation.VERTICAL);
    getItems().addAll(table, details);
    setDividerPositions(0.42);
  }
}
