package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.model.SlotRows.Slot;
import dev.eventschema.monitor.support.Engines;
import dev.eventschema.monitor.support.Ui;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
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
 * The events table once its log is full, against a real demo engine: the events move through slots
 * that stay where they are, the newest event is in the last row, and a selected event stays
 * selected as it moves up, until it leaves the log.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class EventsUiTest {

  /** A log small enough for the demo engine to fill in seconds. */
  private static final int CAPACITY = 300;

  private Dashboard dashboard;
  private EmbeddedEngine engine;
  private EngineSession session;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, CAPACITY);
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
  private static TableView<Slot<StreamMessage.Event>> table(FxRobot robot) {
    return robot.lookup("#eventsTable").queryAs(TableView.class);
  }

  /** The event in the selected row, or null. FX thread. */
  private static StreamMessage.Event selectedEvent(FxRobot robot) {
    Slot<StreamMessage.Event> slot = table(robot).getSelectionModel().getSelectedItem();
    return slot == null ? null : slot.item().getValue();
  }

  /** The texts of the last visible row's cells, left to right. FX thread. */
  private static List<String> lastRowTexts(FxRobot robot) {
    VirtualFlow<?> flow = robot.lookup("#eventsTable .virtual-flow").queryAs(VirtualFlow.class);
    IndexedCell<?> row = flow.getLastVisibleCell();
    return row.lookupAll(".still-text").stream().map(node -> ((Text) node).getText()).toList();
  }

  private static String detailsTitle(FxRobot robot) {
    return robot.lookup(".events-view .section-title").queryLabeled().getText();
  }

  @Test
  void aSelectedEventMovesUpThroughStillSlotsUntilItLeavesTheLog(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitUntil("the log is full and the table shows all of it", () -> session.model().events().dropped() > 0
        && table(robot).getItems().size() == CAPACITY);
    waitUntil("the last row shows the newest event", () -> {
      List<StreamMessage.Event> log = session.model().events().items();
      List<String> texts = lastRowTexts(robot);
      return texts.size() == 6 && texts.get(1).equals(Long.toString(log.get(log.size() - 1).seq()));
    });
    List<Slot<StreamMessage.Event>> slots = onFx(() -> List.copyOf(table(robot).getItems()));

    Ui.click(robot, () -> robot.lookup("#eventsTable .virtual-flow").queryAs(VirtualFlow.class).getLastVisibleCell());
    waitUntil("the clicked row is selected", () -> selectedEvent(robot) != null);
    StreamMessage.Event picked = onFx(() -> selectedEvent(robot));
    int pickedAt = onFx(() -> table(robot).getSelectionModel().getSelectedIndex());
    assertThat(Ui.text(robot, ".events-view .section-title")).startsWith("#" + picked.seq() + " · ");

    waitUntil("newer events move it up by 20 rows", () -> table(robot).getSelectionModel().getSelectedIndex()
        <= pickedAt - 20);
    onFx(() -> {
      assertThat(selectedEvent(robot)).isSameAs(picked);
      assertThat(table(robot).getItems()).containsExactlyElementsOf(slots); // the same slots, in place
      assertThat(detailsTitle(robot)).startsWith("#" + picked.seq() + " · ");
      return null;
    });

    waitUntil("it leaves the log", () -> !session.model().events().items().contains(picked));
    waitUntil("nothing is selected and the details say so", () -> selectedEvent(robot) == null
        && detailsTitle(robot).equals("Select an event to see its payload"));
  }

  @Test
  void aShortFilteredTableShowsNoBlankRowsAsItsEventsLeaveTheLog(FxRobot robot) {
    robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
    waitUntil("the log is full", () -> session.model().events().dropped() > 0);
    run(() -> robot.lookup("#typeFilter").<String>queryComboBox().setValue("generationStarted"));
    waitUntil("only generation starts are shown", () -> !table(robot).getItems().isEmpty() && table(robot)
        .getItems().stream().allMatch(slot -> slot.item().getValue() != null
            && slot.item().getValue().type().equals("generationStarted")));
    long droppedBefore = onFx(() -> session.model().events().dropped());
    // the whole log turns over: every start shown now leaves it, and newer ones come in
    waitUntil("the log turned over", () -> session.model().events().dropped() >= droppedBefore + CAPACITY);
    onFx(() -> {
      assertThat(table(robot).getItems()).isNotEmpty().allSatisfy(slot -> assertThat(slot.item().getValue())
          .isNotNull().extracting(StreamMessage.Event::type).isEqualTo("generationStarted"));
      return null;
    });
  }
}
