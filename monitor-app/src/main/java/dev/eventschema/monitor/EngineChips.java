package dev.eventschema.monitor;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;

/**
 * The header's selector chips: the fleet overview's first when there is one, then one per engine in
 * the order of the dashboard's sessions. Scrolls sideways when a fleet has more engines than fit.
 */
final class EngineChips extends ScrollPane {

  private final HBox chips = new HBox(6);
  private final ToggleGroup group = new ToggleGroup();
  private final List<ToggleButton> engines = new ArrayList<>();
  private ToggleButton fleet;

  EngineChips() {
    chips.getStyleClass().add("engine-chips");
    chips.setAlignment(Pos.CENTER_LEFT);
    setContent(chips);
    getStyleClass().add("engine-chips-scroll");
    setFitToHeight(true);
    setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
    setVbarPolicy(ScrollBarPolicy.NEVER);
    setMinViewportHeight(0);
    setMaxWidth(USE_PREF_SIZE);
    prefViewportWidthProperty().bind(chips.widthProperty());
  }

  /** Adds an engine's chip at the end (its index is the session's). */
  void addEngine(String name, Runnable onSelect) {
    ToggleButton chip = chip(name, onSelect);
    chip.setId("engine-" + (engines.size() + 1));
    engines.add(chip);
    chips.getChildren().add(chip);
  }

  void removeEngine(int index) {
    chips.getChildren().remove(engines.remove(index));
  }

  void selectEngine(int index) {
    engines.get(index).setSelected(true);
  }

  /** Adds the fleet overview's chip, first. */
  void addFleet(String text, Runnable onSelect) {
    fleet = chip(text, onSelect);
    fleet.getStyleClass().add("fleet-chip");
    fleet.setId("fleetChip");
    chips.getChildren().add(0, fleet);
  }

  void removeFleet() {
    chips.getChildren().remove(fleet);
    fleet = null;
  }

  void selectFleet() {
    fleet.setSelected(true);
  }

  private ToggleButton chip(String text, Runnable onSelect) {
    ToggleButton chip = new ToggleButton(text);
    chip.setToggleGroup(group);
    chip.getStyleClass().add("engine-chip");
    chip.setOnAction(e -> onSelect.run());
    return chip;
  }
}
