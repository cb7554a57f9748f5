package dev.eventschema.engine.backend;

import dev.eventschema.Violation;
import dev.eventschema.engine.error.EngineException;
import java.util.List;
import java.util.Map;

/**
 * What a backend tells the engine about events the engine did not ask for. Called from backend
 * threads: implementations must be thread-safe and quick (hand real work to another thread).
 * Every method has an empty default so that a listener implements only what it needs.
 */
public interface BackendListener {

  /** The invalidation reason when the backend's runtime process died and was restarted empty. */
  String RUNTIME_RESTART = "runtime_restart";

  /** A listener that ignores everything. */
  BackendListener NONE = new BackendListener() {};

  /**
   * Models that the backend no longer holds, without the engine having unloaded them.
   *
   * @param modelIds the ids, never empty
   * @param reason why, in lower snake case: {@value #RUNTIME_RESTART} when the runtime process died
   *     (the engine may then load them again once {@link #runtimeReady()} follows)
   */
  default void modelsInvalidated(List<String> modelIds, String reason) {}

  /** The backend's runtime failed (for example its process died); it is trying to recover. */
  default void runtimeError(EngineException error) {}

  /** The backend's runtime is (again) ready to take requests, after a start or a recovery. */
  default void runtimeReady() {}

  /**
   * An inbound message broke the protocol and was dropped; the backend carries on.
   *
   * @param messageType what the message claimed to be: a notification's method (such as {@code
   *     stream.chunk}), {@code response}, or {@code unknown} when it could not be told
   * @param payload the message as received ({@code {"line": "..."}} when it was not a JSON object)
   * @param violations every rule it broke, never empty
   */
  default void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {}
}
