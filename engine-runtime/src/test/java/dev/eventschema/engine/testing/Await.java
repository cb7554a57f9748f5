package dev.eventschema.engine.testing;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that another thread makes true, checking it every few milliseconds. */
public final class Await {

  private static final long CHECK_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private Await() {}

  /**
   * Returns once {@code condition} holds.
   *
   * @throws AssertionError saying {@code what} was awaited when it does not hold within {@code timeout}
   */
  public static void until(BooleanSupplier condition, Duration timeout, Supplier<String> what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what.get());
      }
      LockSupport.parkNanos(CHECK_EVERY_NANOS);
    }
  }
}
