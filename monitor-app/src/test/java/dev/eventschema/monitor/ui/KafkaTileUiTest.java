package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.support.HubEngine;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Overview's Kafka tile: hidden for an engine without a sink, its drops and deliveries otherwise. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class KafkaTileUiTest {

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

  private static Map<String, Object> snapshot(Long emitted, Long delivered, Long dropped) {
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("intervalMs", 1000);
    snapshot.put("modelsLoaded", 1);
    snapshot.put("requestsRunning", 0);
    snapshot.put("requestsWaiting", 0);
    snapshot.put("tokensGenerated", 0);
    snapshot.put("tokensPerSecond", 0.0);
    snapshot.put("eventsByType", Map.of());
    snapshot.put("rejectionsByType", Map.of());
    snapshot.put("rejectionsByCode", Map.of());
    snapshot.put("subscriberDrops", 0);
    if (emitted != null) {
      snapshot.put("kafkaEmitted", emitted);
      snapshot.put("kafkaDelivered", delivered);
      snapshot.put("kafkaDropped", dropped);
    }
    return snapshot;
  }

  private long telemetry(Map<String, Object> snapshot) {
    return engine.hub().publish("telemetry", "telemetrySnapshot", Optional.empty(), snapshot, Instant.now());
  }

  private static boolean tileShown(FxRobot robot) {
    return onFx(() -> {
      Node tile = robot.lookup("#kafkaTile").query().getParent();
      return tile.isVisible() && tile.isManaged();
    });
  }

  @Test
  void theTileShowsTheSinksDropsOnlyForAnEngineThatHasOne(FxRobot robot) {
    engine = HubEngine.start(0, 4096);
    EngineSession session = onFx(() -> dashboard.addEngine("hub", engine.baseUri(), null, null));

    telemetry(snapshot(null, null, null));
    waitUntil("the first snapshot applied", () -> session.model().overview().snapshotsProperty().get() == 1);
    assertThat(tileShown(robot)).isFalse();

    telemetry(snapshot(12_500L, 12_000L, 480L));
    waitUntil("the Kafka tile shown", () -> tileShown(robot));
    waitUntil("its numbers", () -> "480".equals(onFx(() -> robot.lookup("#kafkaTile").queryAs(Label.class).getText())));
    assertThat(onFx(() -> robot.lookup(".tile-detail").queryAllAs(Label.class).stream().map(Label::getText).toList()))
        .contains("12,000 of 12,500 delivered");
  }
}
