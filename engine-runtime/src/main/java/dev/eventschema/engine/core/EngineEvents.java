package dev.eventschema.engine.core;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.GenerationCompletedEventBuilder;
import dev.eventschema.engine.events.GenerationStartedEventBuilder;
import dev.eventschema.engine.events.ModelInvalidatedEventBuilder;
import dev.eventschema.engine.events.ModelLoadedEventBuilder;
import dev.eventschema.engine.events.ModelUnloadedEventBuilder;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TextPromptBuilder;
import dev.eventschema.engine.events.TokenGeneratedEventBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens in the engine into the wire events (their fields, metadata and rounding) and
 * emits them through the validating emitter.
 *
 * <p>No method throws: an event that breaks its schema (a model id too long, say) is refused by its
 * generated builder or recorded as a rejection by the emitter, and is logged and dropped here; it must
 * not break a load, a generation or the engine's bookkeeping, which run right before and after.
 */
final class EngineEvents {

  private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);
  /** The {@code model} field of an error event is bounded; a longer id is left out rather than rejected. */
  private static final int MAX_ERROR_MODEL_LENGTH = 256;

  private final EngineEventEmitter emitter;

  EngineEvents(EngineEventEmitter emitter) {
    this.emitter = emitter;
  }

  void modelLoaded(LoadedModel model, String backendName, long loadNanos) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("backend", backendName);
    metadata.put("loadMs", round(loadNanos / 1e6));
    ModelLoadedEventBuilder event = ModelLoadedEventBuilder.builder()
        .model(model.modelId()).modelPath(model.modelPath()).parameters(model.parameters()).metadata(metadata);
    model.quantization().ifPresent(event::quantization);
    emitSafely(() -> emitter.emitModelLoaded(event.build()));
  }

  /** @param reason why, shown in the event; null or empty for none */
  void modelUnloaded(String modelId, String reason) {
    ModelUnloadedEventBuilder event = ModelUnloadedEventBuilder.builder().model(modelId);
    if (reason != null && !reason.isEmpty()) {
      event.reason(reason);
    }
    emitSafely(() -> emitter.emitModelUnloaded(event.build()));
  }

  void modelInvalidated(String modelId, String reason) {
    emitSafely(() -> emitter.emitModelInvalidated(
        ModelInvalidatedEventBuilder.builder().model(modelId).reason(reason).build()));
  }

  void generationStarted(GenerationHandle handle) {
    GenerationRequest request = handle.request();
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("temperature", request.temperature());
    request.seed().ifPresent(seed -> metadata.put("seed", seed));
    request.tokensPerSecond().ifPresent(rate -> metadata.put("tokensPerSecond", rate));
    if (request.topP() < 1) {
      metadata.put("topP", request.topP());
    }
    request.requestId().ifPresent(id -> metadata.put("requestId", id));
    metadata.put("queuedMs", round(handle.queuedNanos() / 1e6));
    emitSafely(() -> emitter.emitGenerationStarted(handle.id(), GenerationStartedEventBuilder.builder()
        .model(request.modelId())
        .prompt(TextPromptBuilder.builder().text(request.prompt()).build())
        .maxTokens(request.maxTokens())
        .metadata(metadata)
        .build()));
  }

  /** @param logprob already made wire-safe by {@link #wireLogprob} */
  void tokenGenerated(GenerationHandle handle, String text, OptionalDouble logprob) {
    TokenGeneratedEventBuilder event = TokenGeneratedEventBuilder.builder().model(handle.modelId()).token(text);
    logprob.ifPresent(event::logprob);
    emitSafely(() -> emitter.emitTokenGenerated(handle.id(), event.build()));
  }

  void generationCompleted(GenerationHandle handle, FinishReason reason, double durationMs) {
    long tokens = handle.textTokens();
    double throughput = durationMs > 0 ? tokens / (durationMs / 1000.0) : 0;
    emitSafely(() -> emitter.emitGenerationCompleted(handle.id(), GenerationCompletedEventBuilder.builder()
        .model(handle.modelId())
        .tokensGenerated(tokens)
        .durationMs(round(durationMs))
        .throughput(round(throughput))
        .metadata(Map.of("finishReason", reason.name().toLowerCase(Locale.ROOT)))
        .build()));
  }

  /**
   * Emits {@code error}.
   *
   * @param generationId the generation it ended, or null when it is not about one
   * @param model the model it is about, or null; left out of the event when it would not fit there
   */
  void error(String generationId, EngineException error, String model) {
    ErrorEvent event;
    try {
      event = model == null || model.isEmpty() || model.length() > MAX_ERROR_MODEL_LENGTH
          ? error.toEvent() : error.toEvent(model);
    } catch (RuntimeException invalid) {
      event = error.toEvent();
    }
    ErrorEvent toEmit = event;
    emitSafely(() -> {
      if (generationId == null) {
        emitter.emitError(toEmit);
      } else {
        emitter.emitError(generationId, toEmit);
      }
    });
  }

  void runtimeStatus(RuntimeStatusEvent status) {
    emitSafely(() -> emitter.emitRuntimeStatus(status));
  }

  /**
   * Records what a backend's runtime sent that broke its protocol, as a rejection with source {@link
   * Source#RUNTIME}, so that it is kept, counted, logged and streamed like any other rejection.
   */
  void runtimeRejection(String messageType, Map<String, ?> payload, List<Violation> violations) {
    try {
      emitter.reject(messageType, payload, violations, Source.RUNTIME);
    } catch (RuntimeException e) {
      LOG.warn("recording a rejected runtime message failed", e);
    }
  }

  /**
   * A backend's log-probability as the wire accepts it: a log of a probability is at most 0 (a
   * rounding error above is clamped), and one that is not finite is left out.
   */
  static OptionalDouble wireLogprob(OptionalDouble logprob) {
    return logprob.isPresent() && Double.isFinite(logprob.getAsDouble())
        ? OptionalDouble.of(Math.min(0.0, logprob.getAsDouble())) : OptionalDouble.empty();
  }

  /** Milliseconds and rates with three decimals: enough to read, without noise on the wire. */
  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static void emitSafely(Runnable emission) {
    try {
      emission.run();
    } catch (EngineException e) {
      LOG.debug("an engine event was rejected: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("emitting an engine event failed", e);
    }
  }
}
