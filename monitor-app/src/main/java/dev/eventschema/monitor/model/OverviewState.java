package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Overview's numbers: the runtime status, gauges, and sliding-window series computed from the
 * engine's telemetry snapshots (counter deltas over the time between two snapshots).
 */
public final class OverviewState {

  /** The sliding window of the charts. */
  public static final long WINDOW_MILLIS = 5 * 60_000;

  private final StringProperty status = new SimpleStringProperty("unknown");
  private final IntegerProperty modelsLoaded = new SimpleIntegerProperty();
  private final IntegerProperty running = new SimpleIntegerProperty();
  private final IntegerProperty waiting = new SimpleIntegerProperty();
  private final LongProperty tokensGenerated = new SimpleLongProperty();
  private final LongProperty subscriberDrops = new SimpleLongProperty();
  private final LongProperty snapshots = new SimpleLongProperty();
  private final LongProperty kafkaEmitted = new SimpleLongProperty(-1);
  private final LongProperty kafkaDelivered = new SimpleLongProperty(-1);
  private final LongProperty kafkaDropped = new SimpleLongProperty(-1);

  private final TimeSeries tokensPerSecond = new TimeSeries("tokens/s", WINDOW_MILLIS, 512);
  private final TimeSeries ttftP50 = new TimeSeries("p50", WINDOW_MILLIS, 512);
  private final TimeSeries ttftP95 = new TimeSeries("p95", WINDOW_MILLIS, 512);
  private final TimeSeries rejectionsPerSecond = new TimeSeries("rejections/s", WINDOW_MILLIS, 512);
  private final Map<String, TimeSeries> eventsPerSecond = new LinkedHashMap<>();
  private long seriesVersion;

  private StreamMessage.Telemetry previous;

  void applyStatus(String newStatus, int models, Integer activeTasks) {
    status.set(newStatus);
    modelsLoaded.set(models);
    if (activeTasks != null) {
      running.set(activeTasks);
    }
  }

  void applyTelemetry(StreamMessage.Telemetry snapshot) {
    StreamMessage.TelemetryValues v = snapshot.values();
    modelsLoaded.set(v.modelsLoaded());
    running.set(v.requestsRunning());
    waiting.set(v.requestsWaiting());
    tokensGenerated.set(v.tokensGenerated());
    subscriberDrops.set(v.subscriberDrops());
    kafkaEmitted.set(v.kafkaEmitted());
    kafkaDelivered.set(v.kafkaDelivered());
    kafkaDropped.set(v.kafkaDropped());
    snapshots.set(snapshots.get() + 1);
    double t = snapshot.time().toEpochMilli();
    tokensPerSecond.add(t, v.tokensPerSecond());
    ttftP50.add(t, v.ttftP50Ms());
    ttftP95.add(t, v.ttftP95Ms());
    if (previous != null) {
      double seconds = (snapshot.time().toEpochMilli() - previous.time().toEpochMilli()) / 1000.0;
      if (seconds <= 0 || v.tokensGenerated() < previous.values().tokensGenerated()) {
        previous = snapshot; // the engine restarted, or two snapshots in one millisecond
        seriesVersion++;
        return;
      }
      for (Map.Entry<String, Long> e : v.eventsByType().entrySet()) {
        long before = previous.values().eventsByType().getOrDefault(e.getKey(), 0L);
        eventsPerSecond.computeIfAbsent(e.getKey(), k -> new TimeSeries(k, WINDOW_MILLIS, 512))
            .add(t, Math.max(0, e.getValue() - before) / seconds);
      }
      long rejectedNow = sum(v.rejectionsByType());
      long rejectedBefore = sum(previous.values().rejectionsByType());
      rejectionsPerSecond.add(t, Math.max(0, rejectedNow - rejectedBefore) / seconds);
    }
    previous = snapshot;
    seriesVersion++;
  }

  private static long sum(Map<String, Long> counts) {
    long total = 0;
    for (long c : counts.values()) {
      total += c;
    }
    return total;
  }

  /** ready, busy, error, shutdown, or unknown before the first status event. */
  public StringProperty statusProperty() {
    return status;
  }

  public IntegerProperty modelsLoadedProperty() {
    return modelsLoaded;
  }

  public IntegerProperty runningProperty() {
    return running;
  }

  public IntegerProperty waitingProperty() {
    return waiting;
  }

  public LongProperty tokensGeneratedProperty() {
    return tokensGenerated;
  }

  public LongProperty subscriberDropsProperty() {
    return subscriberDrops;
  }

  /** Messages offered to the engine's Kafka sink; -1 while the engine reports none (no sink). */
  public LongProperty kafkaEmittedProperty() {
    return kafkaEmitted;
  }

  /** Messages the Kafka broker acknowledged; -1 without a sink. */
  public LongProperty kafkaDeliveredProperty() {
    return kafkaDelivered;
  }

  /** Messages the Kafka sink dropped (buffer full or delivery failed); -1 without a sink. */
  public LongProperty kafkaDroppedProperty() {
    return kafkaDropped;
  }

  public LongProperty snapshotsProperty() {
    return snapshots;
  }

  public TimeSeries tokensPerSecond() {
    return tokensPerSecond;
  }

  public TimeSeries ttftP50() {
    return ttftP50;
  }

  public TimeSeries ttftP95() {
    return ttftP95;
  }

  public TimeSeries rejectionsPerSecond() {
    return rejectionsPerSecond;
  }

  /** Events per second by event type, in the order the types were first seen. */
  public Map<String, TimeSeries> eventsPerSecond() {
    return eventsPerSecond;
  }

  /** Changes whenever a series changes. */
  public long seriesVersion() {
    return seriesVersion;
  }
}
