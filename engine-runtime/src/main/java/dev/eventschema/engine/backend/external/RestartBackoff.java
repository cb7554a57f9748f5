package dev.eventschema.engine.backend.external;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before restarting a runtime that died: {@code initial}, doubling with each
 * consecutive failure, never more than {@code max}. A runtime that stayed up for {@code stableAfter}
 * before dying counts as healthy again, so its next restart waits {@code initial} again; without
 * that a crash-looping runtime would be restarted as fast as a healthy one that crashed once.
 */
public record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

  public RestartBackoff {
    Objects.requireNonNull(initial, "initial");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(stableAfter, "stableAfter");
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("need 0 < initial <= max, was " + initial + " and " + max);
    }
  }

  /** 250 ms, doubling up to 30 s; healthy again after a minute up. */
  public static RestartBackoff defaults() {
    return new RestartBackoff(Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofMinutes(1));
  }

  /** The wait before restart number {@code attempt} (1 for the first restart after a healthy run). */
  public Duration delay(int attempt) {
    Duration delay = initial;
    for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) < 0 ? delay : max;
  }
}
