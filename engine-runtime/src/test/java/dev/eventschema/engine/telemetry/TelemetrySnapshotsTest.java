package dev.eventschema.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.engine.events.testing.Events;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Snapshots over intervals of the mock clock. */
class TelemetrySnapshotsTest {

  final MockClock clock = new MockClock();
  final EngineMeters meters = new EngineMeters(new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock));
  final EngineEventEmitter emitter = new EngineEventEmitter();
  final TelemetrySnapshots snapshots = new TelemetrySnapshots(meters, clock, 1000, new SubscriberStats());

  TelemetrySnapshotsTest() {
    meters.attach(emitter);
  }

  private void generate(String id, long ttftMs, int tokens) {
    emitter.emitGenerationStarted(id, Events.generationStarted("m"));
    clock.add(Duration.ofMillis(ttftMs));
    for (int i = 0; i < tokens; i++) {
      emitter.emitTokenGenerated(id, Events.token("m", "t"));
    }
  }

  @Test
  void tokensPerSecondAndTimeToFirstTokenCoverTheLastIntervalOnly() {
    generate("g-1", 100, 4);
    generate("g-2", 300, 4);
    generate("g-3", 200, 2);
    clock.add(Duration.ofMillis(1400));

    TelemetrySnapshot first = snapshots.take();

    assertThat(first.intervalMs()).isEqualTo(2000);
    assertThat(first.tokensGenerated()).isEqualTo(10);
    assertThat(first.tokensPerSecond()).isEqualTo(5.0);
    assertThat(first.timeToFirstTokenP50Ms()).hasValue(200);
    assertThat(first.timeToFirstTokenP95Ms()).hasValue(300);
    assertThat(first.requestsRunning()).isEqualTo(3);

    clock.add(Duration.ofMillis(500));
    TelemetrySnapshot second = snapshots.take();

    assertThat(second.intervalMs()).isEqualTo(500);
    assertThat(second.tokensGenerated()).isEqualTo(10);
    assertThat(second.tokensPerSecond()).isZero();
    assertThat(second.timeToFirstTokenP50Ms()).isEmpty();
    assertThat(second.timeToFirstTokenP95Ms()).isEmpty();
  }

  @Test
  void anEmptyIntervalHasNoRate() {
    TelemetrySnapshot snapshot = snapshots.take();

    assertThat(snapshot.intervalMs()).isZero();
    assertThat(snapshot.tokensPerSecond()).isZero();
    assertThat(snapshot.eventsByType()).isEmpty();
    assertThat(TelemetrySnapshotValidator.INSTANCE.validate(snapshot)).isEmpty();
  }

  @Test
  void publishedSnapshotsReachSubscribersAndTheWireFormMatchesTheProtocol() throws Exception {
    List<TelemetrySnapshot> received = new ArrayList<>();
    snapshots.subscribe(received::add);
    CompletableFuture<TelemetrySnapshot> async = new CompletableFuture<>();
    snapshots.subscribeAsync(1, async::complete);
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    clock.add(Duration.ofSeconds(1));

    TelemetrySnapshot published = snapshots.publish();

    assertThat(received).containsExactly(published);
    assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(published);
    assertThat(TelemetrySnapshotValidator.INSTANCE.toMap(published).keySet()).containsExactly("intervalMs",
        "modelsLoaded", "requestsRunning", "requestsWaiting", "tokensGenerated", "tokensPerSecond",
        "eventsByType", "subscriberDrops");
    assertThat(TelemetrySnapshotValidator.INSTANCE.eventName()).isEqualTo("telemetrySnapshot");
  }

  @Test
  void aThrowingSubscriberDoesNotStopTheSchedule() throws Exception {
    CompletableFuture<TelemetrySnapshot> next = new CompletableFuture<>();
    int[] calls = {0};
    snapshots.subscribe(snapshot -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("subscriber bug");
      }
      next.complete(snapshot);
    });

    snapshots.start();
    snapshots.start();

    assertThat(next.get(30, TimeUnit.SECONDS)).isNotNull();
    snapshots.close();
    snapshots.close();
  }
}
