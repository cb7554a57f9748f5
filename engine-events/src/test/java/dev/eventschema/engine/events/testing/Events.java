package dev.eventschema.engine.events.testing;

import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.ErrorEventBuilder;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationCompletedEventBuilder;
import dev.eventschema.engine.events.GenerationStartedEvent;
import dev.eventschema.engine.events.GenerationStartedEventBuilder;
import dev.eventschema.engine.events.ModelInvalidatedEvent;
import dev.eventschema.engine.events.ModelInvalidatedEventBuilder;
import dev.eventschema.engine.events.ModelLoadedEvent;
import dev.eventschema.engine.events.ModelLoadedEventBuilder;
import dev.eventschema.engine.events.ModelUnloadedEvent;
import dev.eventschema.engine.events.ModelUnloadedEventBuilder;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.RuntimeStatusEventBuilder;
import dev.eventschema.engine.events.TextPromptBuilder;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventBuilder;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Valid events built with the generated builders, and hand-written implementations of the schemas,
 * which (unlike builders) can hold invalid values, as a careless caller's own classes could.
 */
public final class Events {

  private Events() {}

  public static ModelLoadedEvent modelLoaded(String model) {
    return ModelLoadedEventBuilder.builder().model(model).modelPath("/models/" + model).build();
  }

  public static ModelUnloadedEvent modelUnloaded(String model) {
    return ModelUnloadedEventBuilder.builder().model(model).reason("idle").build();
  }

  public static ModelInvalidatedEvent modelInvalidated(String model) {
    return ModelInvalidatedEventBuilder.builder().model(model).reason("python_restart").build();
  }

  public static GenerationStartedEvent generationStarted(String model) {
    return GenerationStartedEventBuilder.builder().model(model).prompt(TextPromptBuilder.builder().text("Hi").build())
        .maxTokens(64).build();
  }

  public static TokenGeneratedEvent token(String model, String token) {
    return TokenGeneratedEventBuilder.builder().model(model).token(token).logprob(-0.25).build();
  }

  public static GenerationCompletedEvent generationCompleted(String model, long tokens, double durationMs) {
    return GenerationCompletedEventBuilder.builder().model(model).tokensGenerated(tokens).durationMs(durationMs)
        .build();
  }

  public static ErrorEvent error(ErrorCode code, String message) {
    return ErrorEventBuilder.builder().error(message).code(code).build();
  }

  public static RuntimeStatusEvent runtimeStatus(RuntimeStatus status, int modelsLoaded) {
    return RuntimeStatusEventBuilder.builder().status(status).modelsLoaded(modelsLoaded).build();
  }

  /** A caller's own model-loaded class. */
  public record OwnModelLoaded(String model, String modelPath, java.util.Optional<String> quantization,
      OptionalLong parameters, Map<String, Object> metadata) implements ModelLoadedEvent {}

  /** A caller's own token class. */
  public record OwnToken(String model, String token, OptionalDouble logprob, Map<String, Object> metadata)
      implements TokenGeneratedEvent {}

  /** A caller's own completion class. */
  public record OwnCompleted(String model, long tokensGenerated, double durationMs, OptionalDouble throughput,
      Map<String, Object> metadata) implements GenerationCompletedEvent {}

  /** A caller's own status class. */
  public record OwnStatus(RuntimeStatus status, int modelsLoaded, OptionalInt activeTasks,
      Map<String, Object> metadata) implements RuntimeStatusEvent {}
}
