package dev.eventschema.engine.core;

import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.RuntimeStatusEventBuilder;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The engine's {@code runtimeStatus}: what it is now, and reporting it only when it changed.
 *
 * <p>The status is derived from {@link EngineState} each time rather than kept up to date piece by
 * piece, so that it can never disagree with the counts it reports. A report is emitted when the
 * status, the models loaded or the active tasks differ from the last one reported (a change of the
 * waiting count alone is not worth a message), and never after {@code shutdown}, which is the last.
 */
final class StatusTracker {

  private final EngineState state;
  private final EngineEvents events;
  private final Supplier<String> backendName;

  /**
   * Serialises reports: two threads that each saw a change must emit in the order they read the state,
   * or the last report could show an older state than the engine's. Taken before EngineState's monitor.
   */
  private final ReentrantLock reportLock = new ReentrantLock();
  // guarded by reportLock
  private RuntimeStatusEvent lastReported;

  /** @param backendName the backend's name; asked at each report because the backend comes later */
  StatusTracker(EngineState state, EngineEvents events, Supplier<String> backendName) {
    this.state = state;
    this.events = events;
    this.backendName = backendName;
  }

  /** The status now, as a {@code runtimeStatus} event. */
  RuntimeStatusEvent current() {
    EngineState.Snapshot now = state.snapshot();
    int active = now.running() + now.loadsInFlight();
    RuntimeStatus status = now.shutdown() ? RuntimeStatus.SHUTDOWN
        : now.runtimeFailed() ? RuntimeStatus.ERROR
        : active > 0 || now.waiting() > 0 ? RuntimeStatus.BUSY
        : RuntimeStatus.READY;
    return RuntimeStatusEventBuilder.builder()
        .status(status)
        .modelsLoaded(now.modelsLoaded())
        .activeTasks(active)
        .metadata(Map.of("requestsWaiting", now.waiting(), "backend", backendName.get()))
        .build();
  }

  /** Emits {@code runtimeStatus} if it changed since the last report; never after {@code shutdown}. */
  void update() {
    reportLock.lock();
    try {
      if (lastReported != null && lastReported.status() == RuntimeStatus.SHUTDOWN) {
        return;
      }
      RuntimeStatusEvent now = current();
      if (lastReported == null || changed(lastReported, now)) {
        lastReported = now;
        events.runtimeStatus(now);
      }
    } finally {
      reportLock.unlock();
    }
  }

  private static boolean changed(RuntimeStatusEvent before, RuntimeStatusEvent now) {
    return now.status() != before.status() || now.modelsLoaded() != before.modelsLoaded()
        || now.activeTasks().orElse(0) != before.activeTasks().orElse(0);
  }
}
