package dev.eventschema.monitor.ui;

import java.util.Arrays;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The harness's instrument (kept out of the dashboard itself): timings of the FX pulses, recorded on the FX thread: the frame interval (between two animation
 * callbacks, which is 16.7 ms when the dashboard keeps up with 60 frames per second) and the pulse's
 * work on the FX thread (from the start of the animation callback, where the inbox is drained, to
 * the end of the layout pass).
 */
final class PulseStats {

  /**
   * Measures the pulses of {@code scene}: {@code attach} starts the dashboard's own frame loop
   * between two animation timers of ours, so that one runs before the dashboard's per-frame work
   * and one after it (timers run in the order they were started); a post-layout listener ends each
   * pulse's measurement.
   */
  static PulseStats install(Scene scene, Runnable attach) {
    PulseStats stats = new PulseStats(1 << 16);
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stats.frameStarted(System.nanoTime());
      }
    }.start();
    attach.run();
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stats.handlerDone(System.nanoTime());
      }
    }.start();
    scene.addPostLayoutPulseListener(() -> stats.layoutDone(System.nanoTime()));
    return stats;
  }


  private final long[] intervals;
  private final long[] work;
  private final long[] handler;
  private final long[] cpu;
  private int cpuCount;
  private long frameCpuStart = -1;
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private int handlerCount;
  private int intervalCount;
  private int workCount;
  private long lastFrameStart;
  private long frameStart;

  PulseStats(int capacity) {
    intervals = new long[capacity];
    work = new long[capacity];
    handler = new long[capacity];
    cpu = new long[capacity];
  }

  /** At the start of the animation callback. */
  void frameStarted(long nanos) {
    if (lastFrameStart != 0 && intervalCount < intervals.length) {
      intervals[intervalCount++] = nanos - lastFrameStart;
    }
    lastFrameStart = nanos;
    frameStart = nanos;
    frameCpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
  }

  /** At the end of the dashboard's animation callback. */
  void handlerDone(long nanos) {
    if (frameStart != 0 && handlerCount < handler.length) {
      handler[handlerCount++] = nanos - frameStart;
    }
  }

  /** After the layout pass of the same pulse. */
  void layoutDone(long nanos) {
    if (frameStart != 0 && workCount < work.length) {
      work[workCount++] = nanos - frameStart;
      if (frameCpuStart >= 0 && cpuCount < cpu.length) {
        cpu[cpuCount++] = THREADS.getCurrentThreadCpuTime() - frameCpuStart;
      }
    }
    frameStart = 0;
  }

  public void reset() {
    intervalCount = 0;
    workCount = 0;
    handlerCount = 0;
    cpuCount = 0;
    lastFrameStart = 0;
    frameStart = 0;
  }

  public int frames() {
    return intervalCount;
  }

  /** The q-quantile of the pulse work, in milliseconds. */
  public double workMillis(double q) {
    return quantile(work, workCount, q);
  }

  /** The q-quantile of the frame interval, in milliseconds. */
  public double intervalMillis(double q) {
    return quantile(intervals, intervalCount, q);
  }

  /** The q-quantile of the time spent draining and applying messages (part of the pulse work), in ms. */
  public double handlerMillis(double q) {
    return quantile(handler, handlerCount, q);
  }

  /**
   * The q-quantile of the CPU time the FX thread used in the same span as {@link #workMillis}, in
   * ms: the pulse's own cost, without the time the operating system gave other threads.
   */
  public double cpuMillis(double q) {
    return quantile(cpu, cpuCount, q);
  }

  public String summary() {
    return String.format(Locale.ROOT,
        "%d frames: pulse work on the FX thread p50 %.2f ms, p99 %.2f ms, max %.2f ms"
            + " (FX-thread CPU p50 %.2f ms, p99 %.2f ms; draining and applying p50 %.2f ms, p99 %.2f ms);"
            + " frame interval p50 %.2f ms, p99 %.2f ms",
        intervalCount, workMillis(0.5), workMillis(0.99),
        workMillis(1.0), cpuMillis(0.5), cpuMillis(0.99), handlerMillis(0.5), handlerMillis(0.99),
        intervalMillis(0.5), intervalMillis(0.99));
  }

  private static double quantile(long[] values, int count, double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(q * count) - 1));
    return sorted[index] / 1e6;
  }
}
