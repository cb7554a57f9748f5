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
 *
 * <p>Models lost to a runtime restart ({@value BackendListener#RUNTIME_RESTART}) are remembered for a
 * reload, unless reloading is switched off; {@code runtimeReady} then starts the reloads.
 */
final class BackendReports implements BackendListener {

  private static final Logger LOG = LoggerFactory.getLogger(BackendReports.class);

  private final EngineState state;
  private final EngineEvents events;
  private final StatusTracker status;
  private final boolean reloadAfterRestart;
  private final Runnable reloadLost;

  /**
   * @param reloadAfterRestart whether models lost to a runtime restart are loaded again
   * @param reloadLost starts those reloads; run after each {@code runtimeReady}
   */
  BackendReports(EngineState state, EngineEvents events, StatusTracker status, boolean reloadAfterRestart,
      Runnable reloadLost) {
    this.state = state;
    this.events = events;
    this.status = status;
    this.reloadAfterRestart = reloadAfterRestart;
    this.reloadLost = reloadLost;
  }

  @Override
  public void modelsInvalidated(List<String> modelIds, String reason) {
    List<String> known = state.invalidatedByBackend(modelIds, reloadAfterRestart && RUNTIME_RESTART.equals(reason));
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
    if (!state.markRuntimeFailed(retryAfterSeconds(error))) {
      return;
    }
    events.error(null, error, null);
    status.update();
  }

  @Override
  public void runtimeReady() {
    state.clearRuntimeFailure();
    status.update();
    reloadLost.run();
  }

  /** The backend's restart delay ({@code restartInMs}) rounded up, plus a second for the start and reload. */
  private static long retryAfterSeconds(EngineException error) {
    long restartInMs = error.details().get("restartInMs") instanceof Number ms ? ms.longValue() : 0;
    return 1 + (restartInMs + 999) / 1000;
  }

  @Override
  public void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {
    events.runtimeRejection(messageType, payload, violations);
  }
}
