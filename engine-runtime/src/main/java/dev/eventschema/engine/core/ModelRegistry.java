package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which models are loaded, and the steps that change it: load, unload and invalidate, each carried
 * out on the backend and reported with its event ({@code modelLoaded}, {@code modelUnloaded}, {@code
 * modelInvalidated}, or {@code error}) and a status update.
 *
 * <p>After a runtime restart it also loads again the models the runtime lost ({@link #reloadLost()}),
 * with the requests they were first loaded with, emitting {@code modelLoaded} for each.
 *
 * <p>The set of models itself lives in {@link EngineState}, because admitting a generation checks it
 * under the same lock as the generation slots.
 */
final class ModelRegistry {

  private static final Logger LOG = LoggerFactory.getLogger(ModelRegistry.class);

  private final ModelBackend backend;
  private final EngineState state;
  private final EngineEvents events;
  private final StatusTracker status;

  ModelRegistry(ModelBackend backend, EngineState state, EngineEvents events, StatusTracker status) {
    this.backend = backend;
    this.state = state;
    this.events = events;
    this.status = status;
  }

  /** See {@link Engine#loadModel(LoadRequest)}. */
  CompletableFuture<LoadedModel> load(LoadRequest request) {
    if (!state.beginLoad()) {
      return CompletableFuture.failedFuture(EngineErrors.engineClosed());
    }
    status.update();
    long startNanos = System.nanoTime();
    return callBackend(() -> backend.load(request)).handle((model, failure) -> {
      boolean kept = state.endLoad(request, failure == null ? model : null);
      if (failure != null) {
        EngineException error = EngineErrors.fromFailure(failure, ErrorCode.MODEL_LOAD_FAILED);
        events.error(null, error, request.modelId());
        status.update();
        throw error;
      }
      if (kept) {
        events.modelLoaded(model, backend.name(), System.nanoTime() - startNanos);
      }
      status.update();
      return model;
    });
  }

  /** See {@link Engine#unloadModel(String, String)}. */
  CompletableFuture<Void> unload(String modelId, String reason) {
    if (state.forgetLost(modelId)) { // lost to a runtime restart: the runtime no longer holds it either
      events.modelUnloaded(modelId, reason);
      status.update();
      return CompletableFuture.completedFuture(null);
    }
    List<GenerationHandle> toCancel = state.removeModel(modelId);
    if (toCancel == null) {
      return CompletableFuture.failedFuture(
          state.isClosed() ? EngineErrors.engineClosed() : EngineErrors.modelNotLoaded(modelId));
    }
    toCancel.forEach(GenerationHandle::cancel);
    return callBackend(() -> backend.unload(modelId)).handle((done, failure) -> {
      if (failure != null) {
        EngineException error = EngineErrors.fromFailure(failure, ErrorCode.RUNTIME_ERROR);
        events.error(null, error, modelId);
        status.update();
        throw error;
      }
      events.modelUnloaded(modelId, reason);
      status.update(); // after the event, so that the status never runs ahead of what it counts
      return null;
    });
  }

  /** See {@link Engine#invalidateModel(String, String)}. */
  boolean invalidate(String modelId, String reason) {
    List<GenerationHandle> toCancel = state.removeModel(modelId);
    if (toCancel == null) {
      return false;
    }
    events.modelInvalidated(modelId, reason);
    toCancel.forEach(GenerationHandle::cancel);
    // the model is gone from the engine whatever the backend answers
    callBackend(() -> backend.unload(modelId)).exceptionally(ignored -> null);
    status.update();
    return true;
  }

  /** The runtime is ready again: loads the models it lost, in the background. */
  void reloadLost() {
    for (LoadRequest request : state.reloadsToStart()) {
      reload(request);
    }
  }

  private void reload(LoadRequest request) {
    if (!state.beginLoad()) {
      return;
    }
    status.update();
    LOG.info("reloading '{}' from '{}' into the restarted runtime", request.modelId(), request.modelPath());
    long startNanos = System.nanoTime();
    callBackend(() -> backend.load(request)).whenComplete((model, failure) -> {
      EngineException error = failure == null ? null : EngineErrors.fromFailure(failure, ErrorCode.MODEL_LOAD_FAILED);
      LostModels.Outcome outcome = state.endReload(request, model, error == null ? null : error.code());
      switch (outcome) {
        case KEPT -> events.modelLoaded(model, backend.name(), System.nanoTime() - startNanos);
        case DISCARDED -> {
          if (model != null && !state.isLoaded(request.modelId())) { // unloaded meanwhile: let it go again
            callBackend(() -> backend.unload(request.modelId())).exceptionally(ignored -> null);
          }
        }
        case RETRY_NOW, RETRY_WHEN_READY, GAVE_UP -> {
          events.error(null, error, request.modelId());
          LOG.warn("reloading '{}' failed ({}): {}", request.modelId(), outcome, error.getMessage());
        }
      }
      status.update();
      if (outcome == LostModels.Outcome.RETRY_NOW) {
        reload(request);
      }
    });
  }

  /** The last step of closing: every model still loaded is forgotten and reported unloaded. */
  void unloadAllOnShutdown() {
    for (String modelId : state.shutDown()) {
      events.modelUnloaded(modelId, "engine shutdown");
    }
  }

  Map<String, LoadedModel> loaded() {
    return state.loadedModels();
  }

  boolean isLoaded(String modelId) {
    return state.isLoaded(modelId);
  }

  /** A backend call whose synchronous failure counts as the future's, so that one path handles both. */
  private static <T> CompletableFuture<T> callBackend(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
