package dev.eventschema.events.kafka;

import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one consumed record turned out to be, once {@link FleetRecordDecoder} has checked it with the
 * generated validators: an engine's event, an engine's own rejection, an engine's telemetry snapshot,
 * or a record this consumer rejects.
 */
public sealed interface FleetRecord {

  /** An accepted event of the engine {@code engineId}, valid against its schema. */
  record Event(String engineId, EventEnvelope envelope, EventType type, Object event) implements FleetRecord {
    public Event {
      Objects.requireNonNull(engineId, "engineId");
      Objects.requireNonNull(envelope, "envelope");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * A payload the engine {@code engineId} rejected itself (from the rejections topic): {@code seq}
   * and {@code time} are its place in that engine's stream.
   */
  record EngineRejection(String engineId, long seq, String time, RejectionRecord rejection) implements FleetRecord {
    public EngineRejection {
      Objects.requireNonNull(engineId, "engineId");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(rejection, "rejection");
    }
  }

  /**
   * A telemetry snapshot of the engine {@code engineId}, valid against its schema: {@code seq} and
   * {@code time} are its place in that engine's stream.
   */
  record Telemetry(String engineId, long seq, String time, TelemetrySnapshot snapshot) implements FleetRecord {
    public Telemetry {
      Objects.requireNonNull(engineId, "engineId");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(snapshot, "snapshot");
    }
  }

  /**
   * A record this consumer could not accept: not a CloudEvent, an unknown type, or data that breaks
   * its schema. {@code rejection} has source {@link Source#CONSUMER} and names each field, rule and
   * value. The engine and sequence number are given when the record named them readably.
   */
  record Invalid(Optional<String> engineId, OptionalLong seq, RejectionRecord rejection) implements FleetRecord {
    public Invalid {
      Objects.requireNonNull(engineId, "engineId");
      Objects.requireNonNull(seq, "seq");
      Objects.requireNonNull(rejection, "rejection");
    }
  }
}
