package dev.eventschema.engine.backend.external;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.error.EngineException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener that cannot hurt the backend: a listener that throws is logged, never allowed to kill
 * the thread that reads the runtime or restarts it.
 */
final class GuardedListener implements BackendListener {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedListener.class);

  private final BackendListener delegate;

  GuardedListener(BackendListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void modelsInvalidated(List<String> modelIds, String reason) {
    guard("modelsInvalidated", () -> delegate.modelsInvalidated(modelIds, reason));
  }

  @Override
  public void runtimeError(EngineException error) {
    guard("runtimeError", () -> delegate.runtimeError(error));
  }

  @Override
  public void runtimeReady() {
    guard("runtimeReady", delegate::runtimeReady);
  }

  @Override
  public void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {
    guard("rejected", () -> delegate.rejected(messageType, payload, violations));
  }

  private static void guard(String what, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException listenerBug) {
      LOG.error("the backend listener failed in {}", what, listenerBug);
    }
  }
}
