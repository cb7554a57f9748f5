package dev.eventschema.engine.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.ParseResult;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeCodec;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventBuilder;
import dev.eventschema.engine.events.testing.Events.OwnToken;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The envelope of an accepted event: valid without a second check, and a snapshot of the event. */
@Timeout(10)
class AcceptedEnvelopeTest {

  final EngineEventEmitter emitter = EngineEventEmitter.builder()
      .sequencer(new EnvelopeSequencer(Clock.fixed(Instant.parse("2026-11-27T15:04:07Z"), ZoneOffset.UTC)))
      .build();
  final List<EmittedEvent> delivered = new ArrayList<>();

  AcceptedEnvelopeTest() {
    emitter.subscribe(delivered::add);
  }

  @Test
  void theEnvelopeMeetsEveryRuleOfItsSchemaAndReadsBackEqual() {
    emitter.emitTokenGenerated("g-1", builtToken(Map.of("k", List.of(1, "two"))));
    // A whole second: Instant.toString leaves the fraction out, which the time pattern allows.
    EventEnvelope envelope = delivered.get(0).envelope();

    assertThat(EventEnvelopeValidator.INSTANCE.validate(envelope)).isEmpty();
    assertThat(envelope.time()).isEqualTo("2026-11-27T15:04:07Z");
    ParseResult<EventEnvelope> read = EventEnvelopeCodec.INSTANCE.read(EventEnvelopeCodec.INSTANCE.writeBytes(envelope));
    assertThat(read).isInstanceOfSatisfying(ParseResult.Valid.class, valid -> {
      EventEnvelope copy = (EventEnvelope) valid.value();
      assertThat(copy.seq()).isEqualTo(envelope.seq());
      assertThat(copy.generationId()).isEqualTo(envelope.generationId());
      assertThat(copy.payload()).isEqualTo(envelope.payload());
    });
  }

  @Test
  void aBuiltEventsCheckedMetadataIsKeptNotWalkedOrCopied() {
    TokenGeneratedEvent event = builtToken(Map.of("k", "v"));
    emitter.emitTokenGenerated(event);

    Map<String, Object> payload = delivered.get(0).envelope().payload();
    assertThat(payload.get("metadata")).isSameAs(event.metadata());
    assertThatThrownBy(() -> payload.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aHandWrittenEventIsCopiedSoThatChangingItLaterChangesNothing() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    List<Object> list = new ArrayList<>(List.of(1));
    metadata.put("list", list);
    emitter.emitTokenGenerated(new OwnToken("m", "t", OptionalDouble.empty(), metadata));

    metadata.put("later", true);
    list.add(2);

    assertThat(delivered.get(0).envelope().payload().get("metadata")).isEqualTo(Map.of("list", List.of(1)));
  }

  private static TokenGeneratedEvent builtToken(Map<String, Object> metadata) {
    return TokenGeneratedEventBuilder.builder().model("m").token("t").metadata(metadata).build();
  }
}
