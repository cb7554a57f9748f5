package dev.eventschema.engine.emit;

import dev.eventschema.Violation;
import dev.eventschema.engine.error.ReportedViolations;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.JsonPayloads;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.RejectionRecordBuilder;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.ViolationRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A payload that broke its schema, kept so that people can see what was sent and why it was refused.
 *
 * @param seq its place in the engine's stream, shared with accepted events
 * @param eventType the event type the payload claimed, as received
 * @param source where it came from
 * @param payload a deep, unmodifiable copy of the payload as received (see {@link JsonPayloads#copyAsReceived})
 * @param violations every violation, in the order found; never empty
 * @param time when it was rejected
 */
public record RejectedPayload(
    long seq, String eventType, Source source, Map<String, Object> payload, List<Violation> violations,
    Instant time) {

  /** The wire name of a rejection on the stream. */
  public static final String WIRE_NAME = RejectionRecordValidator.INSTANCE.eventName();

  public RejectedPayload {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(time, "time");
    payload = JsonPayloads.copyAsReceived(Objects.requireNonNull(payload, "payload"));
    violations = List.copyOf(violations);
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs at least one violation");
    }
  }

  /** The claimed type, if it names one of the eight events. */
  public Optional<EventType> knownType() {
    return EventType.fromWireName(eventType);
  }

  /**
   * The wire form, with what JSON cannot hold in the payload written as strings, and the first
   * {@value ReportedViolations#MAX} violations ({@code moreViolations} counts the rest).
   */
  public RejectionRecord toRecord() {
    RejectionRecordBuilder record = RejectionRecordBuilder.builder();
    if (ReportedViolations.omitted(violations) > 0) {
      record.moreViolations(ReportedViolations.omitted(violations));
    }
    return record
        .eventType(eventType)
        .source(source)
        .payload(JsonPayloads.jsonSafeCopy(payload))
        .violations(ReportedViolations.first(violations).stream().map(ViolationRecord::of).toList())
        .build();
  }

  /** The stream message that carries this rejection. */
  public EventEnvelope toEnvelope() {
    return EnvelopeSequencer.envelope(seq, time, WIRE_NAME, Optional.empty(),
        RejectionRecordValidator.INSTANCE.toMap(toRecord()));
  }
}
