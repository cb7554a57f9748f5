package dev.eventschema.monitor.fleet;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.ViolationRecord;
import dev.eventschema.events.kafka.FleetRecord;
import dev.eventschema.events.kafka.FleetRecordDecoder;
import dev.eventschema.monitor.client.Decoder;
import dev.eventschema.monitor.client.GeneratedValidation;
import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of the engines' Kafka sinks (CloudEvents in structured JSON mode) as the dashboard's
 * messages. {@code events-kafka}'s {@link FleetRecordDecoder} checks each record with the generated
 * validators; an accepted event's envelope then goes through the same {@link Decoder} as an SSE
 * frame, so that an engine found in the topic is shown exactly like an engine attached over SSE.
 * Consumer-thread confined (the decoder remembers the last time it parsed).
 */
public final class CloudEventRecords implements RecordDecoding {

  private final FleetRecordDecoder records = new FleetRecordDecoder();
  private final Decoder messages = new Decoder(GeneratedValidation.INSTANCE);

  @Override
  public Decoded decode(ConsumerRecord<byte[], byte[]> record) {
    return switch (records.decode(record.value())) {
      case FleetRecord.Event e -> new Decoded(e.engineId(),
          messages.decode(EventEnvelopeValidator.INSTANCE.toMap(e.envelope()), "message", e.envelope().seq()));
      case FleetRecord.EngineRejection r -> new Decoded(r.engineId(),
          rejection(r.seq(), time(r.time(), record), r.rejection()));
      case FleetRecord.Invalid i -> new Decoded(i.engineId().orElse(null),
          rejection(i.seq().orElse(0), Instant.ofEpochMilli(Math.max(0, record.timestamp())), i.rejection()));
    };
  }

  private static StreamMessage.Rejection rejection(long seq, Instant time, RejectionRecord r) {
    List<Violation> violations = new ArrayList<>(r.violations().size());
    for (ViolationRecord v : r.violations()) {
      violations.add(v.toViolation());
    }
    return new StreamMessage.Rejection(seq, time, r.eventType(), r.source().wireName(), r.payload(),
        List.copyOf(violations));
  }

  /** The rejection's time in its engine's stream (checked by the decoder), or the record's if unreadable. */
  private static Instant time(String text, ConsumerRecord<byte[], byte[]> record) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return Instant.ofEpochMilli(Math.max(0, record.timestamp()));
    }
  }
}
