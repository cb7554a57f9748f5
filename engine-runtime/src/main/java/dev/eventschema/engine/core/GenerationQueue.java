package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.backend.TokenAlternative;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission and the queue: takes generation requests, starts them on the backend while slots are
 * free, queues the rest in arrival order, and hands each freed slot to the next waiting request.
 *
 * <p>It has no thread of its own: a request starts on the caller's thread when a slot is free, and
 * otherwise on the backend thread that ended the generation whose slot it takes. Each generation's
 * events are {@code generationStarted}, one {@code tokenGenerated} per token, then exactly one of
 * {@code generationCompleted} or {@code error}.
 */
final class GenerationQueue {

  private static final Logger LOG = LoggerFactory.getLogger(GenerationQueue.class);
  /** How long closing waits for cancelled generations to report their end. */
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final ModelBackend backend;
  private final EngineState state;
  private final EngineEvents events;
  private final StatusTracker status;
  private final String idPrefix;
  private final AtomicLong generationNumber = new AtomicLong();

  GenerationQueue(ModelBackend backend, EngineState state, EngineEvents events, StatusTracker status,
      String idPrefix) {
    this.backend = backend;
    this.state = state;
    this.events = events;
    this.status = status;
    this.idPrefix = idPrefix;
  }

  /** See {@link Engine#generate(GenerationRequest, Consumer)}. */
  GenerationHandle submit(GenerationRequest request, Consumer<GenerationHandle> beforeStart) {
    GenerationHandle handle = new GenerationHandle(idPrefix + generationNumber.incrementAndGet(), request,
        this::leaveQueue);
    beforeStart.accept(handle);
    boolean runsNow;
    try {
      runsNow = state.admit(handle);
    } catch (EngineException refused) {
      if (refused.code() != ErrorCode.RUNTIME_ERROR) { // a closed engine emits nothing more
        events.error(null, refused, request.modelId());
      }
      handle.fail(refused); // what beforeStart subscribed hears of it too
      throw refused;
    }
    if (runsNow) {
      startInSlot(handle);
    }
    status.update();
    return handle;
  }

  /**
   * Closing: what waited ends cancelled without having run, what runs is cancelled, and its end is
   * awaited (its {@code generationCompleted} emitted) for at most {@value #CLOSE_WAIT_SECONDS} s.
   */
  void cancelOnClose(EngineState.Closing closing) {
    for (GenerationHandle waiting : closing.waiting()) {
      waiting.finish(FinishReason.CANCELLED, 0);
    }
    List<GenerationHandle> running = closing.running();
    running.forEach(GenerationHandle::cancel);
    try {
      CompletableFuture.allOf(running.stream().map(h -> h.completion().exceptionally(e -> null))
          .toArray(CompletableFuture[]::new)).get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      LOG.warn("generations still running {} s after close; shutting down anyway", CLOSE_WAIT_SECONDS);
    }
  }

  /**
   * Starts {@code handle}, which holds a slot. When it cannot run (ended by close meanwhile, its
   * model gone, the backend refused), its slot passes to the next waiting request, which is started in turn:
   * a loop rather than recursion, so that a long queue of failing requests cannot overflow the stack.
   */
  private void startInSlot(GenerationHandle handle) {
    GenerationHandle next = handle;
    while (next != null) {
      boolean running = next.markStarted() && startOnBackend(next);
      next = running ? null : state.release(next);
    }
  }

  /** Starts a generation on the backend; false if it ended before it could run. */
  private boolean startOnBackend(GenerationHandle handle) {
    GenerationRequest request = handle.request();
    if (!state.isLoaded(request.modelId())) { // unloaded, or lost to a runtime restart, while it waited
      failBeforeRunning(handle, state.notLoaded(request.modelId()));
      return false;
    }
    events.generationStarted(handle);
    Generation generation;
    try {
      generation = backend.generate(request, (text, logprob, alternatives) -> onToken(handle, text, logprob,
          alternatives));
    } catch (RuntimeException e) {
      failBeforeRunning(handle, EngineErrors.fromFailure(e, ErrorCode.GENERATION_FAILED));
      return false;
    }
    handle.attach(generation);
    generation.result().whenComplete((reason, failure) -> finished(handle, reason, failure));
    return true;
  }

  private void failBeforeRunning(GenerationHandle handle, EngineException error) {
    events.error(handle.id(), error, handle.modelId());
    handle.fail(error);
  }

  private void onToken(GenerationHandle handle, String text, OptionalDouble logprob,
      List<TokenAlternative> alternatives) {
    if (handle.cancelRequested()) {
      // a stop came before the backend handed its generation over (attach), so it could not be
      // told yet: what it makes meanwhile is dropped, as Generation.cancel promises
      return;
    }
    OptionalDouble wireSafe = EngineEvents.wireLogprob(logprob);
    events.tokenGenerated(handle, text, wireSafe); // the alternatives are the caller's, not the events'
    handle.onToken(text, wireSafe, alternatives);
  }

  private void finished(GenerationHandle handle, FinishReason backendReason, Throwable failure) {
    double durationMs = handle.elapsedMs();
    if (failure != null) {
      EngineException error = EngineErrors.fromFailure(failure, ErrorCode.GENERATION_FAILED);
      events.error(handle.id(), error, handle.modelId());
      handle.fail(error);
    } else {
      FinishReason reason = handle.endedAs(backendReason);
      events.generationCompleted(handle, reason, durationMs);
      handle.finish(reason, durationMs);
      if (reason != FinishReason.CANCELLED) {
        state.clearRuntimeFailure(); // a runtime that completes generations works again
      }
    }
    startInSlot(state.release(handle));
    status.update();
  }

  /** A cancel found the generation not running: it leaves the queue and ends without having run. */
  private void leaveQueue(GenerationHandle handle) {
    if (state.leaveQueue(handle)) {
      handle.finish(FinishReason.CANCELLED, 0);
      status.update();
    }
    // otherwise it is starting right now: attach() sees the cancel and stops the backend's generation
  }
}
