package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.Source;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The translation of engine happenings into wire events, and that a bad one never throws. */
class EngineEventsTest {

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();
  private final List<EmittedEvent> emitted = new CopyOnWriteArrayList<>();
  private final List<RejectedPayload> rejected = new CopyOnWriteArrayList<>();
  private final EngineEvents events = new EngineEvents(emitter);

  EngineEventsTest() {
    emitter.subscribe(emitted::add);
    emitter.subscribeRejections(rejected::add);
  }

  @AfterEach
  void closeEmitter() {
    emitter.close();
  }

  @Test
  void aLogprobAboveZeroIsClampedAndOneNotFiniteIsLeftOut() {
    assertThat(EngineEvents.wireLogprob(OptionalDouble.of(1e-12))).hasValue(0.0);
    assertThat(EngineEvents.wireLogprob(OptionalDouble.of(-1.5))).hasValue(-1.5);
    assertThat(EngineEvents.wireLogprob(OptionalDouble.of(Double.NaN))).isEmpty();
    assertThat(EngineEvents.wireLogprob(OptionalDouble.of(Double.NEGATIVE_INFINITY))).isEmpty();
    assertThat(EngineEvents.wireLogprob(OptionalDouble.empty())).isEmpty();
  }

  @Test
  void anErrorAboutAModelIdTooLongForTheEventIsEmittedWithoutIt() {
    events.error(null, new EngineException(ErrorCode.MODEL_LOAD_FAILED, "no such file"), "m".repeat(300));
    assertThat(emitted).singleElement().satisfies(e -> assertThat(e.event()).isInstanceOfSatisfying(
        ErrorEvent.class, error -> {
          assertThat(error.model()).isEmpty();
          assertThat(error.code()).contains(ErrorCode.MODEL_LOAD_FAILED);
        }));
  }

  @Test
  void anEventThatBreaksItsSchemaIsDroppedWithoutThrowing() {
    events.modelInvalidated("", "stale"); // an empty model id breaks the schema: its builder refuses it
    events.modelUnloaded("m".repeat(10_000), null);
    assertThat(emitted).isEmpty();
  }

  @Test
  void aMalformedRuntimeMessageBecomesARejectionFromTheRuntime() {
    events.runtimeRejection("stream.chunk", Map.of("stream_id", 7), List.of(new Violation(
        "/stream_id", Violation.Code.INVALID_TYPE, "must be a string, was 7")));
    assertThat(rejected).singleElement().satisfies(r -> {
      assertThat(r.eventType()).isEqualTo("stream.chunk");
      assertThat(r.source()).isEqualTo(Source.RUNTIME);
    });
  }
}
