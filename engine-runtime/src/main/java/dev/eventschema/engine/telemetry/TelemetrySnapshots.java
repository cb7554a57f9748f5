package dev.eventschema.engine.telemetry;

import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.emit.Subscribers;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import io.micrometer.core.instrument.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a {@link TelemetrySnapshot} of the meters every {@code exportIntervalMs} and publishes it to
 * the snapshot subscribers (the live stream, the dashboard).
 */
final class TelemetrySnapshots implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TelemetrySnapshots.class);

  private final EngineMeters meters;
  private final Clock clock;
  private final long intervalMs;
  private final Subscribers<TelemetrySnapshot> subscribers;
  /** What other parts of the engine add to each snapshot (the Kafka sink's counts). */
  private final List<Consumer<? super TelemetrySnapshotBuilder>> sections = new CopyOnWriteArrayList<>();
  private ScheduledExecutorService scheduler;
  private long lastNanos;
  private long lastTokens;

  TelemetrySnapshots(EngineMeters meters, Clock clock, long intervalMs, SubscriberStats stats) {
    this.meters = meters;
    this.clock = clock;
    this.intervalMs = intervalMs;
    this.subscribers = new Subscribers<>("telemetry", stats);
    this.lastNanos = clock.monotonicTime();
  }

  Subscription subscribe(Consumer<? super TelemetrySnapshot> listener) {
    return subscribers.subscribe(listener);
  }

  Subscription subscribeAsync(int queueCapacity, Consumer<? super TelemetrySnapshot> listener) {
    return subscribers.subscribeAsync(queueCapacity, listener);
  }

  /** Lets {@code section} write its fields into every snapshot, until the subscription is closed. */
  Subscription addSection(Consumer<? super TelemetrySnapshotBuilder> section) {
    sections.add(section);
    return Subscription.of(() -> sections.remove(section));
  }

  synchronized void start() {
    if (scheduler != null) {
      return;
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(task -> Thread.ofPlatform().daemon()
        .name("eventschema-telemetry-snapshots").unstarted(task));
    scheduler.scheduleAtFixedRate(this::publishQuietly, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Takes a snapshot now, covering the time since the previous one, and publishes it. */
  TelemetrySnapshot publish() {
    TelemetrySnapshot snapshot = take();
    subscribers.publish(snapshot);
    return snapshot;
  }

  /** Takes a snapshot covering the time since the previous one. */
  synchronized TelemetrySnapshot take() {
    long nanos = clock.monotonicTime();
    long elapsedNanos = Math.max(0, nanos - lastNanos);
    long tokens = meters.total(MeterNames.GENERATION_TOKENS);
    double tokensPerSecond = elapsedNanos == 0 ? 0 : (tokens - lastTokens) / (elapsedNanos / 1e9);
    lastNanos = nanos;
    lastTokens = tokens;
    IntervalSamples.Percentiles timeToFirstToken = meters.drainTimeToFirstTokenMs();
    TelemetrySnapshotBuilder snapshot = TelemetrySnapshotBuilder.builder()
        .intervalMs(TimeUnit.NANOSECONDS.toMillis(elapsedNanos))
        .modelsLoaded(meters.modelsLoaded())
        .requestsRunning(meters.requestsRunning())
        .requestsWaiting(meters.requestsWaiting())
        .tokensGenerated(tokens)
        .tokensPerSecond(Math.max(0, tokensPerSecond))
        .timeToFirstTokenP50Ms(timeToFirstToken.at(50))
        .timeToFirstTokenP95Ms(timeToFirstToken.at(95))
        .eventsByType(meters.totalsBy(MeterNames.EVENTS_EMITTED, MeterNames.TAG_TYPE))
        .rejectionsByType(meters.totalsBy(MeterNames.EVENTS_REJECTED, MeterNames.TAG_TYPE))
        .rejectionsByCode(meters.totalsBy(MeterNames.EVENTS_REJECTED, MeterNames.TAG_CODE))
        .subscriberDrops(meters.subscriberDrops());
    for (Consumer<? super TelemetrySnapshotBuilder> section : sections) {
      try {
        section.accept(snapshot);
      } catch (RuntimeException failure) {
        LOG.warn("A telemetry snapshot section failed; the snapshot goes without it", failure);
      }
    }
    return snapshot.build();
  }

  private void publishQuietly() {
    try {
      publish();
    } catch (RuntimeException failure) {
      // a failure must not cancel the schedule: the next period tries again
      LOG.warn("Could not publish a telemetry snapshot", failure);
    }
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
    subscribers.closeAll();
  }
}
