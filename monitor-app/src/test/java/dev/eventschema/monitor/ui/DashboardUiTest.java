package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.client.SseClient;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.export.DesktopExports;
import dev.eventschema.monitor.model.SlotRows;
import dev.eventschema.monitor.support.Engines;
import dev.eventschema.monitor.support.Ui;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real dashboard scenes, driven by TestFX, against a real engine started by each test. Nodes are
 * found by id and style class and read, clicked and changed on the FX thread only ({@link Ui}).
 */
// a scene test waits for several conditions of up to 30 s each (Fx.TIMEOUT_SECONDS) on a machine that
// may be busy: more than the 60 s default timeout of unit tests
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {

  private Dashboard dashboard;
  private EmbeddedEngine engine;
  private EngineSession session;
  private volatile Path exportTarget;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 20_000,
        new DesktopExports((title, suggestedName, owner) -> Optional.ofNullable(exportTarget)));
    stage.requestFocus();
  }

  @BeforeEach
  void startEngine() {
    WaitForAsyncUtils.clearExceptions();
    engine = Engines.demo(0, 0.3);
    session = onFx(() -> dashboard.addEngine("test engine", engine.baseUri(), null, null));
  }

  @AfterEach
  void stopEngine() {
    run(dashboard::shutdown);
    if (engine != null) {
      engine.close();
    }
  }

  private static void shortcut(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
  }

  /** The events the events table's rows show, blank rows left out. FX thread. */
  private static List<StreamMessage.Event> rows(FxRobot robot) {
    @SuppressWarnings("unchecked")
    TableView<SlotRows.Slot<StreamMessage.Event>> table = robot.lookup("#eventsTable").queryAs(TableView.class);
    return table.getItems().stream().map(slot -> slot.item().getValue()).filter(Objects::nonNull).toList();
  }

  /** How many events the events table shows. */
  private static int rowCount(FxRobot robot) {
    return onFx(() -> rows(robot).size());
  }

  /** The events table's row count, blank rows included. FX thread. */
  private static int slotCount(FxRobot robot) {
    return robot.lookup("#eventsTable").queryAs(TableView.class).getItems().size();
  }

  /** A row of a table that is inside its viewport and holds an item. FX thread. */
  private static javafx.scene.Node visibleRow(FxRobot robot, String table) {
    VirtualFlow<?> flow = robot.lookup(table + " .virtual-flow").queryAs(VirtualFlow.class);
    IndexedCell<?> first = flow.getFirstVisibleCell();
    IndexedCell<?> last = flow.getLastVisibleCell();
    IndexedCell<?> cell = flow.getVisibleCell((first.getIndex() + last.getIndex()) / 2);
    return cell != null && !cell.isEmpty() ? cell : first;
  }

  /** The index of the last row with an item that the events table's viewport shows. FX thread. */
  private static int lastVisibleIndex(FxRobot robot) {
    VirtualFlow<?> flow = robot.lookup("#eventsTable .virtual-flow").queryAs(VirtualFlow.class);
    double bottom = flow.localToScene(flow.getLayoutBounds()).getMaxY() + 1;
    int last = -1;
    for (int i = 0; i < flow.getCellCount(); i++) {
      IndexedCell<?> cell = flow.getVisibleCell(i);
      if (cell != null && !cell.isEmpty() && cell.isVisible()
          && cell.localToScene(cell.getBoundsInLocal()).getMaxY() <= bottom) {
        last = Math.max(last, cell.getIndex());
      }
    }
    return last;
  }

  /** Whether the newest row (or the one before it, half hidden) is in view. FX thread. */
  private static boolean showsNewestRow(FxRobot robot) {
    return lastVisibleIndex(robot) >= slotCount(robot) - 2;
  }

  private static boolean paused(FxRobot robot) {
    return robot.lookup("#pauseButton").queryAs(ToggleButton.class).isSelected();
  }

  /** The count of the "N new" button. FX thread. */
  private static long newCount(FxRobot robot) {
    String digits = robot.lookup("#newEvents").queryButton().getText().replaceAll("[^0-9]", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }

  private static String badge(FxRobot robot) {
    return robot.lookup("#statusBadge").queryLabeled().getText().toLowerCase(Locale.ROOT);
  }

  @Test
  void eventsAppearInTheTable(FxRobot robot) {
    waitUntil("events received while the table is hidden", () -> session.model().events().total() >= 300);
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("the events tab is shown", () -> session.view().getSelectionModel().getSelectedIndex() == 1);
    waitUntil("events in the table", () -> rows(robot).size() >= 30);
    waitUntil("the table follows the newest row", () -> showsNewestRow(robot));
    // scrolled away from the bottom, the table stays where the reader is; Ctrl+End follows again
    run(() -> { // a mouse wheel turned towards older rows (TestFX's robot scrolls by one pixel under Monocle)
      javafx.scene.Node flow = robot.lookup("#eventsTable .virtual-flow").query();
      Point2D at = flow.localToScreen(flow.getLayoutBounds().getCenterX(), flow.getLayoutBounds().getCenterY());
      javafx.event.Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, at.getX(), at.getY(), at.getX(),
          at.getY(), false, false, false, false, false, false, 0, 2000, 0, 2000,
          ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    });
    int size = onFx(() -> slotCount(robot));
    waitUntil("more rows arrived", () -> slotCount(robot) > size + 20);
    assertThat(onFx(() -> lastVisibleIndex(robot))).isLessThan(size - 1);
    shortcut(robot, KeyCode.END);
    waitUntil("following again", () -> showsNewestRow(robot));

    List<StreamMessage.Event> rows = onFx(() -> List.copyOf(rows(robot)));
    assertThat(rows).extracting(StreamMessage.Event::type).contains("generationStarted", "tokenGenerated");
    assertThat(rows).extracting(StreamMessage.Event::seq).isSorted();
    assertThat(Ui.text(robot, "#eventCounts")).startsWith("Showing ");

    Ui.click(robot, () -> visibleRow(robot, "#eventsTable"));
    waitUntil("the details pane shows the payload",
        () -> robot.lookup("#eventDetails").queryTextInputControl().getText().contains("\"payload\" : {"));
  }

  @Test
  void filtersAndSearchNarrowTheTable(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("events of several types", () -> rows(robot).stream().map(StreamMessage.Event::type)
        .distinct().count() >= 3 && rows(robot).size() > 50);

    Ui.click(robot, "#typeFilter");
    Ui.click(robot, () -> robot.lookup(".list-cell").match(n -> n instanceof ListCell<?> c
        && "generationStarted".equals(c.getText())).query());
    waitUntil("only generationStarted rows", () -> !rows(robot).isEmpty()
        && rows(robot).stream().allMatch(e -> e.type().equals("generationStarted")));
    assertThat(rowCount(robot)).isLessThan(onFx(() -> session.model().events().items().size()));

    run(() -> robot.lookup("#typeFilter").queryComboBox().setValue("All types"));
    waitUntil("the model filter lists the demo model", () -> robot.lookup("#modelFilter").queryComboBox()
        .getItems().contains(EmbeddedEngine.DEFAULT_MODEL_ID));
    run(() -> robot.lookup("#modelFilter").<String>queryComboBox().setValue(EmbeddedEngine.DEFAULT_MODEL_ID));
    waitUntil("only the demo model's rows", () -> !rows(robot).isEmpty() && rows(robot).stream()
        .allMatch(e -> EmbeddedEngine.DEFAULT_MODEL_ID.equals(e.model())));
    run(() -> robot.lookup("#modelFilter").<String>queryComboBox().setValue("All models"));

    String generation = onFx(() -> rows(robot).stream().map(StreamMessage.Event::generationId)
        .filter(Objects::nonNull).findFirst().orElseThrow());
    int before = rowCount(robot);
    shortcut(robot, KeyCode.F); // Ctrl+F focuses the search field
    robot.write(generation);
    waitUntil("only rows that match the search", () -> !rows(robot).isEmpty() && rows(robot).stream()
        .allMatch(e -> e.generationId() != null && e.generationId().contains(generation)
            || e.summary().contains(generation)));
    assertThat(rowCount(robot)).isLessThan(before);
    robot.eraseText(generation.length());
    waitUntil("every row again", () -> rows(robot).size() > 50);
  }

  @Test
  void pauseHoldsTheViewAndResumeCatchesUp(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("events in the table", () -> rows(robot).size() >= 20);
    shortcut(robot, KeyCode.P);
    waitUntil("paused", () -> paused(robot));
    List<StreamMessage.Event> held = onFx(() -> List.copyOf(rows(robot)));
    long totalAtPause = onFx(() -> session.model().events().total());
    waitUntil("new events counted while paused", () -> newCount(robot) >= 20
        && session.model().events().total() >= totalAtPause + 20);
    assertThat(onFx(() -> robot.lookup("#newEvents").queryButton().isVisible())).isTrue();
    assertThat(Ui.text(robot, "#newEvents")).endsWith(" new");
    assertThat(onFx(() -> List.copyOf(rows(robot)))).isEqualTo(held);

    Ui.click(robot, "#newEvents"); // resumes
    waitUntil("resumed and caught up", () -> !paused(robot)
        && rows(robot).size() > held.size()
        && rows(robot).get(rows(robot).size() - 1).seq() >= session.model().events().items()
            .get(session.model().events().items().size() - 1).seq() - 500);
    assertThat(onFx(() -> robot.lookup("#newEvents").queryButton().isVisible())).isFalse();
    List<StreamMessage.Event> now = onFx(() -> List.copyOf(rows(robot)));
    assertThat(now).containsAll(held.subList(Math.max(0, held.size() - 5), held.size()));
  }

  @Test
  void aRejectionShowsItsViolations(FxRobot robot, @TempDir Path dir) throws Exception {
    shortcut(robot, KeyCode.DIGIT5);
    waitUntil("rejections arrive", () -> !robot.lookup("#rejectionsTable").queryTableView().getItems().isEmpty());
    Ui.click(robot, () -> visibleRow(robot, "#rejectionsTable"));
    StreamMessage.Rejection selected = onFx(() -> robot.lookup("#rejectionsTable")
        .<StreamMessage.Rejection>queryTableView().getSelectionModel().getSelectedItem());
    assertThat(selected).isNotNull();
    assertThat(selected.violations()).isNotEmpty();
    waitUntil("the violations are listed", () -> robot.lookup("#violationsTable").queryTableView().getItems()
        .equals(selected.violations()));
    assertThat(highlightedPaths(robot))
        .containsAnyElementsOf(selected.violations().stream().map(Violation::path).toList());
    assertThat(Ui.text(robot, "#rejectionSummary")).contains("rejections");

    Ui.click(robot, "#copyJson");
    String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
    assertThat(copied).contains("\"violations\"").contains(selected.violations().get(0).code().wireName());

    exportTarget = dir.resolve("rejections.json");
    Ui.click(robot, "#exportSelected");
    waitUntil("the export reported", () -> Ui.text(robot, "#rejectionMessage")
        .equals("Exported 1 rejection to rejections.json."));
    assertThat(Files.readString(exportTarget)).startsWith("[")
        .contains("\"eventType\" : \"" + selected.eventType() + "\"");

    exportTarget = dir.resolve("no-such-folder").resolve("rejections.json");
    Ui.click(robot, "#exportSelected");
    waitUntil("the failure explained in words", () -> Ui.text(robot, "#rejectionMessage")
        .endsWith("the folder does not exist."));
  }

  /** The violation paths highlighted in the rejected payload. */
  static List<String> highlightedPaths(FxRobot robot) {
    return onFx(() -> robot.lookup("#rejectedPayload .json-highlight").queryAll().stream()
        .map(n -> String.valueOf(n.getUserData())).distinct().toList());
  }

  @Test
  void theStatusBadgeFollowsStatusEvents(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT1);
    waitUntil("a status event shown", () -> !badge(robot).equals("unknown"));
    waitUntil("the badge shows the newest status event", () -> badge(robot).equals(lastStatus()));
    assertThat(onFx(() -> badge(robot))).isIn("ready", "busy");
    assertThat(onFx(() -> List.copyOf(robot.lookup("#statusBadge").query().getStyleClass())))
        .anyMatch(c -> c.startsWith("status-"));

    engine.close(); // its last status event says shutdown
    waitUntil("the badge shows shutdown", () -> badge(robot).equals("shutdown"));
    assertThat(onFx(() -> List.copyOf(robot.lookup("#statusBadge").query().getStyleClass())))
        .contains("status-shutdown");
    assertThat(lastStatus()).isEqualTo("shutdown");
  }

  private String lastStatus() {
    return onFx(() -> {
      List<StreamMessage.Event> items = session.model().events().items();
      for (int i = items.size() - 1; i >= 0; i--) {
        if (items.get(i).type().equals("runtimeStatus")) {
          return (String) items.get(i).payload().get("status");
        }
      }
      return "unknown";
    });
  }

  @Test
  void reconnectsAfterTheEngineRestarts(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT1);
    waitUntil("connected", () -> session.feed().status().state() == ConnectionStatus.State.CONNECTED
        && session.model().events().total() > 10);

    // a dropped connection resumes with Last-Event-ID and misses nothing
    ((SseClient) session.feed()).dropConnection();
    waitUntil("reconnected once", () -> session.feed().status().reconnects() == 1
        && session.feed().status().state() == ConnectionStatus.State.CONNECTED);
    assertThat(session.feed().status().missed()).isZero();

    int port = engine.baseUri().getPort();
    engine.close();
    waitUntil("reconnecting is shown", () -> robot.lookup("#connectionState").queryLabeled().getText()
        .startsWith("Reconnecting"));
    waitUntil("why, in words", () -> { // no stack trace
      String detail = robot.lookup("#connectionDetail").queryLabeled().getText();
      return detail.equals("Nothing is listening at 127.0.0.1:" + port + ". Is the engine running?")
          || detail.equals("The engine at 127.0.0.1:" + port + " closed the stream.");
    });
    long before = onFx(() -> session.model().events().total());

    engine = Engines.demo(port, 0.3); // the engine restarts behind the same address
    waitUntil("connected again", () -> robot.lookup("#connectionState").queryLabeled().getText()
        .equals("Connected"));
    waitUntil("new events from the new engine", () -> session.model().events().total() > before + 10);
    waitUntil("the restart is noticed", () -> session.feed().status().restarts() == 1);
    waitUntil("the badge follows the new engine", () -> badge(robot).matches("ready|busy"));
  }
}
