package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.eventschema.engine.events.StreamSchemas;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.support.HubEngine;
import dev.eventschema.monitor.support.Ui;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The engine's {@code hello}: a newer schema version than the dashboard knows is said plainly. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class SchemaNoticeUiTest {

  private static final String TIME = "2026-01-02T03:04:05.678Z";

  private Dashboard dashboard;
  private HttpServer fake;
  private HubEngine engine;
  private final CountDownLatch released = new CountDownLatch(1);

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 1_000);
  }

  @AfterEach
  void stop() {
    run(dashboard::shutdown);
    released.countDown();
    if (fake != null) {
      fake.stop(0);
    }
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void anEngineSpeakingANewerVersionGetsANoticeAndItsUnknownFieldsAreRejected(FxRobot robot) throws IOException {
    int newer = StreamSchemas.versions().get("tokenGenerated") + 1;
    // a newer engine: tokenGenerated gained a field this dashboard's schema does not allow
    URI uri = fakeEngine("{\"seq\":1,\"time\":\"" + TIME + "\",\"type\":\"hello\",\"payload\":{\"engine\":\"engine-next\","
        + "\"schemas\":{\"envelope\":1,\"tokenGenerated\":" + newer + "}}}",
        "{\"seq\":1,\"time\":\"" + TIME + "\",\"type\":\"tokenGenerated\",\"generationId\":\"g-1\","
        + "\"payload\":{\"model\":\"tiny\",\"token\":\"Hi\",\"confidence\":0.9}}");

    EngineSession session = onFx(() -> dashboard.addEngine("next", uri, null, null));

    waitUntil("the notice shown", () -> noticeVisible(robot));
    assertThat(Ui.text(robot, "#schemaNotice")).contains("engine-next speaks newer schemas",
        "tokenGenerated v" + newer + " (this dashboard knows v" + (newer - 1) + ")");
    waitUntil("the unknown field rejected", () -> session.model().rejections().items().size() == 1);
    assertThat(onFx(() -> session.model().rejections().items().get(0).firstViolation().path()))
        .isEqualTo("/confidence");
  }

  @Test
  void anEngineOfTheSameVersionsShowsNoNotice(FxRobot robot) {
    engine = HubEngine.start(0, 4096);
    EngineSession session = onFx(() -> dashboard.addEngine("hub", engine.baseUri(), null, null));
    engine.status("ready", 0);

    waitUntil("its first message shown", () -> session.model().events().total() == 1);
    assertThat(onFx(() -> session.model().schemaNoticeProperty().get())).isEmpty();
    assertThat(noticeVisible(robot)).isFalse();
  }

  private static boolean noticeVisible(FxRobot robot) {
    return onFx(() -> {
      Label notice = robot.lookup("#schemaNotice").queryAs(Label.class);
      return notice != null && notice.isVisible() && notice.getScene() != null;
    });
  }

  /** Serves one stream: the preamble, then each data line as a frame (the first a hello), then holds it open. */
  private URI fakeEngine(String hello, String event) throws IOException {
    fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    fake.createContext("/events", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
      exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write((": connected\nretry: 1000\n\nevent: hello\ndata: " + hello + "\n\nevent: event\nid: 1\ndata: "
            + event + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        released.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    fake.start();
    return URI.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/");
  }
}
