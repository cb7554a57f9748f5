package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.FleetSession;
import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.fleet.CloudEventRecords;
import dev.eventschema.monitor.fleet.FleetEngines;
import dev.eventschema.monitor.fleet.FleetSource;
import dev.eventschema.monitor.model.FleetEngineRow;
import dev.eventschema.monitor.model.GenerationRow;
import dev.eventschema.monitor.support.FleetProducer;
import dev.eventschema.monitor.support.Ui;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The dashboard following a fleet through a real Kafka broker (KRaft, in this JVM, shared with the
 * module's other test classes): engines that share one topic, their own rejections, and records the
 * dashboard refuses itself.
 */
@Tag("integration")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class FleetUiTest {

  private static final AtomicInteger TOPICS = new AtomicInteger();

  private final KafkaTestBroker broker = KafkaTestBroker.shared();
  private Dashboard dashboard;
  private FleetProducer producer;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 1_000);
  }

  @AfterEach
  void stop() {
    run(dashboard::shutdown);
    if (producer != null) {
      producer.close();
    }
  }

  /** A topic of this test's own (and its rejections topic), so that tests never see each other's records. */
  private String newTopic(int partitions) {
    String topic = "fleet-ui-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
    broker.createTopic(topic, partitions);
    broker.createTopic(topic + FleetSource.REJECTIONS_SUFFIX, 1);
    producer = new FleetProducer(broker.bootstrapServers(), topic);
    return topic;
  }

  @Test
  void twoEnginesSharingATopicEachLookLikeAConnectedEngine(FxRobot robot) {
    String topic = newTopic(3);
    FleetSession fleet = onFx(() -> dashboard.followFleet(FleetSource.latest(broker.bootstrapServers(), topic),
        new CloudEventRecords()));
    // from the latest offset: what is published once the consumer knows where the end is
    waitUntil("the consumer connected", () -> fleet.consumer().status().state() == ConnectionStatus.State.CONNECTED);

    producer.status("engine-a", "ready", 1);
    producer.event("engine-a", "modelLoaded", null, Map.of("model", "harbor", "modelPath", "/models/harbor.txt"));
    producer.event("engine-a", "generationStarted", "a-1", Map.of("model", "harbor", "prompt", "Where is the harbour?"));
    for (String token : List.of("The", " harbour", " is")) {
      producer.event("engine-a", "tokenGenerated", "a-1", Map.of("model", "harbor", "token", token));
    }
    producer.event("engine-a", "generationCompleted", "a-1",
        Map.of("model", "harbor", "tokensGenerated", 3, "durationMs", 42.0));
    long refused = producer.rejection("engine-a", "tokenGenerated", Map.of("model", "", "token", "x"),
        new Violation("/model", Violation.Code.TOO_SMALL, "must have at least 1 character, was ''"));
    producer.status("engine-b", "busy", 1);
    producer.event("engine-b", "generationStarted", "b-1", Map.of("model", "tiny", "prompt", "Hello"));
    long invalid = producer.invalidEvent("engine-b", "generationCompleted", "b-1",
        Map.of("model", "tiny", "tokensGenerated", 5, "durationMs", 12.5),
        Map.of("model", "tiny", "tokensGenerated", -5, "durationMs", 12.5));
    producer.raw("this is not a CloudEvent");
    producer.flush();

    waitUntil("both engines and the unattributed record found", () -> fleet.model().rows().size() == 3);
    EngineSession a = session("engine-a");
    EngineSession b = session("engine-b");
    EngineSession unattributed = session(FleetEngines.UNATTRIBUTED);
    waitUntil("engine-a's seven events shown", () -> a.model().events().total() == 7);
    waitUntil("engine-b's two events shown", () -> b.model().events().total() == 2);

    // engine-a looks like an engine attached over SSE: status, models, a completed generation, its rejection
    assertThat(onFx(() -> a.model().overview().statusProperty().get())).isEqualTo("ready");
    assertThat(onFx(() -> a.model().models())).extracting(r -> r.name()).containsExactly("harbor");
    assertThat(onFx(() -> a.model().generations().get(0).stateProperty().get()))
        .isEqualTo(GenerationRow.State.COMPLETED);
    waitUntil("engine-a's rejection shown", () -> a.model().rejections().items().size() == 1);
    StreamMessage.Rejection published = onFx(() -> a.model().rejections().items().get(0));
    assertThat(published.source()).isEqualTo("runtime");
    assertThat(published.seq()).isEqualTo(refused);
    assertThat(published.violations()).extracting(Violation::path).containsExactly("/model");

    // engine-b's invalid record is a consumer rejection naming the field, the rule and the value
    waitUntil("engine-b's invalid record rejected", () -> b.model().rejections().items().size() == 1);
    StreamMessage.Rejection found = onFx(() -> b.model().rejections().items().get(0));
    assertThat(found.source()).isEqualTo(StreamMessage.Rejection.CONSUMER);
    assertThat(found.seq()).isEqualTo(invalid);
    assertThat(found.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("/data/tokensGenerated");
      assertThat(v.code()).isEqualTo(Violation.Code.TOO_SMALL);
      assertThat(v.message()).contains("-5");
    });
    assertThat(onFx(() -> b.model().generations().get(0).stateProperty().get()))
        .isEqualTo(GenerationRow.State.RUNNING);
    // a record that names no engine is refused too, under an engine of its own
    waitUntil("the unattributed record rejected", () -> unattributed.model().rejections().items().size() == 1);
    assertThat(onFx(() -> unattributed.model().rejections().items().get(0).violations().get(0).message()))
        .contains("not valid JSON");

    // the fleet overview: one row per engine with its status and counts
    waitUntil("the rows brought up to date", () -> row(fleet, "engine-b").statusProperty().get().equals("busy")
        && row(fleet, "engine-a").rejectionsProperty().get() == 1);
    assertThat(onFx(() -> row(fleet, "engine-a").eventsProperty().get())).isEqualTo(7);
    assertThat(onFx(() -> row(fleet, "engine-b").foundHereProperty().get())).isEqualTo(1);
    assertThat(Ui.<FleetEngineRow>items(robot, "#fleetTable")).extracting(FleetEngineRow::engineId)
        .containsExactlyInAnyOrder("engine-a", "engine-b", FleetEngines.UNATTRIBUTED);
    waitUntil("the tiles count three engines", () -> Ui.text(robot, "#fleetEnginesTile").equals("3"));
    assertThat(Ui.text(robot, "#fleetConnectionState")).isEqualTo("Connected");
    assertThat(fleet.consumer().status().consumerRejections()).isEqualTo(2);

    // a double click on a row opens that engine's own views. The double click is fired at the row
    // rather than made by the robot: JavaFX counts two clicks as one double click only when the FX
    // thread handles both within the multi-click time, which a loaded CI machine missed (2 runs in 3)
    run(() -> {
      Node row = fleetRow(robot, "engine-b");
      var centre = row.localToScreen(row.getBoundsInLocal().getCenterX(), row.getBoundsInLocal().getCenterY());
      javafx.event.Event.fireEvent(row, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
          row.getBoundsInLocal().getCenterX(), row.getBoundsInLocal().getCenterY(), centre.getX(), centre.getY(),
          javafx.scene.input.MouseButton.PRIMARY, 2, false, false, false, false, true, false, false, true, false,
          true, null));
    });
    waitUntil("engine-b's overview shown with its status", () -> robot.lookup("#statusBadge").tryQuery().isPresent()
        && robot.lookup("#statusBadge").queryLabeled().getText().equals("BUSY"));
    assertThat(onFx(() -> robot.lookup("#connectionDetail").queryLabeled().getText()))
        .contains("Found in topic '" + topic + "'");
  }

  @Test
  void anEnginesSnapshotsFillItsOverviewAndTheFleetColumns(FxRobot robot) {
    String topic = newTopic(2);
    FleetSession fleet = onFx(() -> dashboard.followFleet(FleetSource.latest(broker.bootstrapServers(), topic),
        new CloudEventRecords()));
    waitUntil("the consumer connected", () -> fleet.consumer().status().state() == ConnectionStatus.State.CONNECTED);

    producer.status("engine-t", "ready", 1);
    producer.telemetry("engine-t", snapshot(1_000, 40.0, 3));
    producer.flush();
    waitUntil("the engine found", () -> fleet.model().rows().size() == 1);
    EngineSession t = session("engine-t");
    waitUntil("the first snapshot shown", () -> t.model().overview().snapshotsProperty().get() == 1);
    producer.telemetry("engine-t", snapshot(1_080, 80.0, 5)); // a later time: the Overview's rates need two
    producer.flush();

    waitUntil("both snapshots shown", () -> t.model().overview().snapshotsProperty().get() == 2);
    assertThat(onFx(() -> t.model().overview().kafkaDroppedProperty().get())).isEqualTo(5);
    assertThat(onFx(() -> t.model().overview().modelsLoadedProperty().get())).isEqualTo(2);
    assertThat(onFx(() -> t.model().overview().tokensPerSecond().size())).isEqualTo(2);
    assertThat(onFx(() -> t.model().overview().ttftP50().size())).isEqualTo(2);

    // the fleet overview's columns and tile, from the same snapshots
    waitUntil("the row's Kafka drops", () -> row(fleet, "engine-t").kafkaDroppedProperty().get() == 5);
    assertThat(onFx(() -> row(fleet, "engine-t").modelsLoadedProperty().get())).isEqualTo(2);
    assertThat(onFx(() -> row(fleet, "engine-t").runningProperty().get())).isEqualTo(1);
    waitUntil("the dropped tile", () -> Ui.text(robot, "#fleetDroppedTile").equals("5"));
    assertThat(fleet.consumer().status().consumerRejections()).isZero();
  }

  private static TelemetrySnapshot snapshot(long tokens, double tokensPerSecond, long kafkaDropped) {
    return TelemetrySnapshotBuilder.builder().intervalMs(1000).modelsLoaded(2).requestsRunning(1).requestsWaiting(0)
        .tokensGenerated(tokens).tokensPerSecond(tokensPerSecond).timeToFirstTokenP50Ms(12.0)
        .timeToFirstTokenP95Ms(30.0).eventsByType(Map.of("tokenGenerated", tokens)).rejectionsByType(Map.of())
        .rejectionsByCode(Map.of()).subscriberDrops(0).kafkaEmitted(tokens + 20).kafkaDelivered(tokens)
        .kafkaDropped(kafkaDropped).build();
  }

  @Test
  void replaysFromATimeAndLeavesOutWhatCameBefore() {
    String topic = newTopic(2);
    producer.status("engine-old", "ready", 0);
    Instant from = producer.lastWritten().plusMillis(1);
    while (System.currentTimeMillis() < from.toEpochMilli()) { // the next records must be written after it
      Thread.onSpinWait();
    }
    producer.status("engine-c", "ready", 0);
    producer.event("engine-c", "generationStarted", "c-1", Map.of("model", "m", "prompt", "Hi"));
    producer.flush();

    FleetSession fleet = onFx(() -> dashboard.followFleet(
        FleetSource.latest(broker.bootstrapServers(), topic).from(from), new CloudEventRecords()));

    waitUntil("the records since the time shown", () -> fleet.model().rows().size() == 1
        && session("engine-c").model().events().total() == 2);
    assertThat(onFx(() -> dashboard.sessions())).extracting(EngineSession::name).containsExactly("engine-c");
  }

  private EngineSession session(String name) {
    return onFx(() -> dashboard.sessions().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow());
  }

  private static FleetEngineRow row(FleetSession fleet, String engineId) {
    return fleet.model().rows().stream().filter(r -> r.engineId().equals(engineId)).findFirst().orElseThrow();
  }

  /** The table row showing {@code engineId}; FX thread. */
  private static Node fleetRow(FxRobot robot, String engineId) {
    return robot.lookup("#fleetTable .table-row-cell").queryAll().stream()
        .filter(n -> n instanceof TableRow<?> r && r.getItem() instanceof FleetEngineRow row
            && row.engineId().equals(engineId))
        .findFirst().orElseThrow();
  }
}
