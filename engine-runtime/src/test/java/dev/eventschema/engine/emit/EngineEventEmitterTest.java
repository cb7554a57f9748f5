package dev.eventschema.engine.emit;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static dev.eventschema.engine.events.testing.Payloads.pathsAndCodes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import dev.eventschema.Violation;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.testing.Events.OwnToken;
import dev.eventschema.engine.events.testing.Events;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Validation, delivery and rejection by the emitter, on its synchronous path. */
class EngineEventEmitterTest {

  static final Instant NOW = Instant.parse("2026-11-27T15:04:07.123456Z");

  final EngineEventEmitter emitter = EngineEventEmitter.builder()
      .sequencer(new EnvelopeSequencer(Clock.fixed(NOW, ZoneOffset.UTC)))
      .build();
  final List<EmittedEvent> delivered = new ArrayList<>();
  final List<RejectedPayload> rejected = new ArrayList<>();

  EngineEventEmitterTest() {
    emitter.subscribe(delivered::add);
    emitter.subscribeRejections(rejected::add);
  }

  @Test
  void validEventsReachSubscribersInEnvelopesWithIncreasingSeq() {
    emitter.emitModelLoaded(Events.modelLoaded("llama"));
    emitter.emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.READY, 1));
    Emission last = emitter.emitModelUnloaded(Events.modelUnloaded("llama"));

    assertThat(delivered).extracting(e -> e.envelope().seq()).containsExactly(1L, 2L, 3L);
    assertThat(delivered).extracting(e -> e.envelope().type())
        .containsExactly("modelLoaded", "runtimeStatus", "modelUnloaded");
    assertThat(delivered).extracting(EmittedEvent::source).containsOnly(Source.API);
    EventEnvelope first = delivered.get(0).envelope();
    assertThat(first.time()).isEqualTo("2026-11-27T15:04:07.123Z");
    assertThat(first.generationId()).isEmpty();
    assertThat(first.payload()).isEqualTo(map("model", "llama", "modelPath", "/models/llama"));
    assertThat(last).isInstanceOfSatisfying(Emission.Accepted.class,
        accepted -> assertThat(accepted.event()).isSameAs(delivered.get(2)));
    assertThat(last.isAccepted()).isTrue();
    assertThat(emitter.sequencer().lastSeq()).isEqualTo(3);
    assertThat(rejected).isEmpty();
  }

  @Test
  void generationEventsCarryTheirGenerationId() {
    emitter.emitGenerationStarted("g-1", Events.generationStarted("m"));
    emitter.emitTokenGenerated("g-1", Events.token("m", "Hi"));
    emitter.emitGenerationCompleted("g-1", Events.generationCompleted("m", 1, 12.5));
    emitter.emitError("g-1", Events.error(ErrorCode.GENERATION_FAILED, "out of memory"));
    emitter.emitGenerationStarted(Events.generationStarted("m"));
    emitter.emitTokenGenerated(Events.token("m", ""));
    emitter.emitGenerationCompleted(Events.generationCompleted("m", 0, 0));
    emitter.emitError(Events.error(ErrorCode.INTERNAL, "bug"));
    emitter.emitModelInvalidated(Events.modelInvalidated("m"));

    assertThat(delivered).extracting(e -> e.envelope().generationId().orElse("-"))
        .containsExactly("g-1", "g-1", "g-1", "g-1", "-", "-", "-", "-", "-");
    assertThat(delivered).extracting(EmittedEvent::type).containsExactly(EventType.GENERATION_STARTED,
        EventType.TOKEN_GENERATED, EventType.GENERATION_COMPLETED, EventType.ERROR, EventType.GENERATION_STARTED,
        EventType.TOKEN_GENERATED, EventType.GENERATION_COMPLETED, EventType.ERROR, EventType.MODEL_INVALIDATED);
  }

  @Test
  void aGenerationIdHasOneTo128Characters() {
    TokenGeneratedEvent token = Events.token("m", "x");

    assertThatThrownBy(() -> emitter.emitTokenGenerated("", token)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emitter.emitTokenGenerated("g".repeat(129), token))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emitter.emitTokenGenerated(null, token)).isInstanceOf(NullPointerException.class);
    assertThat(emitter.emitTokenGenerated("g".repeat(128), token).isAccepted()).isTrue();
  }

  @Test
  void anInvalidTypedEventIsThrownByDefaultAndNeverDelivered() {
    OwnToken bad = new OwnToken("", "x", OptionalDouble.of(0.5), Map.of());

    assertThatThrownBy(() -> emitter.emitTokenGenerated("g-1", bad))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_EVENT);
          assertThat(e.getMessage()).isEqualTo(
              "Invalid tokenGenerated event: field 'model' must not be empty [too_small] (and 1 more violation)");
          assertThat(e.details()).containsEntry("eventType", "tokenGenerated").containsEntry("source", "api")
              .containsEntry("seq", 1L).containsEntry("field", "model").containsEntry("rule", "too_small");
          assertThat(e.details().get("violations")).asInstanceOf(LIST).hasSize(2);
        });
    assertThat(delivered).isEmpty();
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.seq()).isEqualTo(1);
      assertThat(r.eventType()).isEqualTo("tokenGenerated");
      assertThat(r.source()).isEqualTo(Source.API);
      assertThat(r.payload()).isEqualTo(map("model", "", "token", "x", "logprob", 0.5));
      assertThat(pathsAndCodes(r.violations())).containsExactly("/model too_small", "/logprob too_big");
      assertThat(r.time()).isEqualTo(Instant.parse("2026-11-27T15:04:07.123Z"));
    });
    assertThat(emitter.rejectionLog().recent()).isEqualTo(rejected);
  }

  @Test
  void underRecordATypedCallerIsNotInterrupted() {
    EngineEventEmitter recording = EngineEventEmitter.builder().typedPolicy(RejectionPolicy.RECORD).build();

    Emission emission = recording.emitTokenGenerated(new OwnToken("m", "x", OptionalDouble.of(1), Map.of()));

    assertThat(emission.isAccepted()).isFalse();
    assertThat(emission).isInstanceOfSatisfying(Emission.Rejected.class,
        r -> assertThat(pathsAndCodes(r.rejection().violations())).containsExactly("/logprob too_big"));
    assertThat(recording.rejectionLog().total()).isEqualTo(1);
  }

  @Test
  void aHandWrittenEventThatCannotBeWrittenIsRecordedFromItsAccessors() {
    OwnToken broken = new OwnToken("m", null, null, null);

    Emission emission = EngineEventEmitter.builder().typedPolicy(RejectionPolicy.RECORD).build()
        .emitTokenGenerated(broken);

    RejectedPayload rejection = ((Emission.Rejected) emission).rejection();
    assertThat(rejection.payload()).isEqualTo(map("model", "m"));
    assertThat(pathsAndCodes(rejection.violations()))
        .containsExactly("/token missing", "/logprob missing", "/metadata missing");
  }

  @Test
  void untypedPayloadsAreRecordedByDefaultAndDeliveredInTheirNormalForm() {
    Emission bad = emitter.emit("tokenGenerated", map("model", "m", "token", 5), Source.RUNTIME);
    Emission good = emitter.emit("generationCompleted", "g-9",
        map("model", "m", "tokensGenerated", 3, "durationMs", 10, "metadata", map()), Source.NETWORK);

    assertThat(bad.isAccepted()).isFalse();
    assertThat(good.isAccepted()).isTrue();
    EmittedEvent event = delivered.get(0);
    assertThat(event.source()).isEqualTo(Source.NETWORK);
    assertThat(event.envelope().seq()).isEqualTo(2);
    assertThat(event.envelope().generationId()).contains("g-9");
    assertThat(event.envelope().payload()).isEqualTo(map("model", "m", "tokensGenerated", 3L, "durationMs", 10.0));
    assertThat(event.event()).isInstanceOf(EventType.GENERATION_COMPLETED.javaType());
    assertThat(rejected).singleElement().satisfies(r -> assertThat(r.source()).isEqualTo(Source.RUNTIME));
  }

  @Test
  void untypedPayloadsCanBeThrownToo() {
    EngineEventEmitter strict = EngineEventEmitter.builder().untypedPolicy(RejectionPolicy.THROW).build();

    assertThatThrownBy(() -> strict.emit("runtimeStatus", map("status", "starting", "modelsLoaded", 0), Source.FILE))
        .isInstanceOf(EngineException.class)
        .hasMessage("Invalid runtimeStatus event: field 'status' must be one of 'ready', 'busy', 'error', 'shutdown',"
            + " was 'starting' [invalid_value]");
  }

  @Test
  void anUnknownTypeIsRejectedWithASuggestion() {
    RejectedPayload typo = rejection(emitter.emit("modelLoad", map("model", "m"), Source.NETWORK));
    RejectedPayload nonsense = rejection(emitter.emit("xyzzy", map(), Source.NETWORK));
    RejectedPayload none = rejection(emitter.emit(null, map(), Source.NETWORK));

    assertThat(typo.violations()).containsExactly(new Violation("", Violation.Code.INVALID_VALUE,
        "unknown event type 'modelLoad'; did you mean 'modelLoaded'?"));
    assertThat(typo.knownType()).isEmpty();
    assertThat(typo.payload()).isEqualTo(map("model", "m"));
    assertThat(nonsense.violations().get(0).message()).startsWith("unknown event type 'xyzzy'; expected one of [");
    assertThat(none.eventType()).isEmpty();
  }

  @Test
  void aNullPayloadIsRejected() {
    RejectedPayload rejection = rejection(emitter.emit("error", null, Source.CONSUMER));

    assertThat(pathsAndCodes(rejection.violations())).containsExactly(" missing");
    assertThat(rejection.payload()).isEmpty();
    assertThat(rejection.knownType()).contains(EventType.ERROR);
  }

  @Test
  void theRejectedPayloadIsACopyAsReceived() {
    List<Object> parts = new ArrayList<>(List.of("a"));
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("parts", parts);
    metadata.put("score", Double.NaN);
    Map<String, Object> payload = new HashMap<>(map("model", "m", "token", "t", "metadata", metadata));

    RejectedPayload rejection = rejection(emitter.emit("tokenGenerated", payload, Source.RUNTIME));
    parts.add("b");
    metadata.put("late", 1);
    payload.put("token", "changed");

    assertThat(rejection.payload())
        .isEqualTo(map("model", "m", "token", "t", "metadata", map("parts", List.of("a"), "score", Double.NaN)));
    assertThat(pathsAndCodes(rejection.violations())).containsExactly("/metadata/score not_finite");
  }

  @Test
  void eventsAndRejectionsShareOneSequence() {
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    emitter.emit("modelLoaded", map(), Source.FILE);
    emitter.emitModelUnloaded(Events.modelUnloaded("m"));

    assertThat(delivered).extracting(e -> e.envelope().seq()).containsExactly(1L, 3L);
    assertThat(rejected).extracting(RejectedPayload::seq).containsExactly(2L);
  }

  @Test
  void theRejectionLogKeepsTheMostRecentOnly() {
    EngineEventEmitter small = EngineEventEmitter.builder().rejectionLogCapacity(3).build();

    for (int i = 0; i < 5; i++) {
      small.emit("error", map("error", ""), Source.RUNTIME);
    }

    RejectionLog log = small.rejectionLog();
    assertThat(log.capacity()).isEqualTo(3);
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.total()).isEqualTo(5);
    assertThat(log.recent()).extracting(RejectedPayload::seq).containsExactly(3L, 4L, 5L);
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> EngineEventEmitter.builder().rejectionLogCapacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RejectionLog(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EngineEventEmitter.builder().typedPolicy(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.emit("error", map(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> emitter.emitError(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void emittersOfOneEngineShareTheirSequenceAndStatistics() {
    EnvelopeSequencer sequencer = new EnvelopeSequencer();
    SubscriberStats stats = new SubscriberStats();
    EngineEventEmitter one = EngineEventEmitter.builder().sequencer(sequencer).subscriberStats(stats).build();
    EngineEventEmitter two = EngineEventEmitter.builder().sequencer(sequencer).subscriberStats(stats).build();
    one.subscribe(e -> {
      throw new IllegalStateException("listener bug");
    });

    one.emitModelLoaded(Events.modelLoaded("m"));
    Emission second = two.emitModelLoaded(Events.modelLoaded("n"));

    assertThat(((Emission.Accepted) second).event().envelope().seq()).isEqualTo(2);
    assertThat(two.subscriberStats()).isSameAs(stats);
    assertThat(stats.failures()).isEqualTo(1);
    assertThat(two.sequencer()).isSameAs(sequencer);
  }

  @Test
  void theDefaultEmitterThrowsForTypedAndRecordsForUntyped() {
    EngineEventEmitter defaults = new EngineEventEmitter();

    assertThat(defaults.emit("error", map(), Source.API).isAccepted()).isFalse();
    assertThatThrownBy(() -> defaults.emitTokenGenerated(new OwnToken("", "", OptionalDouble.empty(), Map.of())))
        .isInstanceOf(EngineException.class);
    assertThat(defaults.rejectionLog().total()).isEqualTo(2);
  }

  private static RejectedPayload rejection(Emission emission) {
    assertThat(emission).isInstanceOf(Emission.Rejected.class);
    return ((Emission.Rejected) emission).rejection();
  }
}
