package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.model.GenerationRow;
import dev.eventschema.monitor.model.SlotRows.Slot;
import dev.eventschema.monitor.support.Engines;
import dev.eventschema.monitor.support.Ui;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Generations tab against a real demo engine: newest first, the cells' text, the details of a
 * generation, and a selection that follows its generation down the table.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class GenerationsUiTest {

  private Dashboard dashboard;
  private EmbeddedEngine engine;
  private EngineSession session;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 20_000);
    stage.requestFocus();
  }

  @BeforeEach
  void startEngine() {
    WaitForAsyncUtils.clearExceptions();
    engine = Engines.demo(0, 0);
    session = onFx(() -> dashboard.addEngine("test engine", engine.baseUri(), null, null));
  }

  @AfterEach
  void stopEngine() {
    run(dashboard::shutdown);
    if (engine != null) {
      engine.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static TableView<Slot<GenerationRow>> table(FxRobot robot) {
    return robot.lookup("#generationsTable").queryAs(TableView.class);
  }

  /** What the table's rows show, in order, blank rows left out. FX thread. */
  private static List<GenerationRow> shown(FxRobot robot) {
    return table(robot).getItems().stream().map(slot -> slot.item().getValue()).filter(r -> r != null).toList();
  }

  /** The text the first visible row's cells show, left to right. FX thread. */
  private static List<String> firstRowTexts(FxRobot robot) {
    VirtualFlow<?> flow = robot.lookup("#generationsTable .virtual-flow").queryAs(VirtualFlow.class);
    IndexedCell<?> row = flow.getFirstVisibleCell();
    return row.lookupAll(".still-text").stream().map(node -> ((Text) node).getText()).toList();
  }

  @Test
  void showsGenerationsNewestFirstWithTheirDetails(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil("the generations tab is shown", () -> session.view().getSelectionModel().getSelectedIndex() == 2);
    waitUntil("three generations in the table", () -> shown(robot).size() >= 3);
    onFx(() -> {
      assertThat(shown(robot)).containsExactlyElementsOf(session.model().generations());
      return null;
    });
    waitUntil("the first row shows the newest generation's id and model", () -> {
      GenerationRow newest = shown(robot).get(0);
      List<String> texts = firstRowTexts(robot);
      return texts.size() == 8 && texts.get(0).equals(newest.id()) && texts.get(1).equals(newest.model());
    });
    waitUntil("the details show one of the table's generations: its heading and its text", () -> {
      String heading = robot.lookup(".generations-view .section-title").queryLabeled().getText();
      String details = robot.lookup("#generationText").queryAs(TextArea.class).getText();
      return shown(robot).stream().anyMatch(r -> heading.startsWith(r.id() + " · ")
          && details.equals(r.textProperty().get()));
    });
  }

  @Test
  void aSelectedGenerationStaysSelectedAsNewerOnesArrive(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
    waitUntil("two generations in the table", () -> shown(robot).size() >= 2);
    Ui.click(robot, () -> robot.lookup("#generationsTable .virtual-flow").queryAs(VirtualFlow.class).getFirstVisibleCell());
    waitUntil("the clicked row is selected", () -> table(robot).getSelectionModel().getSelectedItem() != null);
    GenerationRow picked = onFx(() -> table(robot).getSelectionModel().getSelectedItem().item().getValue());
    assertThat(picked).isNotNull();
    waitUntil("a newer generation pushes it down", () -> shown(robot).indexOf(picked) >= 2);
    waitUntil("it is still the selected one", () -> {
      Slot<GenerationRow> selected = table(robot).getSelectionModel().getSelectedItem();
      return selected != null && selected.item().getValue() == picked;
    });
    waitUntil("its text is the one shown", () -> robot.lookup("#generationText").queryAs(TextArea.class).getText()
        .equals(picked.textProperty().get()));
  }
}
