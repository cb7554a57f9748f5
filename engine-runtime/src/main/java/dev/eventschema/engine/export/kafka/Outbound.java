package dev.eventschema.engine.export.kafka;

import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.TelemetrySnapshot;
import java.time.Instant;

/**
 * What the sink's buffer holds: the emitter's own objects, as they were handed over. They become
 * CloudEvents on the sender thread, so the emitting thread pays only for the queue.
 */
sealed interface Outbound {

  /** An accepted event, for the events topic. */
  record Event(EventEnvelope envelope) implements Outbound {}

  /** A rejected payload, for the rejections topic. */
  record Rejection(RejectedPayload rejection) implements Outbound {}

  /**
   * A telemetry snapshot, for the events topic: {@code seq} and {@code time} are its place in the
   * engine's sequence, taken when it was offered, so that a retry sends the same CloudEvent id.
   */
  record Snapshot(long seq, Instant time, TelemetrySnapshot snapshot) implements Outbound {}
}
