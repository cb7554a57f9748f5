package dev.eventschema.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.telemetry.TelemetryBridge;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.testing.RawHttp;
import dev.eventschema.engine.testing.SseClient;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Frames the stream drops for a slow client show in /metrics and in the telemetry snapshots. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamDropsTelemetryTest {

  @Test
  void framesDroppedForASlowClientAreCountedInTelemetry() throws Exception {
    int metricsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      metricsPort = free.getLocalPort();
    }
    StreamSettings config = StreamSettingsBuilder.builder().port(0).historySize(1000).clientQueue(16).build();
    try (EngineEventEmitter emitter = new EngineEventEmitter();
        TelemetryBridge bridge = TelemetryBridge.builder(TelemetryConfigBuilder.builder().enabled(true)
            .prometheusPort(metricsPort).build()).build().start();
        EventStream stream = EventStream.start(config, emitter, Optional.of(bridge))) {
      bridge.attach(emitter);
      SseClient stalled = SseClient.stalled(stream.baseUri().resolve("events"), Map.of());
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (stream.hub().clientCount() < 1 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        int published = 0;
        while (stream.hub().droppedFrames() == 0 && published < 400_000) {
          stream.hub().publish("event", "runtimeStatus", Optional.empty(), Map.of("n", ++published), Instant.now());
        }
        long dropped = stream.hub().droppedFrames();
        assertThat(dropped).isPositive();

        assertThat(bridge.publishSnapshot().orElseThrow().subscriberDrops()).isGreaterThanOrEqualTo(dropped);
        String metrics = RawHttp.get(bridge.port().orElseThrow(), "/metrics", "localhost").body();
        Matcher drops = Pattern.compile("(?m)^eventschema_subscriber_drops_total\\{[^}]*} (\\S+)$").matcher(metrics);
        assertThat(drops.find()).as(metrics).isTrue();
        assertThat(Double.parseDouble(drops.group(1))).isGreaterThanOrEqualTo(dropped);
      } finally {
        stalled.close();
      }
    }
  }
}
