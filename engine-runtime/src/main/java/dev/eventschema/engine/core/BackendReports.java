package dev.eventschema.engine.core;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.error.EngineException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the backend tells the engine on its own (its runtime died, recovered, lost models, sent
 * something malformed), turned into the engine's state, events and status. Called on backend threads;
 * after close it changes nothing, so a dying runtime cannot report anything after {@code shutdown}.
 */
final class BackendReports implements BackendListener {

  private static final Logger LOG = LoggerFactory.getLogger(BackendReports.class);

  private final EngineState state;
  private final EngineEvents events;
  private final StatusTracker status;

  BackendReports(EngineState state, EngineEvents events, StatusTracker status) {
    this.state = state;
    this.events = events;
    this.status = status;
  }

  @Override
  public void modelsInvalidated(List<String> modelIds, String reason) {
    List<String> known = state.invalidatedByBackend(modelIds);
    if (known == null) {
      return;
    }
    // every id the backend names is reported, even one the engine had forgotten: the backend lost it either way
    for (String id : modelIds) {
      events.modelInvalidated(id, reason);
    }
    LOG.warn("the backend invalidated {} ({}); {} of them were loaded", modelIds, reason, known);
    status.update();
  }

  @Override
  public void runtimeError(EngineException error) {
    if (!state.markRuntimeFailed()) {
      return;
    }
    events.error(null, error, null);
    status.update();
  }

  @Override
  public void runtimeReady() {
    state.clearRuntimeFailure();
    status.update();
  }

  @Override
  public void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {
    events.runtimeRejection(messageType, payload, violations);
  }
}
