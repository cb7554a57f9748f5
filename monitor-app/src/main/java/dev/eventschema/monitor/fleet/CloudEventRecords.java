package dev.eventschema.monitor.fleet;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.engine.events.ViolationRecord;
import dev.eventschema.events.kafka.FleetRecord;
import dev.eventschema.events.kafka.FleetRecordDecoder;
import dev.eventschema.monitor.client.Decoder;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.client.Summaries;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of the engines' Kafka sinks (CloudEvents in structured JSON mode) as the dashboard's
 * messages. {@code events-kafka}'s {@link FleetRecordDecoder} checks each record once, with the
 * generated validators (the CloudEvent's attributes, the envelope they stand for and the data against
 * the schema its type names); what it accepted becomes the same {@link StreamMessage} an SSE frame
 * becomes (an event, a rejection, a telemetry snapshot), so that an engine found in the topic is
 * shown exactly like an engine attached over SSE, its Overview's charts and Kafka counts included.
 * Consumer-thread confined (it remembers the last time it parsed).
 */
public final class CloudEventRecords implements RecordDecoding {

  private final FleetRecordDecoder records = new FleetRecordDecoder();
  private String lastTimeText;
  private Instant lastTime;

  @Override
  public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
    return switch (records.decode(record.value())) {
      case FleetRecord.Event e -> new Decoded(e.engineId(), event(e.envelope(), record));
      case FleetRecord.EngineRejection r -> new Decoded(r.engineId(),
          rejection(r.seq(), time(r.time(), record), r.rejection()));
      case FleetRecord.Telemetry t -> new Decoded(t.engineId(), new StreamMessage.Telemetry(t.seq(),
          time(t.time(), record), Decoder.telemetryOf(TelemetrySnapshotValidator.INSTANCE.toMap(t.snapshot()))));
      case FleetRecord.Invalid i -> new Decoded(i.engineId().orElse(null),
          rejection(i.seq().orElse(0), Instant.ofEpochMilli(Math.max(0, record.timestamp())), i.rejection()));
    };
  }

  /** An accepted event: its envelope and payload are valid already, so it is shown as it is. */
  private StreamMessage.Event event(EventEnvelope envelope, ConsumerRecord<byte[], byte[]> record) {
    Map<String, Object> payload = envelope.payload();
    String model = payload.get("model") instanceof String m ? m : null;
    return new StreamMessage.Event(envelope.seq(), time(envelope.time(), record), envelope.type(),
        envelope.generationId().orElse(null), model, Summaries.of(envelope.type(), payload), payload);
  }

  private static StreamMessage.Rejection rejection(long seq, Instant time, RejectionRecord r) {
    List<Violation> violations = new ArrayList<>(r.violations().size());
    for (ViolationRecord v : r.violations()) {
      violations.add(v.toViolation());
    }
    return new StreamMessage.Rejection(seq, time, r.eventType(), r.source().wireName(), r.payload(),
        List.copyOf(violations));
  }

  /**
   * A time of the engine's stream (checked by the decoder), parsed once for the many messages that
   * share a millisecond; the record's own time if unreadable.
   */
  private Instant time(String text, ConsumerRecord<byte[], byte[]> record) {
    if (!text.equals(lastTimeText)) {
      try {
        lastTime = Instant.parse(text);
        lastTimeText = text;
      } catch (DateTimeParseException e) {
        return Instant.ofEpochMilli(Math.max(0, record.timestamp()));
      }
    }
    return lastTime;
  }
}
