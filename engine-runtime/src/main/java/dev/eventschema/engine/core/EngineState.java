package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.error.EngineException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine must read and change together, behind one monitor: the models loaded, the
 * generation slots and queue, the loads in flight, and whether the runtime failed, the engine is
 * closed or shut down.
 *
 * <p>Why one monitor and not one lock per part: admitting a generation must see "not closed", "model
 * loaded" and "a slot free" at the same instant, and unloading a model must forget it and collect its
 * generations at once, or a request could slip in between. Each method is one such atomic step, so
 * callers never hold the lock themselves. Methods only touch these fields (never the backend, the
 * emitter or a handle's own lock), so nothing is called while it is held and no lock order can invert.
 */
final class EngineState {

  /** The counts and flags a {@code runtimeStatus} is made of, read at one instant. */
  record Snapshot(int modelsLoaded, int running, int waiting, int loadsInFlight, boolean runtimeFailed,
      boolean shutdown) {}

  /** What {@link #close()} took away from the slots: to be cancelled by the caller, outside the lock. */
  record Closing(List<GenerationHandle> waiting, List<GenerationHandle> running) {}

  private final Map<String, LoadedModel> models = new LinkedHashMap<>();
  private final GenerationSlots slots;
  private int loadsInFlight;
  private boolean runtimeFailed;
  private boolean closed;
  /** Set when close() is done: the status is {@code shutdown} from then on. */
  private boolean shutdown;

  EngineState(int maxConcurrent, int maxWaiting) {
    this.slots = new GenerationSlots(maxConcurrent, maxWaiting);
  }

  int maxConcurrent() {
    return slots.maxConcurrent();
  }

  int maxWaiting() {
    return slots.maxWaiting();
  }

  // ---- models --------------------------------------------------------------------------------

  /** Counts a load as in flight; false once closed. */
  synchronized boolean beginLoad() {
    if (closed) {
      return false;
    }
    loadsInFlight++;
    return true;
  }

  /**
   * Ends a load begun by {@link #beginLoad()}: {@code loaded} (null when the load failed) is kept,
   * unless the engine closed meanwhile, and a runtime that loads models is no longer failed.
   *
   * @return whether {@code loaded} was kept
   */
  synchronized boolean endLoad(LoadedModel loaded) {
    loadsInFlight--;
    if (loaded == null || closed) {
      return false;
    }
    models.put(loaded.modelId(), loaded);
    runtimeFailed = false;
    return true;
  }

  /**
   * Forgets a model and returns its running and waiting generations, for the caller to cancel; null
   * if it was not loaded or the engine is closed (then {@link #isClosed()} tells which).
   */
  synchronized List<GenerationHandle> removeModel(String modelId) {
    if (closed || models.remove(modelId) == null) {
      return null;
    }
    return slots.of(modelId);
  }

  /**
   * The backend lost {@code modelIds}: they are forgotten and the runtime counts as failed until it
   * says it is ready or a load succeeds.
   *
   * @return those of them that were loaded; null once closed (then nothing changed)
   */
  synchronized List<String> invalidatedByBackend(List<String> modelIds) {
    if (closed) {
      return null;
    }
    List<String> known = new ArrayList<>();
    for (String id : modelIds) {
      if (models.remove(id) != null) {
        known.add(id);
      }
    }
    runtimeFailed = true;
    return known;
  }

  synchronized Map<String, LoadedModel> loadedModels() {
    return Map.copyOf(models);
  }

  synchronized boolean isLoaded(String modelId) {
    return models.containsKey(modelId);
  }

  // ---- runtime and lifecycle ---------------------------------------------------------------------

  /** The backend's runtime failed; false (and no change) once closed. */
  synchronized boolean markRuntimeFailed() {
    if (closed) {
      return false;
    }
    runtimeFailed = true;
    return true;
  }

  synchronized void clearRuntimeFailure() {
    runtimeFailed = false;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  /** Closes: no more loads or generations; returns what was queued and running, or null if already closed. */
  synchronized Closing close() {
    if (closed) {
      return null;
    }
    closed = true;
    return new Closing(slots.drainWaiting(), slots.runningNow());
  }

  /** The last step of closing: forgets everything and returns the ids of the models that were loaded. */
  synchronized List<String> shutDown() {
    List<String> unloaded = new ArrayList<>(models.keySet());
    models.clear();
    slots.clearRunning();
    loadsInFlight = 0;
    shutdown = true;
    return unloaded;
  }

  synchronized Snapshot snapshot() {
    return new Snapshot(models.size(), slots.running(), slots.waiting(), loadsInFlight, runtimeFailed, shutdown);
  }

  // ---- generations -------------------------------------------------------------------------------

  /**
   * Admits a generation: it runs at once if a slot is free and nobody waits, else it waits.
   *
   * @return true if it runs now, false if it waits
   * @throws EngineException closed ({@code RUNTIME_ERROR}), {@code MODEL_NOT_FOUND} or {@code QUEUE_FULL}
   */
  synchronized boolean admit(GenerationHandle handle) {
    if (closed) {
      throw EngineErrors.engineClosed();
    }
    if (!models.containsKey(handle.modelId())) {
      throw EngineErrors.modelNotLoaded(handle.modelId());
    }
    return switch (slots.admit(handle)) {
      case RUNNING -> true;
      case WAITING -> false;
      case FULL -> throw EngineErrors.queueFull(handle.modelId(), slots.maxWaiting(), slots.running());
    };
  }

  /** Frees {@code handle}'s slot; returns the waiting generation that takes it (none once closed). */
  synchronized GenerationHandle release(GenerationHandle handle) {
    return slots.release(handle, !closed);
  }

  /** Takes a waiting generation out of the queue; false if it was not waiting (it may be starting). */
  synchronized boolean leaveQueue(GenerationHandle handle) {
    return slots.leave(handle);
  }

  synchronized int running() {
    return slots.running();
  }

  synchronized int waiting() {
    return slots.waiting();
  }
}
