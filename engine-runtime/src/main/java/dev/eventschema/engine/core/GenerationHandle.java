package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.TokenAlternative;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A generation submitted to the {@link Engine}: waiting in its queue, running, or ended.
 *
 * <p>{@link #tokens()} streams the tokens as they come; {@link #completion()} completes once with
 * the {@link GenerationResult} (also when cancelled: {@link FinishReason#CANCELLED}), or
 * exceptionally with an {@link dev.eventschema.engine.error.EngineException} when the generation failed.
 * Cancelling the completion future itself ({@code completion().cancel(true)}) cancels the generation
 * too.
 */
public final class GenerationHandle {

  enum State { WAITING, RUNNING, ENDED }

  private final String id;
  private final GenerationRequest request;
  private final TokenPublisher tokens = new TokenPublisher();
  private final CompletableFuture<GenerationResult> completion = new CompletableFuture<>();
  /** Called when a cancel finds it not yet running: the engine takes it out of its queue. */
  private final Consumer<GenerationHandle> onCancelWhileWaiting;
  private final long submittedNanos = System.nanoTime();
  private final StringBuilder text = new StringBuilder();
  // guarded by this
  private State state = State.WAITING;
  private Generation backendGeneration;
  /** Written under this lock; read without it on the token path ({@link #cancelRequested}). */
  private volatile boolean cancelRequested;
  private boolean stoppedBySequence;
  private long startedNanos;
  private int tokenCount;
  private long textTokens;

  GenerationHandle(String id, GenerationRequest request, Consumer<GenerationHandle> onCancelWhileWaiting) {
    this.id = Objects.requireNonNull(id, "id");
    this.request = Objects.requireNonNull(request, "request");
    this.onCancelWhileWaiting = Objects.requireNonNull(onCancelWhileWaiting, "onCancelWhileWaiting");
    completion.whenComplete((result, failure) -> {
      if (failure instanceof CancellationException) {
        cancel(); // the caller cancelled the future
      }
    });
  }

  /** The id that this generation's events carry in their envelope ({@code generationId}). */
  public String id() {
    return id;
  }

  public String modelId() {
    return request.modelId();
  }

  public GenerationRequest request() {
    return request;
  }

  /** The tokens, in order, the end-of-sequence token (empty text) last when the model produced it. */
  public Flow.Publisher<Token> tokens() {
    return tokens;
  }

  /** Completes when the generation ends; see the class comment. */
  public CompletableFuture<GenerationResult> completion() {
    return completion;
  }

  /** Whether it is still waiting in the engine's queue. */
  public synchronized boolean isWaiting() {
    return state == State.WAITING;
  }

  /** Whether it is running now. */
  public synchronized boolean isRunning() {
    return state == State.RUNNING;
  }

  /**
   * Stops the generation: a waiting one leaves the queue, a running one ends promptly with {@link
   * FinishReason#CANCELLED}. Idempotent; no-op once ended.
   *
   * @return whether this call asked for a stop (false if it had ended or was already asked)
   */
  public boolean cancel() {
    Generation running;
    synchronized (this) {
      if (state == State.ENDED || cancelRequested) {
        return false;
      }
      cancelRequested = true;
      running = backendGeneration;
    }
    if (running != null) {
      running.cancel();
    } else {
      onCancelWhileWaiting.accept(this); // waiting (or about to start)
    }
    return true;
  }

  /**
   * Ends a running generation because its caller found one of the request's stop sequences in the
   * text: it stops as {@link #cancel} stops it, but ends with {@link FinishReason#STOP} (in its result
   * and its {@code generationCompleted}), since the text ended where the request asked. Idempotent;
   * no-op once ended or cancelled.
   *
   * @return whether this call asked for a stop
   */
  public boolean stopAtSequence() {
    synchronized (this) {
      if (state == State.ENDED || cancelRequested) {
        return false;
      }
      stoppedBySequence = true;
    }
    return cancel();
  }

  // ---- engine side -------------------------------------------------------------------------

  /** Whether a stop was asked for; read for every token, so a volatile read rather than the lock. */
  boolean cancelRequested() {
    return cancelRequested;
  }

  /**
   * How the generation ends, given how its backend ended it. Once a stop was asked for, it ends as
   * asked: {@link FinishReason#STOP} for {@link #stopAtSequence}, else {@link FinishReason#CANCELLED},
   * even if the backend finished by itself meanwhile (it may run to its end before it hands its
   * generation over, and with it a way to cancel).
   */
  synchronized FinishReason endedAs(FinishReason backendReason) {
    if (!cancelRequested) {
      return backendReason;
    }
    return stoppedBySequence ? FinishReason.STOP : FinishReason.CANCELLED;
  }

  /** Moves to RUNNING; false if it was cancelled meanwhile. */
  synchronized boolean markStarted() {
    if (state != State.WAITING) {
      return false;
    }
    state = State.RUNNING;
    startedNanos = System.nanoTime();
    return true;
  }

  /** Attaches the backend's generation; cancels it at once if a cancel came in between. */
  void attach(Generation generation) {
    boolean cancelNow;
    synchronized (this) {
      backendGeneration = generation;
      cancelNow = cancelRequested;
    }
    if (cancelNow) {
      generation.cancel();
    }
  }

  /** Records a token and passes it to the subscribers. */
  Token onToken(String tokenText, java.util.OptionalDouble logprob, List<TokenAlternative> alternatives) {
    Token token;
    synchronized (this) {
      token = new Token(tokenCount++, tokenText, logprob, alternatives);
      if (!tokenText.isEmpty()) {
        textTokens++;
        text.append(tokenText);
      }
    }
    tokens.next(token);
    return token;
  }

  synchronized long queuedNanos() {
    return (startedNanos == 0 ? System.nanoTime() : startedNanos) - submittedNanos;
  }

  synchronized double elapsedMs() {
    return startedNanos == 0 ? 0 : (System.nanoTime() - startedNanos) / 1e6;
  }

  /** Ends normally; returns the result, or null if it had already ended. */
  GenerationResult finish(FinishReason reason, double durationMs) {
    GenerationResult result;
    synchronized (this) {
      if (state == State.ENDED) {
        return null;
      }
      boolean started = state == State.RUNNING;
      state = State.ENDED;
      result = new GenerationResult(id, request.modelId(), reason, textTokens, text.toString(), durationMs, started);
    }
    tokens.complete();
    completion.complete(result);
    return result;
  }

  /** Ends with an error; false if it had already ended. */
  boolean fail(Throwable error) {
    synchronized (this) {
      if (state == State.ENDED) {
        return false;
      }
      state = State.ENDED;
    }
    tokens.fail(error);
    completion.completeExceptionally(error);
    return true;
  }

  synchronized long textTokens() {
    return textTokens;
  }

  @Override
  public String toString() {
    return "Generation[" + id + " on " + request.modelId() + "]";
  }
}
