package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the engine must read and change together, behind one monitor: the models loaded (and
 * the requests they were loaded with), the models lost to a runtime restart and waiting to be
 * reloaded, the generation slots and queue, the loads in flight, and whether the runtime failed, the
 * engine is closed or shut down.
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
  /** The request each loaded model came from: what a reload after a runtime restart sends again. */
  private final Map<String, LoadRequest> requests = new HashMap<>();
  private final LostModels lost = new LostModels();
  private final GenerationSlots slots;
  private int loadsInFlight;
  private boolean runtimeFailed;
  /** When to retry a request refused while the runtime is down: its restart delay and a second. */
  private long retryAfterSeconds = 1;
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
   * unless the engine closed meanwhile, and a runtime that loads models is no longer failed. A model
   * loaded by hand replaces its pending reload.
   *
   * @return whether {@code loaded} was kept
   */
  synchronized boolean endLoad(LoadRequest request, LoadedModel loaded) {
    loadsInFlight--;
    if (loaded == null || closed) {
      return false;
    }
    keep(request, loaded);
    lost.remove(request.modelId());
    return true;
  }

  /** Ends a reload begun by {@link #beginLoad()} for {@code request}: see {@link LostModels#ended}. */
  synchronized LostModels.Outcome endReload(LoadRequest request, LoadedModel loaded, ErrorCode failure) {
    loadsInFlight--;
    if (closed) {
      return LostModels.Outcome.DISCARDED;
    }
    LostModels.Outcome outcome = lost.ended(request, loaded == null ? failure : null);
    if (outcome == LostModels.Outcome.KEPT) {
      keep(request, loaded);
    }
    return outcome;
  }

  private void keep(LoadRequest request, LoadedModel loaded) {
    models.put(loaded.modelId(), loaded);
    requests.put(loaded.modelId(), request);
    runtimeFailed = false;
  }

  /** The runtime is ready again: the lost models to reload now (none once closed). */
  synchronized List<LoadRequest> reloadsToStart() {
    return closed ? List.of() : lost.runtimeReady();
  }

  /** Forgets a model that waits for a reload (it is being unloaded); false if none did. */
  synchronized boolean forgetLost(String modelId) {
    return !closed && lost.remove(modelId);
  }

  /**
   * Forgets a model and returns its running and waiting generations, for the caller to cancel; null
   * if it was not loaded or the engine is closed (then {@link #isClosed()} tells which).
   */
  synchronized List<GenerationHandle> removeModel(String modelId) {
    if (closed || models.remove(modelId) == null) {
      return null;
    }
    requests.remove(modelId);
    return slots.of(modelId);
  }

  /**
   * The backend lost {@code modelIds}: they are forgotten and the runtime counts as failed until it
   * says it is ready or a load succeeds.
   *
   * @param reload whether to load them again (with the same requests) once the runtime is ready
   * @return those of them that were loaded; null once closed (then nothing changed)
   */
  synchronized List<String> invalidatedByBackend(List<String> modelIds, boolean reload) {
    if (closed) {
      return null;
    }
    List<String> known = new ArrayList<>();
    for (String id : modelIds) {
      if (models.remove(id) != null) {
        known.add(id);
        LoadRequest request = requests.remove(id);
        if (reload && request != null) {
          lost.add(request);
        }
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

  /**
   * Why a generation cannot run on {@code modelId}, which is not loaded: {@code RUNTIME_UNAVAILABLE}
   * while it waits for its reload after a runtime restart (retry later), else {@code MODEL_NOT_FOUND}.
   */
  synchronized EngineException notLoaded(String modelId) {
    return lost.contains(modelId) ? EngineErrors.reloading(modelId, retryAfterSeconds)
        : EngineErrors.modelNotLoaded(modelId);
  }

  // ---- runtime and lifecycle ---------------------------------------------------------------------

  /**
   * The backend's runtime failed; false (and no change) once closed.
   *
   * @param retryAfterSeconds when a request refused meanwhile may try again
   */
  synchronized boolean markRuntimeFailed(long retryAfterSeconds) {
    if (closed) {
      return false;
    }
    runtimeFailed = true;
    this.retryAfterSeconds = retryAfterSeconds;
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
    requests.clear();
    lost.clear();
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
   * @throws EngineException closed ({@code RUNTIME_ERROR}), {@code MODEL_NOT_FOUND}, {@code
   *     RUNTIME_UNAVAILABLE} (the model waits for its reload) or {@code QUEUE_FULL}
   */
  synchronized boolean admit(GenerationHandle handle) {
    if (closed) {
      throw EngineErrors.engineClosed();
    }
    if (!models.containsKey(handle.modelId())) {
      throw notLoaded(handle.modelId());
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
