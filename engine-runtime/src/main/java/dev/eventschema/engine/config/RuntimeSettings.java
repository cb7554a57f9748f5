package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How to run and talk to an external runtime (docs/runtime-protocol.md): {@code engine.runtime} in
 * the config file, {@code --runtime "PROGRAM ARGS"} on the command line. The duration methods are the
 * one place the defaults are applied. Wire name {@code runtimeSettings}.
 *
 * <pre>{@code RuntimeSettingsBuilder.builder().command(List.of("python3", "runtime.py")).build()}</pre>
 */
@EventSchema(value = "runtimeSettings", version = 2)
public interface RuntimeSettings {

  long DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
  long DEFAULT_LOAD_TIMEOUT_MS = 120_000;
  long DEFAULT_STREAM_IDLE_TIMEOUT_MS = 30_000;
  long DEFAULT_SHUTDOWN_TIMEOUT_MS = 5_000;
  long DEFAULT_RESTART_INITIAL_MS = 250;
  long DEFAULT_RESTART_MAX_MS = 30_000;
  long DEFAULT_RESTART_STABLE_AFTER_MS = 60_000;
  int DEFAULT_MAX_LINE_CHARS = 1 << 20;
  boolean DEFAULT_RELOAD_AFTER_RESTART = true;

  /** The program and its arguments, such as {@code ["python3", "runtime.py"]}. */
  @Size(min = 1, max = 256) List<@Size(min = 1, max = 4096) String> command();

  /** The longest wait for the answer to a request other than {@code load_model}. */
  @Range(min = 1, max = 3_600_000) OptionalLong requestTimeoutMs();

  /** The longest wait for {@code load_model}, which may read gigabytes. */
  @Range(min = 1, max = 3_600_000) OptionalLong loadTimeoutMs();

  /** The longest a running stream may stay silent before it fails; must exceed the slowest pacing. */
  @Range(min = 1, max = 3_600_000) OptionalLong streamIdleTimeoutMs();

  /** How long the runtime gets to exit after {@code shutdown} before it is killed. */
  @Range(min = 1, max = 600_000) OptionalLong shutdownTimeoutMs();

  /** The first wait before restarting a runtime that died; doubles with each consecutive failure. */
  @Range(min = 1, max = 3_600_000) OptionalLong restartInitialMs();

  /** The longest wait between restarts (it wins over {@link #restartInitialMs()} if smaller). */
  @Range(min = 1, max = 3_600_000) OptionalLong restartMaxMs();

  /** A runtime up this long before dying counts as healthy: its next restart waits the initial delay. */
  @Range(min = 1, max = 86_400_000) OptionalLong restartStableAfterMs();

  /** The longest line accepted from the runtime; a longer one is rejected and skipped. */
  @Range(min = 1024, max = 64 << 20) OptionalInt maxLineChars();

  /**
   * Whether the engine loads the models a dead runtime held into the restarted one (same ids, paths
   * and options), emitting {@code modelLoaded} again; true by default. When false they stay
   * invalidated until loaded again by hand.
   */
  Optional<Boolean> reloadAfterRestart();

  default Duration requestTimeout() {
    return Duration.ofMillis(requestTimeoutMs().orElse(DEFAULT_REQUEST_TIMEOUT_MS));
  }

  default Duration loadTimeout() {
    return Duration.ofMillis(loadTimeoutMs().orElse(DEFAULT_LOAD_TIMEOUT_MS));
  }

  default Duration streamIdleTimeout() {
    return Duration.ofMillis(streamIdleTimeoutMs().orElse(DEFAULT_STREAM_IDLE_TIMEOUT_MS));
  }

  default Duration shutdownTimeout() {
    return Duration.ofMillis(shutdownTimeoutMs().orElse(DEFAULT_SHUTDOWN_TIMEOUT_MS));
  }

  default Duration restartInitial() {
    return Duration.ofMillis(restartInitialMs().orElse(DEFAULT_RESTART_INITIAL_MS));
  }

  default Duration restartMax() {
    return Duration.ofMillis(restartMaxMs().orElse(DEFAULT_RESTART_MAX_MS));
  }

  default Duration restartStableAfter() {
    return Duration.ofMillis(restartStableAfterMs().orElse(DEFAULT_RESTART_STABLE_AFTER_MS));
  }

  default int maxLineCharsOrDefault() {
    return maxLineChars().orElse(DEFAULT_MAX_LINE_CHARS);
  }

  default boolean reloadAfterRestartOrDefault() {
    return reloadAfterRestart().orElse(DEFAULT_RELOAD_AFTER_RESTART);
  }
}
