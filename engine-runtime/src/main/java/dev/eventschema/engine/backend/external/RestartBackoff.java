package dev.eventschema.engine.backend.external;

import java.time.Duration;

/**
 * How long to wait before restarting a runtime that died: {@code initial}, doubling with each
 * consecutive failure, never more than {@code max}. A runtime that stayed up for {@code stableAfter}
 * before dying counts as healthy again, so its next restart waits {@code initial} again; without
 * that a crash-looping runtime would be restarted as fast as a healthy one that crashed once.
 *
 * <p>A plain carrier of {@code RuntimeSettings}' validated durations; if {@code max} is below
 * {@code initial}, {@code max} wins.
 */
record RestartBackoff(Duration initial, Duration max, Duration stableAfter) {

  /** The wait before restart number {@code attempt} (1 for the first restart after a healthy run). */
  public Duration delay(int attempt) {
    Duration delay = initial;
    for (int i = 1; i < attempt && delay.compareTo(max) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(max) < 0 ? delay : max;
  }
}
