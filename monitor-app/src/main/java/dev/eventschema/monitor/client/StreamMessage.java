package dev.eventschema.monitor.client;

import dev.eventschema.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the client hands to the dashboard: one validated message of the stream. */
public sealed interface StreamMessage {

  /** The engine's sequence number of the message (0 when unknown). */
  long seq();

  /**
   * An accepted engine event that also passed the dashboard's own validation.
   *
   * @param summary a one-line description for the events table
   * @param model the payload's {@code model}, or {@code null}
   * @param payload the validated wire form of the event
   */
  record Event(long seq, Instant time, String type, String generationId, String model, String summary,
      Map<String, Object> payload) implements StreamMessage {}

  /**
   * A rejected payload: sent by the engine ({@code rejection} frames), or found invalid by the
   * dashboard itself (source {@code consumer}).
   *
   * @param payload the payload as received (any JSON value, or the raw text when it was not JSON)
   */
  record Rejection(long seq, Instant time, String eventType, String source, Object payload,
      List<Violation> violations) implements StreamMessage {

    public static final String CONSUMER = "consumer";

    public Violation firstViolation() {
      return violations.isEmpty() ? null : violations.get(0);
    }
  }

  /** A telemetry snapshot of the engine. */
  record Telemetry(long seq, Instant time, TelemetryValues values) implements StreamMessage {}

  /** The engine could not send {@code missed} messages to this client. */
  record Dropped(long seq, Instant time, long missed) implements StreamMessage {}

  /**
   * The engine's {@code hello}, first on every connection: its name and the version of each schema it
   * speaks. Not a message of the stream: its {@link #seq()} is 0.
   *
   * @param schemas version by wire name
   */
  record Hello(Instant time, String engine, Map<String, Integer> schemas) implements StreamMessage {

    @Override
    public long seq() {
      return 0;
    }
  }

  /**
   * The values of a {@code telemetrySnapshot}.
   *
   * @param ttftP50Ms {@code NaN} when absent
   * @param ttftP95Ms {@code NaN} when absent
   */
  /** A telemetry snapshot's values; the three Kafka counts are -1 when the engine has no Kafka sink. */
  record TelemetryValues(long intervalMs, int modelsLoaded, int requestsRunning, int requestsWaiting,
      long tokensGenerated, double tokensPerSecond, double ttftP50Ms, double ttftP95Ms,
      Map<String, Long> eventsByType, Map<String, Long> rejectionsByType, Map<String, Long> rejectionsByCode,
      long subscriberDrops, long kafkaEmitted, long kafkaDelivered, long kafkaDropped) {}
}
