package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.support.HubEngine;
import dev.eventschema.monitor.support.Ui;
import dev.eventschema.monitor.view.EngineView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * What the dashboard does with a stream the engine's validators would not have let through: the
 * engine's own stream server, fed directly (bypassing the engine's emitter), stands for a faulty
 * engine or a peer in the middle.
 */
// a scene test waits for several conditions of up to 30 s each (Fx.TIMEOUT_SECONDS) on a machine that
// may be busy: more than the 60 s default timeout of unit tests
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class ConsumerValidationUiTest {

  private Dashboard dashboard;
  private HubEngine engine;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 1_000);
  }

  @AfterEach
  void stop() {
    run(dashboard::shutdown);
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void anInvalidEventIsShownAsAConsumerRejectionAndNotAsAnEvent(FxRobot robot) {
    engine = HubEngine.start(0, 4096);
    EngineSession session = onFx(() -> dashboard.addEngine("hub", engine.baseUri(), null, null));
    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("model", "tiny");
    bad.put("tokensGenerated", -5);
    bad.put("durationMs", 12.5);
    bad.put("throughput", "fast");
    engine.event("generationStarted", "g-1", Map.of("model", "tiny", "prompt", "Hello"));
    long badSeq = engine.event("generationCompleted", "g-1", bad);
    engine.status("busy", 1);
    waitUntil("both valid events shown", () -> session.model().events().total() == 2);
    waitUntil("the invalid one rejected", () -> session.model().rejections().items().size() == 1);

    StreamMessage.Rejection r = onFx(() -> session.model().rejections().items().get(0));
    assertThat(r.source()).isEqualTo("consumer");
    assertThat(r.seq()).isEqualTo(badSeq);
    assertThat(r.eventType()).isEqualTo("generationCompleted");
    assertThat(r.violations()).extracting(Violation::path).containsExactlyInAnyOrder("/tokensGenerated", "/throughput");
    assertThat(onFx(() -> session.model().events().items())).extracting(StreamMessage.Event::seq)
        .doesNotContain(badSeq);
    assertThat(onFx(() -> session.model().rejections().consumerProperty().get())).isEqualTo(1);
    // not fed to the model either: the generation is still running
    assertThat(onFx(() -> session.model().generations().get(0).stateProperty().get().label())).isEqualTo("running");

    run(() -> session.view().show(EngineView.Page.REJECTIONS));
    // the table takes the log's rows in the first frame it is on screen
    waitUntil("the rejection listed", () -> robot.lookup("#rejectionsTable").queryTableView().getItems().size() == 1);
    run(() -> robot.lookup("#rejectionsTable").queryTableView().getSelectionModel().select(0));
    waitUntil("its violations listed", () -> robot.lookup("#violationsTable").queryTableView().getItems().size() == 2);
    assertThat(DashboardUiTest.highlightedPaths(robot)).contains("/tokensGenerated", "/throughput");
    assertThat(Ui.text(robot, "#rejectionSummary")).contains("1 by this dashboard");
  }

  @Test
  void aWrongAddressOrAMissingTokenIsExplainedInWords(FxRobot robot) {
    engine = HubEngine.start(0, 4096, "s3cret-token-for-tests");
    EngineSession wrongPath = onFx(() -> dashboard.addEngine("wrong path", engine.baseUri().resolve("/nowhere/"),
        "s3cret-token-for-tests", null));
    EngineSession noToken = onFx(() -> dashboard.addEngine("no token", engine.baseUri(), null, null));
    EngineSession withToken = onFx(() -> dashboard.addEngine("with token", engine.baseUri(), "s3cret-token-for-tests", null));
    waitUntil("the wrong path explained", () -> wrongPath.model().connectionProperty().get().detail()
        .contains("has no /events stream. Is this an eventschema engine?"));
    waitUntil("the missing token explained", () -> noToken.model().connectionProperty().get().detail()
        .contains("requires a token"));
    assertThat(onFx(() -> noToken.model().connectionProperty().get().state().label())).isEqualTo("Disconnected");
    engine.status("ready", 0);
    waitUntil("the token accepted", () -> withToken.model().events().total() == 1);
    run(() -> dashboard.select(withToken));
    waitUntil("its connection state shown", () -> !robot.lookup("#connectionState").queryLabeled().getText().isEmpty());
  }
}
