package dev.eventschema.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.testing.Events;
import io.micrometer.core.instrument.MockClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The bridge's fail-fast validation, its disabled mode, and a port already in use. */
class TelemetryBridgeTest {

  /** A caller's own config class, which (unlike the builder) can hold invalid values. */
  record OwnConfig(boolean enabled, Optional<String> serviceName, OptionalInt prometheusPort,
      OptionalLong exportIntervalMs, Map<String, String> labels) implements TelemetryConfig {}

  @Test
  void anInvalidConfigFailsFastListingEveryViolation() {
    OwnConfig config = new OwnConfig(true, Optional.of("bad name"), OptionalInt.of(80), OptionalLong.of(10),
        Map.of("__reserved", "x"));

    assertThatThrownBy(() -> new TelemetryBridge(config))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).startsWith("Invalid telemetry config: field 'serviceName'")
              .endsWith("(and 3 more violations)");
          assertThat(e.details().get("violations")).asString().contains("/serviceName", "/prometheusPort",
              "/exportIntervalMs", "/labels/__reserved");
        });
  }

  @Test
  void disabledTelemetryStartsNothingAndTheEngineStillWorks() {
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(false).build();
    EngineEventEmitter emitter = new EngineEventEmitter();
    List<Object> delivered = new ArrayList<>();
    emitter.subscribe(delivered::add);

    try (TelemetryBridge bridge = new TelemetryBridge(config).start()) {
      Subscription attached = bridge.attach(emitter);
      Subscription snapshots = bridge.subscribeSnapshots(s -> {});
      Subscription asyncSnapshots = bridge.subscribeSnapshotsAsync(1, s -> {});
      emitter.emitModelLoaded(Events.modelLoaded("m"));

      assertThat(delivered).hasSize(1);
      assertThat(bridge.isEnabled()).isFalse();
      assertThat(bridge.port()).isEmpty();
      assertThat(bridge.meters()).isEmpty();
      assertThat(bridge.registry()).isEmpty();
      assertThat(bridge.publishSnapshot()).isEmpty();
      assertThat(bridge.config()).isSameAs(config);
      assertThat(attached.dropped()).isZero();
      attached.close();
      snapshots.close();
      asyncSnapshots.close();
    }
  }

  @Test
  void aPortInUseFailsAtStartNamingThePort() throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (ServerSocket taken = new ServerSocket(0, 0, loopback)) {
      int port = taken.getLocalPort();
      TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(port).build();

      try (TelemetryBridge bridge = TelemetryBridge.builder(config).bindAddress(loopback).build()) {
        assertThatThrownBy(bridge::start).isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_ERROR);
          assertThat(e.getMessage()).startsWith("Cannot bind port " + port + " on " + loopback.getHostAddress())
              .contains("Address already in use");
          assertThat(e.details()).containsEntry("port", port)
              .containsEntry("bindAddress", loopback.getHostAddress());
        });
        assertThat(bridge.port()).isEmpty();
      }
    }
  }

  @Test
  void anAddressThatIsNotLocalFailsAtStartToo() throws IOException {
    InetAddress documentationOnly = InetAddress.getByName("192.0.2.1"); // TEST-NET-1, never assigned
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(FreePort.find()).build();

    try (TelemetryBridge bridge = TelemetryBridge.builder(config).bindAddress(documentationOnly)
        .clock(new MockClock()).build()) {
      assertThatThrownBy(bridge::start).isInstanceOfSatisfying(EngineException.class, e -> {
        assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_ERROR);
        assertThat(e.getMessage()).contains("192.0.2.1");
      });
    }
  }

  @Test
  void startingTwiceKeepsTheFirstServer() {
    int port = FreePort.find();
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(port).build();

    try (TelemetryBridge bridge = new TelemetryBridge(config)) {
      bridge.start();
      bridge.start();
      assertThat(bridge.port()).contains(port);
    }
  }

  @Test
  void snapshotSectionsAddTheirFieldsAndOneThatThrowsIsLeftOut() {
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(FreePort.find()).build();
    try (TelemetryBridge bridge = new TelemetryBridge(config)) {
      var sink = bridge.addSnapshotSection(snapshot -> snapshot.kafkaEmitted(5).kafkaDelivered(4).kafkaDropped(1));
      var broken = bridge.addSnapshotSection(snapshot -> {
        throw new IllegalStateException("a broken section");
      });

      assertThat(bridge.publishSnapshot().orElseThrow().kafkaDropped()).hasValue(1);
      sink.close();
      broken.close();
      assertThat(bridge.publishSnapshot().orElseThrow().kafkaDropped()).isEmpty();
      assertThat(sink.dropped()).isZero();
    }
    TelemetryBridge disabled = new TelemetryBridge(TelemetryConfigBuilder.builder().enabled(false).build());
    assertThat(disabled.addSnapshotSection(snapshot -> snapshot.kafkaDropped(1)).dropped()).isZero();
  }

  @Test
  void builderOptionsAreChecked() {
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(false).build();

    assertThatThrownBy(() -> TelemetryBridge.builder(config).bindAddress(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> TelemetryBridge.builder(config).clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new TelemetryBridge(null)).isInstanceOf(NullPointerException.class);
    try (TelemetryBridge bridge = new TelemetryBridge(config)) {
      assertThatThrownBy(() -> bridge.attach(null)).isInstanceOf(NullPointerException.class);
    }
  }
}
