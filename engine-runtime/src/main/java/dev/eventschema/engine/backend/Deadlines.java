package dev.eventschema.engine.backend;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/** Bounds the wait on backend futures, so that the "no caller waits forever" promise holds. */
public final class Deadlines {

  private Deadlines() {}

  /**
   * Fails {@code future} itself with an {@link EngineException} of code {@link ErrorCode#TIMEOUT} if
   * it is not complete after {@code timeout}. Completing the future itself (rather than a copy) lets
   * whoever registered it (a table of pending requests) see the timeout and clean up.
   *
   * @param what what is awaited, for the message, such as {@code load_model of 'm1'}
   * @return {@code future}
   */
  public static <T> CompletableFuture<T> within(CompletableFuture<T> future, Duration timeout, String what) {
    if (!future.isDone()) {
      CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(() -> {
        if (!future.isDone()) {
          future.completeExceptionally(new EngineException(ErrorCode.TIMEOUT,
              what + " timed out after " + timeout.toMillis() + " ms", Map.of("timeoutMs", timeout.toMillis())));
        }
      });
    }
    return future;
  }

  /** The cause of a {@link CompletionException}, which futures wrap failures in. */
  public static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }
}
