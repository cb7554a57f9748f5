package dev.eventschema.engine.emit;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.Violation.Code;
import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.Source;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rejection's wire forms: the {@code rejection} record and its stream envelope. */
class RejectedPayloadTest {

  static final Violation NOT_FINITE = new Violation("/logprob", Code.NOT_FINITE, "must be a finite number, was NaN");

  final RejectedPayload rejection = new RejectedPayload(41, "tokenGenerated", Source.NETWORK,
      map("model", "m", "token", "t", "logprob", Double.NaN), List.of(NOT_FINITE),
      Instant.parse("2026-11-27T15:04:07.123Z"));

  @Test
  void theRecordIsValidEvenWhenThePayloadHeldNonJsonValues() {
    RejectionRecord record = rejection.toRecord();

    assertThat(RejectionRecordValidator.INSTANCE.validate(record)).isEmpty();
    assertThat(RejectionRecordValidator.INSTANCE.toMap(record)).isEqualTo(map(
        "eventType", "tokenGenerated",
        "source", "network",
        "payload", map("model", "m", "token", "t", "logprob", "NaN"),
        "violations", List.of(map("path", "/logprob", "code", "not_finite", "message",
            "must be a finite number, was NaN"))));
    assertThat(record.violations().get(0).toViolation()).isEqualTo(NOT_FINITE);
  }

  @Test
  void theEnvelopeCarriesTheRejectionsSeqAndTime() {
    EventEnvelope envelope = rejection.toEnvelope();

    assertThat(envelope.seq()).isEqualTo(41);
    assertThat(envelope.time()).isEqualTo("2026-11-27T15:04:07.123Z");
    assertThat(envelope.type()).isEqualTo("rejection").isEqualTo(RejectedPayload.WIRE_NAME);
    assertThat(envelope.generationId()).isEmpty();
    assertThat(RejectionRecordValidator.INSTANCE.parse(envelope.payload()).orElseThrow())
        .isEqualTo(rejection.toRecord());
  }

  @Test
  void theRecordReadsBackFromTheWire() {
    Map<String, Object> wire = map("eventType", "", "source", "consumer", "payload", map(),
        "violations", List.of(map("path", "", "code", "missing", "message", "is required")));

    RejectionRecord record = RejectionRecordValidator.INSTANCE.parse(wire).orElseThrow();

    assertThat(record.source()).isEqualTo(Source.CONSUMER);
    assertThat(RejectionRecordValidator.INSTANCE.parse(map("eventType", "x", "source", "api", "violations",
        List.of())).isValid()).isFalse();
  }

  @Test
  void aRejectionNeedsAViolationAndCopiesItsPayload() {
    assertThatThrownBy(() -> new RejectedPayload(1, "x", Source.API, Map.of(), List.of(), Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(rejection.knownType()).contains(EventType.TOKEN_GENERATED);
    assertThat(Source.NETWORK.wireName()).isEqualTo("network");
  }
}
