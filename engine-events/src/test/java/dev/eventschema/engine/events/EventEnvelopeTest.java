package dev.eventschema.engine.events;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static dev.eventschema.engine.events.testing.Payloads.pathsAndCodes;
import static dev.eventschema.engine.events.testing.Payloads.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventEnvelopeTest {

  static final Map<String, Object> ENVELOPE = map("seq", 1042L, "time", "2026-11-27T15:04:07.123Z",
      "type", "tokenGenerated", "generationId", "g-17", "payload", map("model", "m", "token", "x"));

  @Test
  void theProtocolsExampleIsAValidEnvelope() {
    EventEnvelope envelope = EventEnvelopeValidator.INSTANCE.parse(ENVELOPE).orElseThrow();

    assertThat(envelope.seq()).isEqualTo(1042);
    assertThat(envelope.generationId()).contains("g-17");
    assertThat(EventEnvelopeValidator.INSTANCE.eventName()).isEqualTo("envelope");
    assertThat(EventEnvelopeValidator.INSTANCE.toMap(envelope)).isEqualTo(ENVELOPE);
  }

  @ParameterizedTest
  @MethodSource("invalidEnvelopes")
  void invalidEnvelopes(Map<String, Object> envelope, String expected) {
    assertThat(pathsAndCodes(EventEnvelopeValidator.INSTANCE.parse(envelope).violations())).containsExactly(expected);
  }

  static List<Object[]> invalidEnvelopes() {
    return List.of(
        new Object[] {with(ENVELOPE, "seq", 0), "/seq too_small"},
        new Object[] {with(ENVELOPE, "time", "2026-11-27 15:04:07"), "/time invalid_format"},
        new Object[] {with(ENVELOPE, "time", "2026-11-27T15:04:07+01:00"), "/time invalid_format"},
        new Object[] {with(ENVELOPE, "type", "token generated"), "/type invalid_format"},
        new Object[] {with(ENVELOPE, "generationId", ""), "/generationId too_small"},
        new Object[] {with(ENVELOPE, "payload", "x"), "/payload invalid_type"});
  }
}
