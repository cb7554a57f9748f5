package dev.eventschema.engine.core;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.GenerationCompletedEventBuilder;
import dev.eventschema.engine.events.GenerationStartedEventBuilder;
import dev.eventschema.engine.events.ModelInvalidatedEventBuilder;
import dev.eventschema.engine.events.ModelLoadedEventBuilder;
import dev.eventschema.engine.events.ModelUnloadedEventBuilder;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.RuntimeStatusEventBuilder;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TextPromptBuilder;
import dev.eventschema.engine.events.TokenGeneratedEventBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
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
 *       stop}, {@code length} or {@code cancelled}) or {@code error}.
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
 */
public final class Engine implements AutoCloseable {

  public static final int DEFAULT_MAX_CONCURRENT = 4;
  public static final int DEFAULT_MAX_WAITING = 64;

  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final ModelBackend backend;
  private final boolean ownsBackend;
  private final EngineEventEmitter emitter;
  private final boolean ownsEmitter;
  private final String idPrefix;
  private final AtomicLong generationNumber = new AtomicLong();

  private final ReentrantLock lock = new ReentrantLock();
  // guarded by lock
  private final Map<String, LoadedModel> models = new LinkedHashMap<>();
  private final GenerationSlots slots;
  private int loadsInFlight;
  private boolean runtimeFailed;
  private boolean closed;
  /** Set when close() is done: the status is {@code shutdown} from then on. */
  private boolean shutdown;

  /** Serialises status reports, so that the last one reported is always the current one. */
  private final ReentrantLock statusLock = new ReentrantLock();
  // guarded by statusLock
  private RuntimeStatusEvent lastStatus;

