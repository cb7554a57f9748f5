package dev.eventschema.engine.core;

import dev.eventschema.Violation;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.Source;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records what a backend's runtime sent that broke the protocol, as a rejection from {@code runtime}. */
final class RuntimeRejections {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeRejections.class);

  private RuntimeRejections() {}

  /**
   * Records the message with source {@link Source#RUNTIME} and the backend's own violations, so that
   * the rejection is kept, counted, logged and streamed like any other.
   */
  static void record(EngineEventEmitter emitter, String messageType, Map<String, ?> payload,
      List<Violation> violations) {
    try {
      emitter.reject(messageType, payload, violations, Source.RUNTIME);
    } catch (RuntimeException e) {
      LOG.warn("recording a rejected runtime message failed", e);
    }
  }
}
