package dev.eventschema.engine.backend;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bookkeeping every backend needs for one generation, kept in one place so that each backend
 * gets the {@link Generation} contract right the same way: tokens reach the sink in order and never
 * after the end, {@code maxTokens} is enforced, and the result completes exactly once whichever of
 * the producer, a cancelling caller or a failure gets there first.
 *
 * <p>A backend calls {@link #emit} for each token and {@link #finish} or {@link #fail} at the end;
 * all three are no-ops once the generation has ended.
 */
public final class StreamingGeneration implements Generation {

  /** A lock rather than {@code synchronized}, so that virtual threads calling the sink do not pin. */
  private final ReentrantLock lock = new ReentrantLock();
  private final CompletableFuture<FinishReason> result = new CompletableFuture<>();
  private final TokenSink sink;
  private final int maxTokens;
  private final Runnable onCancel;
  private int tokens;
  private boolean ended;

  /**
   * @param onCancel run once, right after {@link #cancel()} ended the generation, on the cancelling
   *     thread: tells the producer to stop early (it would also notice at its next {@link #emit}).
   *     It must not block: the cancelling thread may be the sink's.
   */
  public StreamingGeneration(TokenSink sink, int maxTokens, Runnable onCancel) {
    this.sink = Objects.requireNonNull(sink, "sink");
    this.maxTokens = maxTokens;
    this.onCancel = Objects.requireNonNull(onCancel, "onCancel");
  }

  /**
   * Passes one token to the sink. An empty {@code text} is the end-of-sequence token and finishes
   * the generation with {@link FinishReason#STOP}; the {@code maxTokens}-th token finishes it with
   * {@link FinishReason#LENGTH}.
   *
   * @return whether the producer should go on
   */
  public boolean emit(String text, OptionalDouble logprob) {
    return emit(text, logprob, List.of());
  }

  /** As {@link #emit(String, OptionalDouble)}, with the step's most likely tokens. */
  public boolean emit(String text, OptionalDouble logprob, List<TokenAlternative> alternatives) {
    FinishReason finished = null;
    EngineException failure = null;
    lock.lock();
    try {
      if (ended) {
        return false;
      }
      tokens++;
      try {
        sink.token(text, logprob, alternatives);
      } catch (RuntimeException sinkFailure) {
        failure = new EngineException(ErrorCode.GENERATION_FAILED, "the token sink failed: " + sinkFailure,
            Map.of(), sinkFailure);
      }
      if (ended) { // cancelled from inside the sink: cancel() completed the result
        return false;
      }
      if (failure == null) {
        if (text.isEmpty()) {
          finished = FinishReason.STOP;
        } else if (tokens >= maxTokens) {
          finished = FinishReason.LENGTH;
        } else {
          return true;
        }
      }
      ended = true;
    } finally {
      lock.unlock();
    }
    if (failure != null) {
      result.completeExceptionally(failure);
    } else {
      result.complete(finished);
    }
    return false;
  }

  /** Ends the generation normally, if it has not ended yet. */
  public void finish(FinishReason reason) {
    if (end()) {
      result.complete(reason);
    }
  }

  /** Ends the generation with an error, if it has not ended yet. */
  public void fail(EngineException error) {
    if (end()) {
      result.completeExceptionally(error);
    }
  }

  @Override
  public void cancel() {
    if (end()) {
      result.complete(FinishReason.CANCELLED);
      onCancel.run();
    }
  }

  /** Whether the generation has ended (the result may still be completing). */
  public boolean isEnded() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /** Tokens passed to the sink so far. */
  public int tokenCount() {
    lock.lock();
    try {
      return tokens;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public CompletableFuture<FinishReason> result() {
    return result;
  }

  /** Marks the generation ended; true only for the caller that did it. */
  private boolean end() {
    lock.lock();
    try {
      if (ended) {
        return false;
      }
      ended = true;
      return true;
    } finally {
      lock.unlock();
    }
  }
}
