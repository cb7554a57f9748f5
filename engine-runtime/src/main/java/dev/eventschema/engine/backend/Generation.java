package dev.eventschema.engine.backend;

import java.util.concurrent.CompletableFuture;

/** A running generation: how it ends, and a way to stop it. */
public interface Generation {

  /**
   * Completes exactly once, after the last token reached the sink: with the reason it finished, or
   * exceptionally with an {@link dev.eventschema.engine.error.EngineException}. Dependent actions run on
   * a backend thread unless added with an {@code ...Async} method; keep them quick.
   */
  CompletableFuture<FinishReason> result();

  /**
   * Asks the generation to stop. If it had not finished yet, it finishes promptly with {@link
   * FinishReason#CANCELLED} and no further token reaches the sink. Idempotent; safe from any thread,
   * including from inside the sink.
   */
  void cancel();
}
