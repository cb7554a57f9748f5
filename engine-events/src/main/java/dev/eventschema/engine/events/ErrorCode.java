package dev.eventschema.engine.events;

import java.util.Locale;

/**
 * The closed set of engine error codes. Closed on purpose: errors are counted by code in metrics,
 * and a dashboard can switch on them. On the wire each is its name in lower case ({@code invalid_event}).
 */
public enum ErrorCode {
  /** An event payload broke its schema. */
  INVALID_EVENT,
  /** A configuration broke its schema, or could not be read. */
  INVALID_CONFIG,
  MODEL_NOT_FOUND,
  MODEL_LOAD_FAILED,
  GENERATION_FAILED,
  /** A bounded queue was full and the request was refused rather than left waiting. */
  QUEUE_FULL,
  CANCELLED,
  /** The model runtime (or the engine's own machinery, such as a server socket) failed. */
  RUNTIME_ERROR,
  /**
   * The model runtime is down or restarting and the engine is bringing it back (reloading its
   * models): the request was refused without being started, and may be retried later. The
   * exception's details hold {@code retryAfterSeconds}; an HTTP API answers 503 with
   * {@code Retry-After}.
   */
  RUNTIME_UNAVAILABLE,
  TIMEOUT,
  /** A bug: something the engine did not expect. */
  INTERNAL;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  /** The lower-snake form used on the wire and in metrics, such as {@code invalid_event}. */
  public String wireName() {
    return wireName;
  }
}
