package dev.eventschema.engine.export.otlp;

import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecordValidator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.LogRecordBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import java.time.Instant;

/**
 * Turns each accepted event and each rejection into one OpenTelemetry log record, as the 2025
 * OpenTelemetry spec has events: a log record with an {@code EventName}.
 *
 * <ul>
 *   <li>{@code EventName}: the schema's wire name ({@code tokenGenerated}), or {@code rejection};
 *   <li>body: the payload's wire form, structured (see {@link AnyValues}); for a rejection, its
 *       {@code RejectionRecord} (claimed type, source, payload, violations);
 *   <li>timestamp: the envelope's time (the rejection's time); the observed time is when it was sent;
 *   <li>severity: {@code INFO}, {@code ERROR} for an {@code error} event, {@code WARN} for a rejection;
 *   <li>attributes: {@code eventschema.seq} (the stream's sequence number), {@code
 *       eventschema.generation.id} when the event belongs to a generation, {@code eventschema.source}.
 * </ul>
 *
 * Called on one thread, the {@link EventHandoff}'s, never on an emitting thread: handing the record
 * to the SDK's bounded batch queue never blocks (a full queue drops the record, and the SDK counts it).
 */
final class EventLogRecords {

  static final String REJECTION_EVENT_NAME = RejectedPayload.WIRE_NAME;
  static final AttributeKey<Long> SEQ = AttributeKey.longKey("eventschema.seq");
  static final AttributeKey<String> GENERATION_ID = AttributeKey.stringKey("eventschema.generation.id");
  static final AttributeKey<String> SOURCE = AttributeKey.stringKey("eventschema.source");

  private final Logger logger;
  /**
   * The last envelope time read: {@code Instant.parse} costs about a microsecond and a half, more
   * than the rest of the record, and under load many events share one millisecond's time string.
   * Read and written on the one thread that builds the records.
   */
  private ParsedTime lastTime = new ParsedTime("", Instant.EPOCH);

  /** An envelope's time string and the instant it stands for. */
  private record ParsedTime(String text, Instant instant) {}

  EventLogRecords(Logger logger) {
    this.logger = logger;
  }

  void onEvent(EmittedEvent event) {
    EventEnvelope envelope = event.envelope();
    LogRecordBuilder record = logger.logRecordBuilder()
        .setEventName(envelope.type())
        .setTimestamp(instant(envelope.time()))
        .setSeverity(event.type() == EventType.ERROR ? Severity.ERROR : Severity.INFO)
        .setBody(AnyValues.ofObject(envelope.payload()))
        .setAttribute(SEQ, envelope.seq())
        .setAttribute(SOURCE, event.source().wireName());
    envelope.generationId().ifPresent(id -> record.setAttribute(GENERATION_ID, id));
    record.emit();
  }

  void onRejection(RejectedPayload rejection) {
    logger.logRecordBuilder()
        .setEventName(REJECTION_EVENT_NAME)
        .setTimestamp(rejection.time())
        .setSeverity(Severity.WARN)
        .setBody(AnyValues.ofObject(RejectionRecordValidator.INSTANCE.toMap(rejection.toRecord())))
        .setAttribute(SEQ, rejection.seq())
        .setAttribute(SOURCE, rejection.source().wireName())
        .emit();
  }

  private Instant instant(String time) {
    ParsedTime last = lastTime;
    if (!last.text().equals(time)) {
      last = new ParsedTime(time, Instant.parse(time));
      lastTime = last;
    }
    return last.instant();
  }
}
