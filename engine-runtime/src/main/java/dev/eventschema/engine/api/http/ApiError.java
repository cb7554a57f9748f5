package dev.eventschema.engine.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer that is not a success, in OpenAI's error shape: {@code {"error": {"message", "type",
 * "param", "code"}}} with an HTTP status and, for the answers worth retrying, a {@code Retry-After}.
 */
public final class ApiError extends RuntimeException {

  public static final String INVALID_REQUEST = "invalid_request_error";
  public static final String SERVER_ERROR = "server_error";

  private final int status;
  private final String type;
  private final String param;
  private final String code;
  private final Integer retryAfterSeconds;

  public ApiError(int status, String type, String message, String param, String code, Integer retryAfterSeconds) {
    super(Objects.requireNonNull(message, "message"), null, false, false);
    this.status = status;
    this.type = Objects.requireNonNull(type, "type");
    this.param = param;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400: the request itself is wrong; {@code param} names the field (OpenAI's dotted form). */
  public static ApiError invalidRequest(String param, String code, String message) {
    return new ApiError(400, INVALID_REQUEST, message, param, code, null);
  }

  /** 404 {@code model_not_found}. */
  public static ApiError modelNotFound(String model) {
    return new ApiError(404, INVALID_REQUEST, "the model '" + model + "' does not exist or is not loaded;"
        + " GET /v1/models lists the models served", "model", "model_not_found", null);
  }

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  /** The offending field, or null. */
  public String param() {
    return param;
  }

  /** A stable code, or null. */
  public String code() {
    return code;
  }

  /** Seconds after which a retry may succeed, or null when retrying the same request will not help. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The JSON body: {@code {"error": {...}}}, {@code param} and {@code code} null when unknown. */
  public Map<String, Object> body() {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", getMessage());
    error.put("type", type);
    error.put("param", param);
    error.put("code", code);
    return Map.of("error", error);
  }
}