  private Engine(Builder builder) {
    this.emitter = builder.emitter != null ? builder.emitter : EngineEventEmitter.builder().build();
    this.ownsEmitter = builder.emitter == null;
    this.slots = new GenerationSlots(builder.maxConcurrent, builder.maxWaiting);
    this.idPrefix = builder.generationIdPrefix;
    this.backend = Objects.requireNonNull(builder.backendFactory.apply(new Listener()), "the backend factory returned null");
    this.ownsBackend = builder.ownsBackend;
    updateStatus();
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
    Objects.requireNonNull(request, "request");
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(closedError());
      }
      loadsInFlight++;
    } finally {
      lock.unlock();
    }
    updateStatus();
    long startNanos = System.nanoTime();
    CompletableFuture<LoadedModel> loading;
    try {
      loading = backend.load(request);
    } catch (RuntimeException e) {
      loading = CompletableFuture.failedFuture(e);
    }
    return loading.handle((model, failure) -> {
      boolean accepted;
      lock.lock();
      try {
        loadsInFlight--;
        accepted = failure == null && !closed;
        if (accepted) {
          models.put(model.modelId(), model);
          runtimeFailed = false;
        }
      } finally {
        lock.unlock();
      }
      if (failure != null) {
        EngineException error = engineException(failure, ErrorCode.MODEL_LOAD_FAILED);
        emitError(null, error, request.modelId());
        updateStatus();
        throw error;
      }
      if (accepted) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("backend", backend.name());
        metadata.put("loadMs", round((System.nanoTime() - startNanos) / 1e6));
        ModelLoadedEventBuilder event = ModelLoadedEventBuilder.builder()
            .model(model.modelId()).modelPath(model.modelPath()).parameters(model.parameters()).metadata(metadata);
        model.quantization().ifPresent(event::quantization);
        emitSafely(() -> emitter.emitModelLoaded(event.build()));
      }
      updateStatus();
      return model;
    });
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
    Objects.requireNonNull(modelId, "modelId");
    List<GenerationHandle> toCancel;
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(closedError());
      }
      if (models.remove(modelId) == null) {
        EngineException error = notLoaded(modelId);
        return CompletableFuture.failedFuture(error);
      }
      toCancel = slots.of(modelId);
    } finally {
      lock.unlock();
    }
    toCancel.forEach(GenerationHandle::cancel);
    CompletableFuture<Void> unloading;
    try {
      unloading = backend.unload(modelId);
    } catch (RuntimeException e) {
      unloading = CompletableFuture.failedFuture(e);
    }
    return unloading.handle((done, failure) -> {
      if (failure != null) {
        EngineException error = engineException(failure, ErrorCode.RUNTIME_ERROR);
        emitError(null, error, modelId);
        updateStatus();
        throw error;
      }
      ModelUnloadedEventBuilder event = ModelUnloadedEventBuilder.builder().model(modelId);
      if (reason != null && !reason.isEmpty()) {
        event.reason(reason);
      }
      emitSafely(() -> emitter.emitModelUnloaded(event.build()));
      updateStatus(); // after the event, so that the status never runs ahead of what it counts
      return null;
    });
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
    List<GenerationHandle> toCancel;
    lock.lock();
    try {
      if (closed || models.remove(modelId) == null) {
        return false;
      }
      toCancel = slots.of(modelId);
    } finally {
      lock.unlock();
    }
    emitSafely(() -> emitter.emitModelInvalidated(
        ModelInvalidatedEventBuilder.builder().model(modelId).reason(reason).build()));
    toCancel.forEach(GenerationHandle::cancel);
    try {
      backend.unload(modelId).exceptionally(ignored -> null);
    } catch (RuntimeException ignored) {
      // the model is gone from the engine either way
    }
    updateStatus();
    return true;
  }

  /** The models loaded now, by id, in the order they were loaded. */
  public Map<String, LoadedModel> loadedModels() {
    lock.lock();
    try {
      return Map.copyOf(models);
    } finally {
      lock.unlock();
    }
  }

  /** Whether {@code modelId} is loaded now. */
  public boolean isLoaded(String modelId) {
    lock.lock();
    try {
      return models.containsKey(modelId);
    } finally {
      lock.unlock();
    }
  }

  // ---- generations -----------------------------------------------------------------------------

  /**
   * Submits a generation: it starts at once if fewer than {@code maxConcurrent} run, else waits in
   * the queue.
   *
   * @throws EngineException {@code MODEL_NOT_FOUND} if the model is not loaded, {@code QUEUE_FULL} if
   *     {@code maxWaiting} requests already wait, {@code RUNTIME_ERROR} once closed; an {@code error}
   *     event is emitted for each
   */
  public GenerationHandle generate(GenerationRequest request) {
    Objects.requireNonNull(request, "request");
    String id = idPrefix + generationNumber.incrementAndGet();
    GenerationHandle[] self = new GenerationHandle[1];
    GenerationHandle handle = new GenerationHandle(id, request, () -> leaveQueue(self[0]));
    self[0] = handle;
    boolean startNow = false;
    EngineException refused = null;
    lock.lock();
    try {
      if (closed) {
        refused = closedError();
      } else if (!models.containsKey(request.modelId())) {
        refused = notLoaded(request.modelId());
      } else {
        GenerationSlots.Admission admission = slots.admit(handle);
        startNow = admission == GenerationSlots.Admission.RUNNING;
        if (admission == GenerationSlots.Admission.FULL) {
          refused = new EngineException(ErrorCode.QUEUE_FULL, "the generation queue is full ("
              + slots.maxWaiting() + " waiting, " + slots.running() + " running); try again later",
              Map.of("model", request.modelId(), "waiting", slots.maxWaiting(), "running", slots.running()));
        }
      }
    } finally {
      lock.unlock();
    }
    if (refused != null) {
      if (refused.code() != ErrorCode.RUNTIME_ERROR) {
        emitError(null, refused, request.modelId());
      }
      throw refused;
    }
    if (startNow) {
      start(handle);
    }
    updateStatus();
    return handle;
  }

  /** Generations running now. */
  public int runningGenerations() {
    lock.lock();
    try {
      return slots.running();
    } finally {
      lock.unlock();
    }
  }

  /** Generations waiting in the queue now. */
  public int waitingGenerations() {
    lock.lock();
    try {
      return slots.waiting();
    } finally {
      lock.unlock();
    }
  }

  public int maxConcurrent() {
    return slots.maxConcurrent();
  }

  public int maxWaiting() {
    return slots.maxWaiting();
  }

  // ---- status ------------------------------------------------------------------------------------

  /** The engine's status now (what the last {@code runtimeStatus} event said, or will say). */
  public RuntimeStatusEvent status() {
    return currentStatus();
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
    List<GenerationHandle> queued;
    List<GenerationHandle> active;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      queued = slots.drainWaiting();
      active = slots.runningNow();
    } finally {
      lock.unlock();
    }
    for (GenerationHandle handle : queued) {
      handle.finish(FinishReason.CANCELLED, 0);
    }
    active.forEach(GenerationHandle::cancel);
    try {
      CompletableFuture.allOf(active.stream().map(h -> h.completion().exceptionally(e -> null))
          .toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("generations still running {} s after close; shutting down anyway", CLOSE_WAIT_SECONDS);
    }
    if (ownsBackend) {
      try {
        backend.close();
      } catch (RuntimeException e) {
        LOG.warn("closing the {} backend failed", backend.name(), e);
      }
    }
    List<String> unloaded;
    lock.lock();
    try {
      unloaded = new ArrayList<>(models.keySet());
      models.clear();
      slots.clearRunning();
      loadsInFlight = 0;
      shutdown = true;
    } finally {
      lock.unlock();
    }
    for (String modelId : unloaded) {
      emitSafely(() -> emitter.emitModelUnloaded(
          ModelUnloadedEventBuilder.builder().model(modelId).reason("engine shutdown").build()));
    }
    updateStatus();
    if (ownsEmitter) {
      emitter.close();
    }
  }

  // ---- internals -------------------------------------------------------------------------------

  private void start(GenerationHandle handle) {
    while (handle != null) {
      GenerationHandle next = null;
      if (handle.markStarted()) {
        if (!startOne(handle)) {
          next = releaseSlot(handle);
        }
      } else {
        next = releaseSlot(handle);
      }
      handle = next;
    }
  }

  /** Starts a generation on the backend; false if it ended before it could run. */
  private boolean startOne(GenerationHandle handle) {
    GenerationRequest request = handle.request();
    if (!isLoaded(request.modelId())) {
      EngineException error = notLoaded(request.modelId());
      emitError(handle.id(), error, request.modelId());
      handle.fail(error);
      return false;
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("temperature", request.temperature());
    request.seed().ifPresent(seed -> metadata.put("seed", seed));
    request.tokensPerSecond().ifPresent(rate -> metadata.put("tokensPerSecond", rate));
    metadata.put("queuedMs", round(handle.queuedNanos() / 1e6));
    emitSafely(() -> emitter.emitGenerationStarted(handle.id(), GenerationStartedEventBuilder.builder()
        .model(request.modelId())
        .prompt(TextPromptBuilder.builder().text(request.prompt()).build())
        .maxTokens(request.maxTokens())
        .metadata(metadata)
        .build()));
    Generation generation;
    try {
      generation = backend.generate(request, (text, logprob) -> onToken(handle, text, logprob));
    } catch (RuntimeException e) {
      EngineException error = engineException(e, ErrorCode.GENERATION_FAILED);
      emitError(handle.id(), error, request.modelId());
      handle.fail(error);
      return false;
    }
    handle.attach(generation);
    generation.result().whenComplete((reason, failure) -> finished(handle, reason, failure));
    return true;
  }

  private void onToken(GenerationHandle handle, String text, OptionalDouble logprob) {
    OptionalDouble checked = logprob.isPresent() && Double.isFinite(logprob.getAsDouble())
        ? OptionalDouble.of(Math.min(0.0, logprob.getAsDouble())) : OptionalDouble.empty();
    TokenGeneratedEventBuilder event = TokenGeneratedEventBuilder.builder().model(handle.modelId()).token(text);
    checked.ifPresent(event::logprob);
    emitSafely(() -> emitter.emitTokenGenerated(handle.id(), event.build()));
    handle.onToken(text, checked);
  }

  private void finished(GenerationHandle handle, FinishReason reason, Throwable failure) {
    double durationMs = handle.elapsedMs();
    if (failure != null) {
      EngineException error = engineException(failure, ErrorCode.GENERATION_FAILED);
      emitError(handle.id(), error, handle.modelId());
      handle.fail(error);
    } else {
      long tokens = handle.textTokens();
      double throughput = durationMs > 0 ? tokens / (durationMs / 1000.0) : 0;
      emitSafely(() -> emitter.emitGenerationCompleted(handle.id(), GenerationCompletedEventBuilder.builder()
          .model(handle.modelId())
          .tokensGenerated(tokens)
          .durationMs(round(durationMs))
          .throughput(round(throughput))
          .metadata(Map.of("finishReason", reason.name().toLowerCase(Locale.ROOT)))
          .build()));
      handle.finish(reason, durationMs);
      if (reason != FinishReason.CANCELLED) {
        clearRuntimeFailure();
      }
    }
    GenerationHandle next = releaseSlot(handle);
    start(next);
    updateStatus();
  }

  /** Frees {@code handle}'s slot; returns the waiting request that takes it, if any. */
  private GenerationHandle releaseSlot(GenerationHandle handle) {
    lock.lock();
    try {
      return slots.release(handle, !closed);
    } finally {
      lock.unlock();
    }
  }

  /** A waiting request was cancelled: it leaves the queue and ends without having run. */
  private void leaveQueue(GenerationHandle handle) {
    boolean removed;
    lock.lock();
    try {
      removed = slots.leave(handle);
    } finally {
      lock.unlock();
    }
    if (removed) {
      handle.finish(FinishReason.CANCELLED, 0);
      updateStatus();
    }
    // otherwise it is starting right now: start() sees the cancel and stops it
  }

  private void clearRuntimeFailure() {
    lock.lock();
    try {
      runtimeFailed = false;
    } finally {
      lock.unlock();
    }
  }

  private RuntimeStatusEvent currentStatus() {
    int modelsLoaded;
    int active;
    int queued;
    RuntimeStatus status;
    lock.lock();
    try {
      modelsLoaded = models.size();
      active = slots.running() + loadsInFlight;
      queued = slots.waiting();
      status = shutdown ? RuntimeStatus.SHUTDOWN
          : runtimeFailed ? RuntimeStatus.ERROR
          : active > 0 || queued > 0 ? RuntimeStatus.BUSY
          : RuntimeStatus.READY;
    } finally {
      lock.unlock();
    }
    return RuntimeStatusEventBuilder.builder()
        .status(status)
        .modelsLoaded(modelsLoaded)
        .activeTasks(active)
        .metadata(Map.of("requestsWaiting", queued, "backend", backend == null ? "none" : backend.name()))
        .build();
  }

  /** Emits {@code runtimeStatus} if status, models loaded or active tasks changed; never after shutdown. */
  private void updateStatus() {
    statusLock.lock();
    try {
      if (lastStatus != null && lastStatus.status() == RuntimeStatus.SHUTDOWN) {
        return;
      }
      RuntimeStatusEvent now = currentStatus();
      if (lastStatus == null || now.status() != lastStatus.status() || now.modelsLoaded() != lastStatus.modelsLoaded()
          || now.activeTasks().orElse(0) != lastStatus.activeTasks().orElse(0)) {
        lastStatus = now;
        emitSafely(() -> emitter.emitRuntimeStatus(now));
      }
    } finally {
      statusLock.unlock();
    }
  }

  private void emitError(String generationId, EngineException error, String model) {
    ErrorEvent event;
    try {
      event = model == null || model.isEmpty() || model.length() > 256 ? error.toEvent() : error.toEvent(model);
    } catch (RuntimeException invalid) {
      event = error.toEvent();
    }
    ErrorEvent toEmit = event;
    emitSafely(() -> {
      if (generationId == null) {
        emitter.emitError(toEmit);
      } else {
        emitter.emitError(generationId, toEmit);
      }
    });
  }

  /**
   * Runs an emission; an event that breaks its schema (a model id too long, say) is already recorded
   * as a rejection by the emitter, and must not break the engine.
   */
  private static void emitSafely(Runnable emission) {
    try {
      emission.run();
    } catch (EngineException e) {
      LOG.debug("an engine event was rejected: {}", e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("emitting an engine event failed", e);
    }
  }

  private static EngineException engineException(Throwable failure, ErrorCode fallback) {
    Throwable cause = Deadlines.unwrap(failure);
    if (cause instanceof EngineException engineException) {
      return engineException;
    }
    return new EngineException(fallback, String.valueOf(cause.getMessage() == null ? cause : cause.getMessage()),
        Map.of(), cause);
  }

  private static EngineException notLoaded(String modelId) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "model '" + modelId + "' is not loaded",
        Map.of("model", modelId));
  }

  private static EngineException closedError() {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "the engine is shut down");
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  /** What the backend tells the engine on its own. */
  private final class Listener implements BackendListener {

    @Override
    public void modelsInvalidated(List<String> modelIds, String reason) {
      List<String> known = new ArrayList<>();
      lock.lock();
      try {
        if (closed) {
          return;
        }
        for (String id : modelIds) {
          if (models.remove(id) != null) {
            known.add(id);
          }
        }
        runtimeFailed = true;
      } finally {
        lock.unlock();
      }
      for (String id : modelIds) {
        emitSafely(() -> emitter.emitModelInvalidated(
            ModelInvalidatedEventBuilder.builder().model(id).reason(reason).build()));
      }
      LOG.warn("the backend invalidated {} ({}); {} of them were loaded", modelIds, reason, known);
      updateStatus();
    }

    @Override
    public void runtimeError(EngineException error) {
      lock.lock();
      try {
        if (closed) {
          return;
        }
        runtimeFailed = true;
      } finally {
        lock.unlock();
      }
      emitError(null, error, null);
      updateStatus();
    }

    @Override
    public void runtimeReady() {
      clearRuntimeFailure();
      updateStatus();
    }

    @Override
    public void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {
      // Recorded as a rejection from the runtime, visible on the stream and counted.
      RuntimeRejections.record(emitter, messageType, payload, violations);
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

    /** Makes the engine, which emits its first {@code runtimeStatus} ({@code ready}) at once. */
    public Engine build() {
      if (backendFactory == null) {
        throw new IllegalStateException("an engine needs a backend");
      }
      return new Engine(this);
    }
  }
}
