package dev.eventschema.engine.backend.ngram;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.StreamingGeneration;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives one generation on the backend's scheduler. Unpaced, it produces tokens in slices, handing
 * the thread back between slices so that a long generation does not starve the others; paced, it
 * produces one token per tick, each tick due at {@code start + i / rate} so that jitter does not
 * accumulate. A waiting paced generation holds no thread.
 */
final class NgramRun implements Runnable {

  /** Tokens per slice when unpaced: a few hundred microseconds of work. */
  private static final int SLICE = 256;

  private final NgramSampler sampler;
  private final StreamingGeneration generation;
  private final ScheduledExecutorService scheduler;
  /** Nanoseconds between tokens, or 0 when unpaced. */
  private final long period;
  private long nextDue;
  private volatile Future<?> scheduled;

  NgramRun(NgramSampler sampler, StreamingGeneration generation, ScheduledExecutorService scheduler,
      OptionalDouble tokensPerSecond) {
    this.sampler = sampler;
    this.generation = generation;
    this.scheduler = scheduler;
    this.period = tokensPerSecond.isPresent() ? Math.max(1, Math.round(1e9 / tokensPerSecond.getAsDouble())) : 0;
  }

  /** Starts producing; the first token is due at once. */
  void start() {
    nextDue = System.nanoTime();
    submit(0);
  }

  /** Called when the generation is cancelled: a tick still waiting need not run. */
  void stop() {
    Future<?> pending = scheduled;
    if (pending != null) {
      pending.cancel(false);
    }
  }

  @Override
  public void run() {
    try {
      boolean more = period == 0 ? produceSlice() : produceOne();
      if (more) {
        nextDue += period;
        submit(nextDue - System.nanoTime());
      }
    } catch (RuntimeException bug) {
      generation.fail(new EngineException(ErrorCode.GENERATION_FAILED, "n-gram generation failed: " + bug,
          Map.of(), bug));
    }
  }

  private boolean produceSlice() {
    for (int i = 0; i < SLICE; i++) {
      if (!produceOne()) {
        return false;
      }
    }
    return true;
  }

  private boolean produceOne() {
    SampledToken token = sampler.next();
    return generation.emit(token.text(), OptionalDouble.of(token.logprob()), token.alternatives());
  }

  private void submit(long delayNanos) {
    try {
      scheduled = delayNanos > 0 ? scheduler.schedule(this, delayNanos, TimeUnit.NANOSECONDS) : scheduler.submit(this);
    } catch (RejectedExecutionException closing) {
      generation.finish(FinishReason.CANCELLED);
    }
  }
}
