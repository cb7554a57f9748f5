package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.Map;

/** The engine's failures as {@link EngineException}s: one place for their codes, messages and details. */
final class EngineErrors {

  private EngineErrors() {}

  /**
   * What a backend's failure means for the engine's caller: the backend's own {@link EngineException}
   * when it threw one (under any wrappers of the futures it went through), else the failure's message
   * under {@code fallback}.
   */
  static EngineException fromFailure(Throwable failure, ErrorCode fallback) {
    Throwable cause = Deadlines.unwrap(failure);
    if (cause instanceof EngineException engineException) {
      return engineException;
    }
    return new EngineException(fallback, String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()),
        Map.of(), cause);
  }

  static EngineException modelNotLoaded(String modelId) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "model '" + modelId + "' is not loaded",
        Map.of("model", modelId));
  }

  /**
   * A model lost to a runtime restart, not yet loaded again: the request is refused at once, not
   * queued (a reload can take as long as a load, or fail), with a hint of when to retry.
   */
  static EngineException reloading(String modelId, long retryAfterSeconds) {
    return new EngineException(ErrorCode.RUNTIME_UNAVAILABLE, "model '" + modelId + "' is being reloaded after"
        + " the runtime restarted; retry in " + retryAfterSeconds + " s",
        Map.of("model", modelId, "retryAfterSeconds", retryAfterSeconds));
  }

  /**
   * The engine was closed. {@code RUNTIME_ERROR}, which the engine does not emit as an event: a
   * caller racing a shutdown is told, the stream is not.
   */
  static EngineException engineClosed() {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "the engine is shut down");
  }

  static EngineException queueFull(String modelId, int waiting, int running) {
    return new EngineException(ErrorCode.QUEUE_FULL, "the generation queue is full (" + waiting + " waiting, "
        + running + " running); try again later", Map.of("model", modelId, "waiting", waiting, "running", running));
  }
}
