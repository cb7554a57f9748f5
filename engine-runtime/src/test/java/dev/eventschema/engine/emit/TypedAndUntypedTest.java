package dev.eventschema.engine.emit;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.testing.Events.OwnCompleted;
import dev.eventschema.engine.events.testing.Events.OwnModelLoaded;
import dev.eventschema.engine.events.testing.Events.OwnStatus;
import dev.eventschema.engine.events.testing.Events.OwnToken;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The typed and the untyped entries find exactly the same violations in the same payload. */
class TypedAndUntypedTest {

  final EngineEventEmitter emitter = EngineEventEmitter.builder().typedPolicy(RejectionPolicy.RECORD).build();

  @ParameterizedTest(name = "{0}")
  @MethodSource("samePayloads")
  void sameViolations(Object typed, Map<String, Object> untyped) {
    EventType type = EventType.of(typed);

    RejectedPayload viaTyped = rejection(emitTyped(type, typed));
    RejectedPayload viaUntyped = rejection(emitter.emit(type.wireName(), untyped, Source.RUNTIME));

    assertThat(viaTyped.violations()).isNotEmpty().isEqualTo(viaUntyped.violations());
    assertThat(viaTyped.payload()).isEqualTo(viaUntyped.payload());
    RejectedPayload replayed = rejection(emitter.emit(type.wireName(), viaTyped.payload(), Source.FILE));
    assertThat(replayed.violations()).isEqualTo(viaTyped.violations());
  }

  static Stream<Arguments> samePayloads() {
    return Stream.of(
        Arguments.of(named("token: empty model, positive logprob",
            new OwnToken("", "x", OptionalDouble.of(0.5), Map.of())),
            map("model", "", "token", "x", "logprob", 0.5)),
        Arguments.of(named("token: no token", new OwnToken("m", null, OptionalDouble.empty(), Map.of())),
            map("model", "m")),
        Arguments.of(named("modelLoaded: everything out of range", new OwnModelLoaded("m".repeat(300), "",
            Optional.of("int 4"), OptionalLong.of(-1), Map.of("score", Double.NaN))),
            map("model", "m".repeat(300), "modelPath", "", "quantization", "int 4", "parameters", -1L,
                "metadata", map("score", Double.NaN))),
        Arguments.of(named("generationCompleted: negative numbers", new OwnCompleted("m", -1, -0.5,
            OptionalDouble.of(-2), Map.of())),
            map("model", "m", "tokensGenerated", -1L, "durationMs", -0.5, "throughput", -2.0)),
        Arguments.of(named("runtimeStatus: no status, negative counts", new OwnStatus(null, -1, OptionalInt.of(-3),
            Map.of())), map("modelsLoaded", -1, "activeTasks", -3)),
        Arguments.of(named("runtimeStatus: deep metadata", new OwnStatus(RuntimeStatus.BUSY, 0, OptionalInt.empty(),
            Map.of("a", List.of(Map.of("b", Double.POSITIVE_INFINITY))))),
            map("status", "busy", "modelsLoaded", 0, "metadata", map("a", List.of(map("b", Double.POSITIVE_INFINITY))))));
  }

  private Emission emitTyped(EventType type, Object event) {
    return switch (type) {
      case TOKEN_GENERATED -> emitter.emitTokenGenerated((OwnToken) event);
      case MODEL_LOADED -> emitter.emitModelLoaded((OwnModelLoaded) event);
      case GENERATION_COMPLETED -> emitter.emitGenerationCompleted((OwnCompleted) event);
      case RUNTIME_STATUS -> emitter.emitRuntimeStatus((OwnStatus) event);
      default -> throw new IllegalArgumentException(type.name());
    };
  }

  private static RejectedPayload rejection(Emission emission) {
    assertThat(emission).isInstanceOf(Emission.Rejected.class);
    return ((Emission.Rejected) emission).rejection();
  }
}
