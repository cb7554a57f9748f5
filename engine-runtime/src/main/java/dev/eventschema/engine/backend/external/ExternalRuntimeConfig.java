package dev.eventschema.engine.backend.external;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run and talk to an external runtime.
 *
 * @param command the program and its arguments, such as {@code ["python3", "runtime.py"]}
 * @param requestTimeout the longest wait for the answer to a request other than {@code load_model}
 * @param loadTimeout the longest wait for {@code load_model}, which may read gigabytes
 * @param streamIdleTimeout the longest a running stream may stay silent before it fails with {@code
 *     TIMEOUT}; it must exceed the slowest pacing in use
 * @param shutdownTimeout how long the runtime gets to exit after {@code shutdown} before it is killed
 * @param restartBackoff the waits between restarts of a runtime that died
 * @param maxLineChars the longest line accepted from the runtime; a longer one is rejected and skipped
 */
public record ExternalRuntimeConfig(
    List<String> command, Duration requestTimeout, Duration loadTimeout, Duration streamIdleTimeout,
    Duration shutdownTimeout, RestartBackoff restartBackoff, int maxLineChars) {

  public ExternalRuntimeConfig {
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("the runtime command must not be empty");
    }
    for (Duration timeout : List.of(requestTimeout, loadTimeout, streamIdleTimeout, shutdownTimeout)) {
      if (Objects.requireNonNull(timeout, "timeouts").isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, was " + timeout);
      }
    }
    Objects.requireNonNull(restartBackoff, "restartBackoff");
    if (maxLineChars < 1024) {
      throw new IllegalArgumentException("maxLineChars must be at least 1024, was " + maxLineChars);
    }
  }

  /** {@code command} with the origin's 30 s request timeout, 2 min loads, 30 s idle streams, 5 s shutdown. */
  public static ExternalRuntimeConfig of(List<String> command) {
    return new ExternalRuntimeConfig(command, Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(30),
        Duration.ofSeconds(5), RestartBackoff.defaults(), 1 << 20);
  }

  public ExternalRuntimeConfig withRequestTimeout(Duration timeout) {
    return new ExternalRuntimeConfig(command, timeout, loadTimeout, streamIdleTimeout, shutdownTimeout,
        restartBackoff, maxLineChars);
  }

  public ExternalRuntimeConfig withLoadTimeout(Duration timeout) {
    return new ExternalRuntimeConfig(command, requestTimeout, timeout, streamIdleTimeout, shutdownTimeout,
        restartBackoff, maxLineChars);
  }

  public ExternalRuntimeConfig withStreamIdleTimeout(Duration timeout) {
    return new ExternalRuntimeConfig(command, requestTimeout, loadTimeout, timeout, shutdownTimeout,
        restartBackoff, maxLineChars);
  }

  public ExternalRuntimeConfig withRestartBackoff(RestartBackoff backoff) {
    return new ExternalRuntimeConfig(command, requestTimeout, loadTimeout, streamIdleTimeout, shutdownTimeout,
        backoff, maxLineChars);
  }
}
