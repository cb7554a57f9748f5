package dev.eventschema.engine.export.otlp;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One concise line for a run of failures of the same thing, instead of a stack trace at each: the
 * first failure is logged at once, then at most one line every {@code every} while failures go on
 * (saying how many there were since the last line), and one line when it succeeds again.
 * Thread-safe.
 */
final class FailureLog {

  private final String what;
  private final long everyNanos;
  private final LongSupplier nanoTime;
  private final Consumer<String> warn;
  private final Consumer<String> info;
  private boolean failing;
  private long lastLoggedNanos;
  /** Failures since the last line logged. */
  private long unlogged;
  /** Failures since the last success. */
  private long inARow;

  /**
   * @param what what fails, as the lines name it ({@code "OTLP meter push to http://...:4318/v1/metrics"})
   * @param every the least time between two lines about the same run of failures
   * @param nanoTime a monotonic clock, {@code System::nanoTime}
   * @param warn where the failure lines go
   * @param info where the line saying it succeeds again goes
   */
  FailureLog(String what, Duration every, LongSupplier nanoTime, Consumer<String> warn, Consumer<String> info) {
    this.what = Objects.requireNonNull(what, "what");
    this.everyNanos = every.toNanos();
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.warn = Objects.requireNonNull(warn, "warn");
    this.info = Objects.requireNonNull(info, "info");
  }

  /** One more failure, for {@code cause} (a short, one-line reason: {@code "HTTP 400"}). */
  void failed(String cause) {
    String line;
    synchronized (this) {
      inARow++;
      unlogged++;
      long now = nanoTime.getAsLong();
      if (failing && now - lastLoggedNanos < everyNanos) {
        return;
      }
      line = failing
          ? what + " failed: " + cause + " (" + unlogged + " failures since the last report, " + inARow + " in a row)"
          : what + " failed: " + cause + " (reported at most once every " + everyNanos / 1_000_000_000 + " s while"
              + " failures go on)";
      failing = true;
      lastLoggedNanos = now;
      unlogged = 0;
    }
    warn.accept(line);
  }

  /** A success: ends a run of failures, which is then logged once. */
  void succeeded() {
    long failures;
    synchronized (this) {
      if (!failing) {
        return;
      }
      failures = inARow;
      failing = false;
      inARow = 0;
      unlogged = 0;
    }
    info.accept(what + " succeeds again, after " + failures + " failures");
  }
}
