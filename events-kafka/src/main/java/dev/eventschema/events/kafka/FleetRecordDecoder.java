package dev.eventschema.events.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.support.DidYouMean;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads the value of a consumed record (a CloudEvent in structured JSON mode, as {@link
 * CloudEventMapping} writes it) and checks it with the generated validators of {@code engine-events}:
 * the CloudEvents attributes the mapping requires, the envelope they stand for, and the data against
 * the schema its {@code type} names (an engine event's, {@code rejection}'s or {@code
 * telemetrySnapshot}'s). Whatever fails, from bytes that are not JSON to one field out of range,
 * becomes a {@link FleetRecord.Invalid} whose rejection has source {@code consumer} and names each
 * field (as a JSON Pointer into the CloudEvent, such as {@code /data/model}), rule and value.
 *
 * <p>Thread-safe and stateless: one decoder can serve every consumer thread. It never throws on bad
 * input.
 */
public final class FleetRecordDecoder {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The CloudEvents attributes the mapping always writes (besides the optional {@code subject}). */
  private static final List<String> REQUIRED = List.of("specversion", "id", "source", "type", "time",
      CloudEventMapping.SEQ_EXTENSION);

  /** Where each envelope field lives in the CloudEvent, to name a violation as the record holds it. */
  private static final Map<String, String> ENVELOPE_TO_EVENT = Map.of("/seq", "/" + CloudEventMapping.SEQ_EXTENSION,
      "/time", "/time", "/type", "/type", "/generationId", "/subject", "/payload", "/data");

  /** Every {@code type} a record may have: the engine's events, a rejection and a telemetry snapshot. */
  private static final Collection<String> TYPES = Stream.concat(EventType.wireNames().stream(),
      Stream.of(CloudEventMapping.REJECTION_TYPE, CloudEventMapping.TELEMETRY_TYPE)).toList();

  /** The CloudEvent as one stream message of its engine, when its attributes could be read. */
  private record Attributes(String engineId, long seq, String type, Map<String, Object> envelope) {
    String time() {
      return (String) envelope.get("time");
    }
  }

  /**
   * What {@code value} holds; never {@code null}, never throws.
   *
   * @param value a record's value; {@code null} (a tombstone) is rejected like any other non-event
   */
  public FleetRecord decode(byte[] value) {
    try {
      return read(value);
    } catch (RuntimeException unexpected) {
      // a validator that fails on a value it should have reported is a bug, but not the consumer's end
      return ConsumerRejections.of(ConsumerRejections.raw(value == null ? new byte[0] : value), List.of(
          new Violation("", Code.INVALID_VALUE, "could not be checked: " + unexpected)));
    }
  }

  private FleetRecord read(byte[] value) {
    if (value == null) {
      return ConsumerRejections.of(Map.of(), List.of(new Violation("", Code.MISSING,
          "is required: the record has no value (a tombstone)")));
    }
    Object parsed;
    try {
      parsed = JSON.readValue(value, Object.class);
    } catch (JsonProcessingException e) {
      return ConsumerRejections.of(ConsumerRejections.raw(value), List.of(new Violation("", Code.INVALID_TYPE,
          "expected a CloudEvent in structured JSON mode, was not valid JSON (" + e.getOriginalMessage() + ")")));
    } catch (IOException e) {
      return ConsumerRejections.of(ConsumerRejections.raw(value), List.of(new Violation("", Code.INVALID_TYPE,
          "expected a CloudEvent in structured JSON mode, could not be read (" + e.getMessage() + ")")));
    }
    if (!(parsed instanceof Map<?, ?> object)) {
      return ConsumerRejections.of(ConsumerRejections.raw(value), List.of(new Violation("", Code.INVALID_TYPE,
          "expected a CloudEvent in structured JSON mode (a JSON object), was "
              + new String(value, StandardCharsets.UTF_8).strip().charAt(0) + "...")));
    }
    @SuppressWarnings("unchecked") // Jackson reads a JSON object as Map<String, Object>
    Map<String, Object> event = (Map<String, Object>) object;
    List<Violation> violations = new ArrayList<>();
    Attributes attributes = attributes(event, violations);
    if (!violations.isEmpty()) {
      return ConsumerRejections.of(event, violations);
    }
    if (attributes.type().equals(CloudEventMapping.REJECTION_TYPE)) {
      return rejection(event, attributes);
    }
    if (attributes.type().equals(CloudEventMapping.TELEMETRY_TYPE)) {
      return telemetry(event, attributes);
    }
    return engineEvent(event, attributes);
  }

  /** The attributes, each checked for presence and form; problems are added to {@code violations}. */
  private static Attributes attributes(Map<String, Object> event, List<Violation> violations) {
    for (String name : REQUIRED) {
      Object attribute = event.get(name);
      if (attribute == null) {
        violations.add(new Violation("/" + name, Code.MISSING, "is required: every event of an engine has it"));
      } else if (!(attribute instanceof String)) {
        violations.add(new Violation("/" + name, Code.INVALID_TYPE, "must be a string, was " + attribute));
      }
    }
    if (event.get("specversion") instanceof String version && !version.equals("1.0")) {
      violations.add(new Violation("/specversion", Code.INVALID_VALUE, "must be '1.0', was '" + version + "'"));
    }
    if (event.get("datacontenttype") instanceof String contentType
        && !contentType.equals(CloudEventMapping.DATA_CONTENT_TYPE)) {
      violations.add(new Violation("/datacontenttype", Code.INVALID_VALUE,
          "must be '" + CloudEventMapping.DATA_CONTENT_TYPE + "', was '" + contentType + "'"));
    }
    if (!event.containsKey("data")) {
      violations.add(new Violation("/data", Code.MISSING, "is required: the payload travels in data"
          + (event.containsKey("data_base64") ? ", as JSON, not data_base64" : "")));
    } else if (!(event.get("data") instanceof Map<?, ?>)) {
      violations.add(new Violation("/data", Code.INVALID_TYPE, "must be a JSON object, was " + event.get("data")));
    }
    String source = event.get("source") instanceof String s ? s : null;
    if (source != null && !CloudEventMapping.ENGINE_ID.matcher(source).matches()) {
      violations.add(new Violation("/source", Code.INVALID_FORMAT,
          "must be an engine id (1 to 128 letters, digits, '.', '_', '~' or '-'), was '" + source + "'"));
    }
    long seq = seq(event, violations);
    if (seq > 0 && source != null && event.get("id") instanceof String id && !id.equals(source + "-" + seq)) {
      violations.add(new Violation("/id", Code.INVALID_VALUE,
          "must be '" + source + "-" + seq + "' (source-seq), was '" + id + "'"));
    }
    if (!violations.isEmpty()) {
      return null;
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("seq", seq);
    envelope.put("time", event.get("time"));
    envelope.put("type", event.get("type"));
    if (event.get("subject") != null) {
      envelope.put("generationId", event.get("subject"));
    }
    envelope.put("payload", event.get("data"));
    return new Attributes(source, seq, (String) event.get("type"), envelope);
  }

  private static long seq(Map<String, Object> event, List<Violation> violations) {
    if (!(event.get(CloudEventMapping.SEQ_EXTENSION) instanceof String text)) {
      return 0; // reported as missing or of the wrong type already
    }
    long seq = ConsumerRejections.parseSeq(text);
    if (seq < 1) {
      violations.add(new Violation("/" + CloudEventMapping.SEQ_EXTENSION, Code.INVALID_FORMAT,
          "must be a positive whole number in decimal digits, was '" + text + "'"));
    }
    return seq;
  }

  private static FleetRecord rejection(Map<String, Object> event, Attributes attributes) {
    List<Violation> violations = new ArrayList<>();
    Optional<RejectionRecord> record = checked(event, attributes, RejectionRecordValidator.INSTANCE, violations);
    return record.<FleetRecord>map(r -> new FleetRecord.EngineRejection(attributes.engineId(), attributes.seq(),
        attributes.time(), r)).orElseGet(() -> ConsumerRejections.of(event, violations));
  }

  private static FleetRecord telemetry(Map<String, Object> event, Attributes attributes) {
    List<Violation> violations = new ArrayList<>();
    Optional<TelemetrySnapshot> snapshot = checked(event, attributes, TelemetrySnapshotValidator.INSTANCE, violations);
    return snapshot.<FleetRecord>map(s -> new FleetRecord.Telemetry(attributes.engineId(), attributes.seq(),
        attributes.time(), s)).orElseGet(() -> ConsumerRejections.of(event, violations));
  }

  /**
   * The data of a message that is not an engine event (a rejection, a snapshot), when both the
   * envelope its attributes make and the data against {@code schema} are valid; else empty, with the
   * violations added to {@code violations}.
   */
  private static <T> Optional<T> checked(Map<String, Object> event, Attributes attributes, SchemaValidator<T> schema,
      List<Violation> violations) {
    violations.addAll(renamed(EventEnvelopeValidator.INSTANCE.parse(attributes.envelope())));
    @SuppressWarnings("unchecked") // checked to be a JSON object by attributes()
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    ParseResult<T> parsed = schema.parse(data);
    parsed.violations().forEach(v -> violations.add(v.under("/data")));
    return violations.isEmpty() ? Optional.of(parsed.orElseThrow()) : Optional.empty();
  }

  private static FleetRecord engineEvent(Map<String, Object> event, Attributes attributes) {
    Optional<EventType> type = EventType.fromWireName(attributes.type());
    if (type.isEmpty()) {
      String suggestion = DidYouMean.closest(attributes.type(), TYPES);
      return ConsumerRejections.of(event, List.of(new Violation("/type", Code.INVALID_VALUE,
          "must be one of the engine's event types, '" + CloudEventMapping.REJECTION_TYPE + "' or '"
              + CloudEventMapping.TELEMETRY_TYPE + "', was '"
              + attributes.type() + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?"))));
    }
    ParseResult<EventEnvelope> envelope = EventEnvelopeValidator.INSTANCE.parse(attributes.envelope());
    List<Violation> violations = renamed(envelope);
    @SuppressWarnings("unchecked") // checked to be a JSON object by attributes()
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    ParseResult<?> payload = type.get().parse(data);
    payload.violations().forEach(v -> violations.add(v.under("/data")));
    if (!violations.isEmpty()) {
      return ConsumerRejections.of(event, violations);
    }
    return new FleetRecord.Event(attributes.engineId(), envelope.orElseThrow(), type.get(), payload.orElseThrow());
  }

  /** The envelope's own violations (seq, time, type, generation id), named where the CloudEvent holds them. */
  private static List<Violation> renamed(ParseResult<EventEnvelope> envelope) {
    List<Violation> violations = new ArrayList<>();
    for (Violation violation : envelope.violations()) {
      violations.add(renamed(violation));
    }
    return violations;
  }

  private static Violation renamed(Violation violation) {
    for (Map.Entry<String, String> field : ENVELOPE_TO_EVENT.entrySet()) {
      String path = violation.path();
      if (path.equals(field.getKey()) || path.startsWith(field.getKey() + "/")) {
        return new Violation(field.getValue() + path.substring(field.getKey().length()), violation.code(),
            violation.message());
      }
    }
    return violation;
  }
}
