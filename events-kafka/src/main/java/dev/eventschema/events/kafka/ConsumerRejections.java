package dev.eventschema.events.kafka;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.JsonPayloads;
import dev.eventschema.engine.events.RejectionRecordBuilder;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.ViolationRecord;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The consumer-side rejection of a record: a {@code RejectionRecord} with source {@code consumer},
 * the record as received (bounded) and its first {@value #MAX_REPORTED} violations.
 */
final class ConsumerRejections {

  /** Violations listed at most, as the engine lists; {@code moreViolations} counts the rest. */
  static final int MAX_REPORTED = 20;

  /** Characters of a value that is not JSON kept in the rejection, so that a huge record stays small. */
  static final int MAX_RAW_CHARS = 4096;

  private ConsumerRejections() {}

  /** The rejection of {@code received} (a JSON object as read, or {@link #raw}) for {@code violations}. */
  static FleetRecord.Invalid of(Map<String, Object> received, List<Violation> violations) {
    RejectionRecordBuilder record = RejectionRecordBuilder.builder();
    if (violations.size() > MAX_REPORTED) {
      record.moreViolations(violations.size() - MAX_REPORTED);
    }
    record.eventType(received.get("type") instanceof String type ? type : "")
        .source(Source.CONSUMER)
        .payload(JsonPayloads.jsonSafeCopy(received))
        .violations(violations.stream().limit(MAX_REPORTED).map(ViolationRecord::of).toList());
    Optional<String> engineId = received.get("source") instanceof String source
        && CloudEventMapping.ENGINE_ID.matcher(source).matches() ? Optional.of(source) : Optional.empty();
    long seq = parseSeq(received.get(CloudEventMapping.SEQ_EXTENSION));
    return new FleetRecord.Invalid(engineId, seq > 0 ? OptionalLong.of(seq) : OptionalLong.empty(), record.build());
  }

  /** A value that is not a JSON object, as text cut to {@value #MAX_RAW_CHARS} characters, with its size. */
  static Map<String, Object> raw(byte[] value) {
    String text = new String(value, StandardCharsets.UTF_8);
    return Map.of("value", text.length() > MAX_RAW_CHARS ? text.substring(0, MAX_RAW_CHARS) + "..." : text,
        "bytes", (long) value.length);
  }

  /** The sequence number that {@code text} spells in decimal digits; 0 when it spells none. */
  static long parseSeq(Object text) {
    if (text instanceof String digits && !digits.isEmpty() && digits.length() <= 18
        && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Long.parseLong(digits);
    }
    return 0;
  }
}
