package dev.eventschema.monitor.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * The harness's instrument (kept out of the dashboard itself): timings of the FX pulses, recorded on
 * the FX thread.
 *
 * <ul>
 *   <li><b>pulse wall</b>: from the start of the animation callbacks (where the inbox is drained) to
 *       the end of the post-layout listeners (the last of which may lay a table out again);
 *   <li><b>pulse CPU</b>: the FX thread's own CPU time over the same span ({@link
 *       ThreadMXBean#getCurrentThreadCpuTime}): the pulse's cost without the time the operating
 *       system gave to other threads and processes, so it can be compared across machine loads;
 *   <li><b>animation CPU</b> and <b>scene CPU</b>: the pulse CPU split where the scene's pulse
 *       begins (a pre-layout listener): the animation callbacks (the dashboard's frame: the model and
 *       the views' refresh), then the scene's CSS and layout passes and the post-layout listeners;
 *   <li><b>frame CPU</b>: the FX thread's CPU time from one frame start to the next, which adds the
 *       scene's synchronisation with the renderer and any {@code runLater} work;
 *   <li><b>frame interval</b>: wall time between two frame starts (16.7 ms at 60 frames per second);
 *   <li><b>events per pulse</b>: how many events the pulse applied ({@code eventsApplied}'s growth),
 *       on which the pulse's cost depends.
 * </ul>
 */
final class PulseStats {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /**
   * Measures the pulses of {@code scene}: {@code attach} starts the dashboard's own frame loop
   * after an animation timer of ours (timers run in the order they were started), so that ours
   * runs before the dashboard's per-frame work; a post-layout listener ends each pulse's measurement
   * ({@link #reset} moves it behind the listeners added since, such as a table's tail follower).
   */
  static PulseStats install(Scene scene, Runnable attach, LongSupplier eventsApplied) {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    PulseStats stats = new PulseStats(scene, eventsApplied, 1 << 16);
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        stats.frameStarted(System.nanoTime(), THREADS.getCurrentThreadCpuTime());
      }
    }.start();
    attach.run();
    scene.addPreLayoutPulseListener(stats.animationsDone);
    scene.addPostLayoutPulseListener(stats.layoutDone);
    return stats;
  }

  /** The quantiles of one measured span, in milliseconds. */
  record Quantiles(double p50, double p99, double max, double mean) {}

  /** What was measured since the last {@link #reset}. */
  record Summary(int frames, Quantiles wall, Quantiles cpu, Quantiles animationCpu, Quantiles sceneCpu,
      Quantiles frameCpu, Quantiles interval, Quantiles events) {}

  private final Scene scene;
  private final Runnable animationsDone = this::animationsDone;
  private final Runnable layoutDone = this::layoutDone;
  private final Samples wall;
  private final Samples cpu;
  private final Samples animationCpu;
  private final Samples sceneCpu;
  private final Samples frameCpu;
  private final Samples intervals;
  private final Samples events;
  private final LongSupplier eventsApplied;
  private long eventsAtFrameStart;
  private long frameStart;
  private long frameCpuStart = -1;
  private long sceneCpuStart = -1;
  private long lastFrameStart;
  private long lastFrameCpuStart = -1;

  private PulseStats(Scene scene, LongSupplier eventsApplied, int capacity) {
    this.scene = scene;
    this.eventsApplied = eventsApplied;
    events = new Samples(capacity);
    wall = new Samples(capacity);
    cpu = new Samples(capacity);
    animationCpu = new Samples(capacity);
    sceneCpu = new Samples(capacity);
    frameCpu = new Samples(capacity);
    intervals = new Samples(capacity);
  }

  private void frameStarted(long nanos, long cpuNanos) {
    if (lastFrameStart != 0) {
      intervals.add(nanos - lastFrameStart);
      frameCpu.add(cpuNanos - lastFrameCpuStart);
    }
    lastFrameStart = nanos;
    lastFrameCpuStart = cpuNanos;
    frameStart = nanos;
    frameCpuStart = cpuNanos;
    eventsAtFrameStart = eventsApplied.getAsLong();
  }

  private void animationsDone() {
    sceneCpuStart = frameStart == 0 ? -1 : THREADS.getCurrentThreadCpuTime();
  }

  private void layoutDone() {
    if (frameStart == 0 || sceneCpuStart < 0) {
      return; // a pulse without animation callbacks (layout only), or the first one after a reset
    }
    long cpuNow = THREADS.getCurrentThreadCpuTime();
    cpu.add(cpuNow - frameCpuStart);
    animationCpu.add(sceneCpuStart - frameCpuStart);
    sceneCpu.add(cpuNow - sceneCpuStart);
    wall.add(System.nanoTime() - frameStart);
    events.add(eventsApplied.getAsLong() - eventsAtFrameStart);
    frameStart = 0;
  }

  /** Forgets what was measured and puts the end of the measurement after every post-layout listener. FX thread. */
  void reset() {
    scene.removePostLayoutPulseListener(layoutDone);
    scene.addPostLayoutPulseListener(layoutDone);
    wall.clear();
    cpu.clear();
    animationCpu.clear();
    sceneCpu.clear();
    frameCpu.clear();
    intervals.clear();
    events.clear();
    frameStart = 0;
    lastFrameStart = 0;
  }

  /** What was measured since the last reset. FX thread. */
  Summary summary() {
    return new Summary(wall.count, wall.millis(), cpu.millis(), animationCpu.millis(), sceneCpu.millis(),
        frameCpu.millis(), intervals.millis(), events.quantiles(1));
  }

  /**
   * The {@code count} pulses of the longest wall time since the last reset, longest first, each as
   * "wall (CPU: animation + scene) @ events applied", in ms: whether they cost CPU or waited. FX thread.
   */
  List<String> slowest(int count) {
    return IntStream.range(0, wall.count).boxed()
        .sorted(Comparator.comparingLong((Integer i) -> wall.values[i]).reversed())
        .limit(count)
        .map(i -> String.format(Locale.ROOT, "%.1f (%.1f + %.1f) @ %d", wall.values[i] / 1e6,
            animationCpu.values[i] / 1e6, sceneCpu.values[i] / 1e6, events.values[i]))
        .toList();
  }

  /** A bounded record of samples (the later ones are not kept once it is full). */
  private static final class Samples {
    private final long[] values;
    private int count;

    Samples(int capacity) {
      values = new long[capacity];
    }

    void add(long nanos) {
      if (count < values.length) {
        values[count++] = nanos;
      }
    }

    void clear() {
      count = 0;
    }

    /** In milliseconds (the samples are nanoseconds). */
    Quantiles millis() {
      return quantiles(1e6);
    }

    Quantiles quantiles(double unit) {
      if (count == 0) {
        return new Quantiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      long[] sorted = Arrays.copyOf(values, count);
      Arrays.sort(sorted);
      return new Quantiles(at(sorted, 0.5) / unit, at(sorted, 0.99) / unit, at(sorted, 1.0) / unit,
          Arrays.stream(sorted).average().orElse(Double.NaN) / unit);
    }

    private static long at(long[] sorted, double q) {
      int index = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
      return sorted[index];
    }
  }
}
