package dev.eventschema.monitor.view;

import dev.eventschema.monitor.model.EventQuery;
import dev.eventschema.monitor.model.Formats;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The events table's tool bar: the type and model filters and the search field (together an {@link
 * EventQuery}), the pause button with its "N new" button, and the counts of what is shown.
 */
final class EventFilterBar extends ToolBar {

  static final String ALL_TYPES = "All types";
  static final String ALL_MODELS = "All models";

  private final ComboBox<String> typeFilter = new ComboBox<>();
  private final ComboBox<String> modelFilter = new ComboBox<>();
  private final TextField search = new TextField();
  private final ToggleButton pause = new ToggleButton("_Pause");
  private final Button newEvents = new Button();
  private final Label counts = new Label();

  EventFilterBar(List<String> eventTypes, ObservableList<String> modelNames, Consumer<EventQuery> onQuery,
      Consumer<Boolean> onPause) {
    typeFilter.getItems().add(ALL_TYPES);
    typeFilter.getItems().addAll(eventTypes);
    typeFilter.setValue(ALL_TYPES);
    typeFilter.setId("typeFilter");
    modelFilter.getItems().add(ALL_MODELS);
    modelFilter.setValue(ALL_MODELS);
    modelFilter.setId("modelFilter");
    modelNames.addListener((ListChangeListener<String>) change -> {
      String selected = modelFilter.getValue();
      List<String> items = new ArrayList<>();
      items.add(ALL_MODELS);
      items.addAll(modelNames);
      modelFilter.getItems().setAll(items);
      modelFilter.setValue(selected);
    });
    search.setPromptText("Search (Ctrl+F)");
    search.setId("search");
    search.setPrefColumnCount(22);
    typeFilter.valueProperty().addListener((o, a, b) -> onQuery.accept(query()));
    modelFilter.valueProperty().addListener((o, a, b) -> onQuery.accept(query()));
    search.textProperty().addListener((o, a, b) -> onQuery.accept(query()));
    pause.setId("pauseButton");
    pause.setMnemonicParsing(true);
    pause.selectedProperty().addListener((o, was, paused) -> {
      pause.setText(paused ? "_Resume" : "_Pause");
      onPause.accept(paused);
    });
    newEvents.setId("newEvents");
    newEvents.getStyleClass().add("new-events");
    newEvents.setOnAction(e -> pause.setSelected(false));
    showNew(0);
    counts.setId("eventCounts");
    counts.getStyleClass().add("caption");
    Label typeLabel = new Label("_Type");
    typeLabel.setMnemonicParsing(true);
    typeLabel.setLabelFor(typeFilter);
    Label modelLabel = new Label("_Model");
    modelLabel.setMnemonicParsing(true);
    modelLabel.setLabelFor(modelFilter);
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    getItems().addAll(typeLabel, typeFilter, modelLabel, modelFilter, search, pause, newEvents, spacer, counts);
  }

  /** The query the controls describe. */
  EventQuery query() {
    String type = typeFilter.getValue();
    String model = modelFilter.getValue();
    return new EventQuery(type == null || ALL_TYPES.equals(type) ? null : type,
        model == null || ALL_MODELS.equals(model) ? null : model, search.getText());
  }

  /** Shows "N new" while paused with new matching events; hides it otherwise. */
  void showNew(long count) {
    boolean visible = pause.isSelected() && count > 0;
    String text = Formats.grouped(count) + " new";
    if (!text.equals(newEvents.getText())) {
      newEvents.setText(text);
    }
    if (newEvents.isVisible() != visible) {
      newEvents.setVisible(visible);
      newEvents.setManaged(visible);
    }
  }

  void showCounts(String text) {
    if (!text.equals(counts.getText())) {
      counts.setText(text);
    }
  }

  /** The label whose font the table's row height follows. */
  Label countsLabel() {
    return counts;
  }

  void togglePause() {
    pause.setSelected(!pause.isSelected());
  }

  void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }
}
