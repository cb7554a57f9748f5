package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine: loads, unloads and invalidates models through a {@link ModelBackend}, runs
 * generations, and emits the eight engine events through the validating {@link EngineEventEmitter}
 * at the moments they describe.
 *
 * <ul>
 *   <li>{@code modelLoaded} when a load succeeded, {@code modelUnloaded} when an unload did, {@code
 *       modelInvalidated} when a model became stale without being unloaded (the backend's runtime
 *       restarted: reason {@code runtime_restart}; or {@link #invalidateModel}).
 *   <li>For each generation, all carrying its {@code generationId}: {@code generationStarted} when it
 *       leaves the queue; one {@code tokenGenerated} per token with its log-probability (an empty
 *       token when the model produced its end of sequence); then exactly one of {@code
 *       generationCompleted} (tokens, duration, throughput; {@code metadata.finishReason} {@code
 *       stop}, also when its caller stopped it at a stop sequence, {@code length} or {@code
 *       cancelled}) or {@code error}.
 *   <li>{@code error} for every failure (a load, an unload, a refused request, the backend's runtime).
 *   <li>{@code runtimeStatus} whenever the status, the number of models loaded or the number of
 *       active tasks (running generations and loads in progress) changes: {@code ready}, {@code busy},
 *       {@code error} (the backend's runtime failed or invalidated models, until it is ready again or
 *       a load succeeds) and, last of all, {@code shutdown}.
 * </ul>
 *
 * <p>At most {@code maxConcurrent} generations run at once; up to {@code maxWaiting} more wait in a
 * FIFO queue, and a request beyond that is refused at once with {@link ErrorCode#QUEUE_FULL}. The
 * engine has no thread of its own: generations run on the backend's threads, and the next waiting
 * request starts when a running one ends.
 *
 * <p>This class is the facade; the work is done by {@link ModelRegistry} (models), {@link
 * GenerationQueue} (admission, queue, generations), {@link StatusTracker} ({@code runtimeStatus}),
 * {@link EngineEvents} (the wire events) and {@link BackendReports} (what the backend reports), over
 * the state they share in {@link EngineState}.
 */
public final class Engine implements AutoCloseable {

  public static final int DEFAULT_MAX_CONCURRENT = 4;
  public static final int DEFAULT_MAX_WAITING = 64;

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final EngineEventEmitter emitter;
  private final boolean ownsEmitter;
  private final ModelBackend backend;
  private final boolean ownsBackend;
  private final EngineState state;
  private final StatusTracker status;
  private final ModelRegistry models;
  private final GenerationQueue generations;

  private Engine(Builder builder) {
    this.emitter = builder.emitter != null ? builder.emitter : EngineEventEmitter.builder().build();
    this.ownsEmitter = builder.emitter == null;
    this.state = new EngineState(builder.maxConcurrent, builder.maxWaiting);
    EngineEvents events = new EngineEvents(emitter);
    this.status = new StatusTracker(state, events, this::backendName);
    BackendReports reports = new BackendReports(state, events, status, builder.reloadAfterRuntimeRestart,
        this::reloadLostModels);
    this.backend = Objects.requireNonNull(builder.backendFactory.apply(reports), "the backend factory returned null");
    this.ownsBackend = builder.ownsBackend;
    this.models = new ModelRegistry(backend, state, events, status);
    this.generations = new GenerationQueue(backend, state, events, status, builder.generationIdPrefix);
    status.update();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The emitter every event of this engine goes through. */
  public EngineEventEmitter emitter() {
    return emitter;
  }

  public ModelBackend backend() {
    return backend;
  }

  /** The backend may report through its listener while it is being made, before {@link #backend} is set. */
  private String backendName() {
    return backend == null ? "none" : backend.name();
  }

  /** Likewise: a runtime ready before the registry exists has lost nothing to reload. */
  private void reloadLostModels() {
    ModelRegistry registry = models;
    if (registry != null) {
      registry.reloadLost();
    }
  }

  // ---- models ----------------------------------------------------------------------------------

  /** Loads {@code modelPath} as {@code modelId}; see {@link #loadModel(LoadRequest)}. */
  public CompletableFuture<LoadedModel> loadModel(String modelId, String modelPath) {
    return loadModel(LoadRequest.of(modelId, modelPath));
  }

  /**
   * Loads a model (replacing one loaded under the same id). Emits {@code modelLoaded}, or {@code
   * error} if the load failed.
   *
   * @return completes with the model, or exceptionally with the backend's {@link EngineException}
   */
  public CompletableFuture<LoadedModel> loadModel(LoadRequest request) {
    return models.load(Objects.requireNonNull(request, "request"));
  }

  /** Unloads a model; see {@link #unloadModel(String, String)}. */
  public CompletableFuture<Void> unloadModel(String modelId) {
    return unloadModel(modelId, null);
  }

  /**
   * Unloads a model: it stops taking generations at once, its running generations are cancelled, and
   * {@code modelUnloaded} is emitted when the backend let it go ({@code error} if it failed).
   *
   * @param reason why, shown in the event; may be null
   * @return completes when unloaded, or exceptionally ({@code MODEL_NOT_FOUND} if it was not loaded)
   */
  public CompletableFuture<Void> unloadModel(String modelId, String reason) {
    return models.unload(Objects.requireNonNull(modelId, "modelId"), reason);
  }

  /**
   * Declares a model's handle stale (its files changed, its runtime lost it): it is forgotten,
   * {@code modelInvalidated} is emitted with {@code reason}, its generations are cancelled, and the
   * backend is asked to let it go (a failure there is ignored).
   *
   * @return whether the model was loaded
   */
  public boolean invalidateModel(String modelId, String reason) {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(reason, "reason");
    return models.invalidate(modelId, reason);
  }

  /** The models loaded now, by id, in the order they were loaded. */
  public Map<String, LoadedModel> loadedModels() {
    return models.loaded();
  }

  /** Whether {@code modelId} is loaded now. */
  public boolean isLoaded(String modelId) {
    return models.isLoaded(modelId);
  }

  // ---- generations -----------------------------------------------------------------------------

  /**
   * Submits a generation: it starts at once if fewer than {@code maxConcurrent} run, else waits in
   * the queue.
   *
   * @throws EngineException {@code MODEL_NOT_FOUND} if the model is not loaded, {@code
   *     RUNTIME_UNAVAILABLE} while it waits for its reload after a runtime restart (details: {@code
   *     retryAfterSeconds}), {@code QUEUE_FULL} if {@code maxWaiting} requests already wait, {@code
   *     RUNTIME_ERROR} once closed; an {@code error} event is emitted for each but the last
   */
  public GenerationHandle generate(GenerationRequest request) {
    return generate(request, handle -> { });
  }

  /**
   * Submits a generation as {@link #generate(GenerationRequest)} does, calling {@code beforeStart}
   * with its handle first. A subscriber to {@link GenerationHandle#tokens()} added there sees every
   * token on the backend's thread as it is made (one added later may be replayed tokens the
   * generation made meanwhile), so that it can stop the generation before the next one. If the
   * request is refused, the handle fails with the exception thrown.
   */
  public GenerationHandle generate(GenerationRequest request, Consumer<GenerationHandle> beforeStart) {
    return generations.submit(Objects.requireNonNull(request, "request"), Objects.requireNonNull(beforeStart,
        "beforeStart"));
  }

  /** Generations running now. */
  public int runningGenerations() {
    return state.running();
  }

  /** Generations waiting in the queue now. */
  public int waitingGenerations() {
    return state.waiting();
  }

  public int maxConcurrent() {
    return state.maxConcurrent();
  }

  public int maxWaiting() {
    return state.maxWaiting();
  }

  // ---- status and lifecycle ----------------------------------------------------------------------

  /** The engine's status now (what the last {@code runtimeStatus} event said, or will say). */
  public RuntimeStatusEvent status() {
    return status.current();
  }

  /**
   * Stops the engine: waiting requests are cancelled, running generations are cancelled (their
   * {@code generationCompleted} is emitted, waiting at most 5 s), the backend is closed if the engine
   * owns it, {@code modelUnloaded} (reason {@code engine shutdown}) is emitted for each model still
   * loaded, and the final {@code runtimeStatus} {@code shutdown} is emitted. The emitter is closed
   * too if the engine made it. Idempotent.
   */
  @Override
  public void close() {
    EngineState.Closing closing = state.close();
    if (closing == null) {
      return;
    }
    generations.cancelOnClose(closing);
    if (ownsBackend) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the {} backend failed", backend.name(), e);
      }
    }
    models.unloadAllOnShutdown();
    status.update();
    if (ownsEmitter) {
      emitter.close();
    }
  }

  /** How to build an engine. */
  public static final class Builder {
    private Function<BackendListener, ModelBackend> backendFactory;
    private boolean ownsBackend = true;
    private EngineEventEmitter emitter;
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    private int maxWaiting = DEFAULT_MAX_WAITING;
    private String generationIdPrefix = "g-";
    private boolean reloadAfterRuntimeRestart = true;

    private Builder() {}

    /**
     * The backend, made by {@code factory} with the listener through which it tells the engine what
     * happens to it. The engine closes it when closed.
     */
    public Builder backend(Function<BackendListener, ModelBackend> factory) {
      this.backendFactory = Objects.requireNonNull(factory, "factory");
      this.ownsBackend = true;
      return this;
    }

    /**
     * A backend made elsewhere (that needs no listener, or got one already).
     *
     * @param closeWithEngine whether the engine closes it
     */
    public Builder backend(ModelBackend backend, boolean closeWithEngine) {
      Objects.requireNonNull(backend, "backend");
      this.backendFactory = listener -> backend;
      this.ownsBackend = closeWithEngine;
      return this;
    }

    /** The emitter to use (shared with telemetry and the stream); by default the engine makes one. */
    public Builder emitter(EngineEventEmitter emitter) {
      this.emitter = Objects.requireNonNull(emitter, "emitter");
      return this;
    }

    /** Generations running at once; 4 by default. */
    public Builder maxConcurrent(int maxConcurrent) {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("maxConcurrent must be >= 1, was " + maxConcurrent);
      }
      this.maxConcurrent = maxConcurrent;
      return this;
    }

    /** Requests that may wait for a slot; beyond, {@code QUEUE_FULL}. 64 by default; 0 allowed. */
    public Builder maxWaiting(int maxWaiting) {
      if (maxWaiting < 0) {
        throw new IllegalArgumentException("maxWaiting must be >= 0, was " + maxWaiting);
      }
      this.maxWaiting = maxWaiting;
      return this;
    }

    /** What generation ids start with ({@code g-} by default: {@code g-1}, {@code g-2}...). */
    public Builder generationIdPrefix(String prefix) {
      this.generationIdPrefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Whether models that the backend's runtime lost when it died are loaded again (same ids, paths
     * and options) once it is ready, each with a new {@code modelLoaded}; true by default. While one
     * waits for its reload, generations on it are refused with {@code RUNTIME_UNAVAILABLE}. When
     * false, they stay invalidated ({@code MODEL_NOT_FOUND}) until loaded again.
     */
    public Builder reloadAfterRuntimeRestart(boolean reload) {
      this.reloadAfterRuntimeRestart = reload;
      return this;
    }

    /** Makes the engine, which emits its first {@code runtimeStatus} ({@code ready}) at once. */
    public Engine build() {
      if (backendFactory == null) {
        throw new IllegalStateException("an engine needs a backend");
      }
      return new Engine(this);
    }
  }
}
