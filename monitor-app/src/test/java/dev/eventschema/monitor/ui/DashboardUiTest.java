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
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.support.Engines;
import dev.eventschema.monitor.view.EngineView;
import dev.eventschema.monitor.view.EventsView;
import dev.eventschema.monitor.view.RejectionsView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real dashboard scenes, driven by TestFX, against a real engine started by each test. */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {

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

  private EngineView view() {
    return session.view();
  }

  private EventsView events() {
    return view().events();
  }

  private static void shortcut(FxRobot robot, KeyCode key) {
    robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
  }

  /** A row of a table that is inside its viewport and holds an item. */
  private static javafx.scene.Node visibleRow(FxRobot robot, String table) {
    return onFx(() -> {
      javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup(table + " .virtual-flow")
          .queryAs(javafx.scene.control.skin.VirtualFlow.class);
      javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
      javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
      int middle = (first.getIndex() + last.getIndex()) / 2;
      javafx.scene.control.IndexedCell<?> cell = flow.getVisibleCell(middle);
      return cell != null && !cell.isEmpty() ? cell : first;
    });
  }

  /** The index of the last row with an item that the events table's viewport shows. */
  private int lastVisibleIndex(FxRobot robot) {
    javafx.scene.control.skin.VirtualFlow<?> flow = robot.lookup("#eventsTable .virtual-flow")
        .queryAs(javafx.scene.control.skin.VirtualFlow.class);
    int last = -1;
    for (int i = 0; i < flow.getCellCount(); i++) {
      javafx.scene.control.IndexedCell<?> cell = flow.getVisibleCell(i);
      if (cell != null && !cell.isEmpty() && cell.isVisible()
          && cell.localToScene(cell.getBoundsInLocal()).getMaxY() <= flow.localToScene(flow.getLayoutBounds()).getMaxY() + 1) {
        last = Math.max(last, cell.getIndex());
      }
    }
    return last;
  }

  private int shownCount() {
    return onFx(() -> events().shown().size());
  }

  @Test
  void eventsAppearInTheTable(FxRobot robot) {
    waitUntil("events received while the table is hidden", () -> session.model().events().total() >= 300);
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("the events tab is shown", () -> view().getSelectionModel().getSelectedIndex() == 1);
    waitUntil("events in the table", () -> events().shown().size() >= 30);
    try {
      waitUntil("the table follows the newest row", () -> events().isFollowing() && events().showsLastRow()
          && lastVisibleIndex(robot) >= events().shown().size() - 2);
    } catch (AssertionError e) {
      throw new AssertionError(onFx(() -> events().followState() + " lastVisible=" + lastVisibleIndex(robot)), e);
    }
    // scrolled away from the bottom, the table stays where the reader is; Ctrl+End follows again
    run(() -> { // a mouse wheel turned towards older rows (TestFX's robot scrolls by one pixel under Monocle)
      javafx.scene.Node flow = events().table().lookup(".virtual-flow");
      javafx.geometry.Point2D at = flow.localToScreen(flow.getLayoutBounds().getCenterX(),
          flow.getLayoutBounds().getCenterY());
      javafx.event.Event.fireEvent(flow, new javafx.scene.input.ScrollEvent(javafx.scene.input.ScrollEvent.SCROLL,
          at.getX(), at.getY(), at.getX(), at.getY(), false, false, false, false, false, false, 0, 2000, 0, 2000,
          javafx.scene.input.ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
          javafx.scene.input.ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
    });
    waitUntil("no longer following", () -> !events().isFollowing());
    int size = shownCount();
    waitUntil("more rows arrived", () -> events().shown().size() > size + 20);
    assertThat(onFx(() -> lastVisibleIndex(robot))).isLessThan(size - 1);
    shortcut(robot, KeyCode.END);
    waitUntil("following again", () -> events().isFollowing()
        && lastVisibleIndex(robot) >= events().shown().size() - 2);

    List<StreamMessage.Event> rows = onFx(() -> new ArrayList<>(events().table().getItems()));
    assertThat(rows).extracting(StreamMessage.Event::type).contains("generationStarted", "tokenGenerated");
    assertThat(rows).extracting(StreamMessage.Event::seq).isSorted();
    assertThat(robot.lookup("#eventCounts").queryAs(Label.class).getText()).startsWith("Showing ");

    robot.clickOn("#eventsTable"); // the middle of a full table is a row
    waitUntil("the details pane shows the payload",
        () -> robot.lookup("#eventDetails").queryTextInputControl().getText().contains("\"payload\" : {"));
  }

  @Test
  void filtersAndSearchNarrowTheTable(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("events of several types", () -> events().shown().stream().map(StreamMessage.Event::type)
        .distinct().count() >= 3 && events().shown().size() > 50);

    robot.clickOn("#typeFilter");
    robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
        && "generationStarted".equals(c.getText())).queryAs(javafx.scene.Node.class));
    waitUntil("only generationStarted rows", () -> !events().shown().isEmpty()
        && events().shown().stream().allMatch(e -> e.type().equals("generationStarted")));
    assertThat(shownCount()).isLessThan(onFx(() -> session.model().events().items().size()));

    run(() -> robot.lookup("#typeFilter").queryComboBox().setValue("All types"));
    ComboBox<String> models = robot.lookup("#modelFilter").queryComboBox();
    waitUntil("the model filter lists the demo model", () -> models.getItems().contains(EmbeddedEngine.DEFAULT_MODEL_ID));
    run(() -> models.setValue(EmbeddedEngine.DEFAULT_MODEL_ID));
    waitUntil("only the demo model's rows", () -> !events().shown().isEmpty() && events().shown().stream()
        .allMatch(e -> EmbeddedEngine.DEFAULT_MODEL_ID.equals(e.model())));
    run(() -> models.setValue("All models"));

    String generation = onFx(() -> events().shown().stream().map(StreamMessage.Event::generationId)
        .filter(Objects::nonNull).findFirst().orElseThrow());
    int before = shownCount();
    shortcut(robot, KeyCode.F); // Ctrl+F focuses the search field
    robot.write(generation);
    waitUntil("only rows that match the search", () -> !events().shown().isEmpty() && events().shown().stream()
        .allMatch(e -> e.generationId() != null && e.generationId().contains(generation)
            || e.summary().contains(generation)));
    assertThat(shownCount()).isLessThan(before);
    robot.eraseText(generation.length());
    waitUntil("every row again", () -> events().shown().size() > 50);
  }

  @Test
  void pauseHoldsTheViewAndResumeCatchesUp(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT2);
    waitUntil("events in the table", () -> events().shown().size() >= 20);
    shortcut(robot, KeyCode.P);
    waitUntil("paused", () -> events().isPaused());
    List<StreamMessage.Event> held = onFx(() -> new ArrayList<>(events().shown()));
    long totalAtPause = onFx(() -> session.model().events().total());
    waitUntil("new events counted while paused", () -> events().newCount() >= 20
        && session.model().events().total() >= totalAtPause + 20);
    Button newEvents = robot.lookup("#newEvents").queryButton();
    assertThat(newEvents.isVisible()).isTrue();
    assertThat(newEvents.getText()).endsWith(" new");
    assertThat(onFx(() -> new ArrayList<>(events().shown()))).isEqualTo(held);

    robot.clickOn("#newEvents"); // resumes
    waitUntil("resumed and caught up", () -> !events().isPaused()
        && events().shown().size() > held.size()
        && events().shown().get(events().shown().size() - 1).seq() >= session.model().events().items()
            .get(session.model().events().items().size() - 1).seq() - 500);
    assertThat(robot.lookup("#newEvents").queryButton().isVisible()).isFalse();
    List<StreamMessage.Event> now = onFx(() -> new ArrayList<>(events().shown()));
    assertThat(now).containsAll(held.subList(Math.max(0, held.size() - 5), held.size()));
  }

  @Test
  void aRejectionShowsItsViolations(FxRobot robot, @TempDir Path dir) throws Exception {
    shortcut(robot, KeyCode.DIGIT5);
    RejectionsView rejections = view().rejections();
    waitUntil("rejections arrive", () -> !rejections.table().getItems().isEmpty());
    robot.clickOn(visibleRow(robot, "#rejectionsTable"));
    StreamMessage.Rejection selected = onFx(() -> rejections.table().getSelectionModel().getSelectedItem());
    assertThat(selected).isNotNull();
    assertThat(selected.violations()).isNotEmpty();
    TableView<Violation> violations = robot.lookup("#violationsTable").queryTableView();
    waitUntil("the violations are listed", () -> violations.getItems().equals(selected.violations()));
    List<String> paths = onFx(() -> rejections.payload().highlightedPaths());
    assertThat(paths).containsAnyElementsOf(selected.violations().stream().map(Violation::path).toList());
    assertThat(robot.lookup("#rejectionSummary").queryAs(Label.class).getText()).contains("rejections");

    robot.clickOn("#copyJson");
    String copied = onFx(() -> Clipboard.getSystemClipboard().getString());
    assertThat(copied).contains("\"violations\"").contains(selected.violations().get(0).code().wireName());

    Path file = dir.resolve("rejections.json");
    onFx(() -> rejections.exportTo(List.of(selected), file)).get();
    assertThat(Files.readString(file)).startsWith("[").contains("\"eventType\" : \"" + selected.eventType() + "\"");
  }

  @Test
  void theStatusBadgeFollowsStatusEvents(FxRobot robot) {
    shortcut(robot, KeyCode.DIGIT1);
    waitUntil("a status event shown", () -> !view().overview().badge().status().equals("unknown"));
    waitUntil("the badge shows the newest status event", () -> view().overview().badge().status()
        .equals(lastStatus()));
    assertThat(onFx(() -> view().overview().badge().status())).isIn("ready", "busy");
    assertThat(robot.lookup("#statusBadge").queryAs(Label.class).getStyleClass()).anyMatch(c -> c.startsWith("status-"));

    engine.close(); // its last status event says shutdown
    waitUntil("the badge shows shutdown", () -> view().overview().badge().status().equals("shutdown"));
    assertThat(robot.lookup("#statusBadge").queryAs(Label.class).getStyleClass()).contains("status-shutdown");
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
    waitUntil("connected", () -> session.client().status().state() == ConnectionStatus.State.CONNECTED
        && session.model().events().total() > 10);

    // a dropped connection resumes with Last-Event-ID and misses nothing
    session.client().dropConnection();
    waitUntil("reconnected once", () -> session.client().status().reconnects() == 1
        && session.client().status().state() == ConnectionStatus.State.CONNECTED);
    assertThat(session.client().status().missed()).isZero();

    int port = engine.baseUri().getPort();
    engine.close();
    waitUntil("reconnecting is shown", () -> robot.lookup("#connectionState").queryAs(Label.class).getText()
        .startsWith("Reconnecting"));
    waitUntil("why, in words", () -> { // no stack trace
      String detail = robot.lookup("#connectionDetail").queryAs(Label.class).getText();
      return detail.equals("Nothing is listening at 127.0.0.1:" + port + ". Is the engine running?")
          || detail.equals("The engine at 127.0.0.1:" + port + " closed the stream.");
    });
    long before = onFx(() -> session.model().events().total());

    engine = Engines.demo(port, 0.3); // the engine restarts behind the same address
    waitUntil("connected again", () -> robot.lookup("#connectionState").queryAs(Label.class).getText()
        .equals("Connected"));
    waitUntil("new events from the new engine", () -> session.model().events().total() > before + 10);
    waitUntil("the restart is noticed", () -> session.client().status().restarts() == 1);
    waitUntil("the badge follows the new engine", () -> view().overview().badge().status().matches("ready|busy"));
  }
}
