package dev.eventschema.engine.api.http;

import dev.eventschema.engine.error.EngineException;

/** How the engine's refusals and failures read over HTTP. */
public final class EngineErrors {

  /** Seconds a client should wait before retrying a request refused for a full queue. */
  public static final int QUEUE_FULL_RETRY_SECONDS = 1;
  /** Seconds before retrying while the backend's runtime is down or the engine is stopping. */
  public static final int UNAVAILABLE_RETRY_SECONDS = 5;

  private EngineErrors() {}

  /** The HTTP answer for an engine failure; {@code model} names the model asked for, if any. */
  public static ApiError toApiError(EngineException error, String model) {
    return switch (error.code()) {
      case MODEL_NOT_FOUND -> model != null ? ApiError.modelNotFound(model)
          : new ApiError(404, ApiError.INVALID_REQUEST, error.getMessage(), null, "model_not_found", null);
      case QUEUE_FULL -> new ApiError(429, "rate_limit_error", error.getMessage(), null, "queue_full",
          QUEUE_FULL_RETRY_SECONDS);
      case RUNTIME_ERROR -> new ApiError(503, ApiError.SERVER_ERROR, error.getMessage(), null, "runtime_unavailable",
          UNAVAILABLE_RETRY_SECONDS);
      case RUNTIME_UNAVAILABLE -> new ApiError(503, ApiError.SERVER_ERROR, error.getMessage(), null,
          "runtime_unavailable", retryAfterSeconds(error));
      case TIMEOUT -> new ApiError(504, ApiError.SERVER_ERROR, error.getMessage(), null, "timeout", null);
      case MODEL_LOAD_FAILED -> new ApiError(422, ApiError.INVALID_REQUEST, error.getMessage(), "path",
          "model_load_failed", null);
      case INVALID_CONFIG, INVALID_EVENT -> ApiError.invalidRequest(null, error.code().name().toLowerCase(
          java.util.Locale.ROOT), error.getMessage());
      default -> new ApiError(500, ApiError.SERVER_ERROR, error.getMessage(), null,
          error.code().name().toLowerCase(java.util.Locale.ROOT), null);
    };
  }

  /** The engine's own hint ({@code details.retryAfterSeconds}: the runtime's restart delay), else the default. */
  private static int retryAfterSeconds(EngineException error) {
    return error.details().get("retryAfterSeconds") instanceof Number seconds
        ? Math.max(1, seconds.intValue()) : UNAVAILABLE_RETRY_SECONDS;
  }
}
