package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;

import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.support.HubEngine;
import dev.eventschema.monitor.view.EngineView;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The load harness (not a timed test; excluded from the build): streams 25,000 events per second
 * through the engine's real stream server into the dashboard's real client, model and views, shows
 * each view in turn (after a warm-up that visits them all) and prints a table of its FX pulse
 * timings, wall and FX-thread CPU (see {@link PulseStats}), from half a second after the view is
 * shown ({@link #SETTLE_MILLIS}); docs/dashboard.md has the command.
 *
 * <pre>
 * ./mvnw -B -ntp -pl monitor-app -am verify -Dtest=PulseHarness -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgroups=measurement -DexcludedGroups= [-Dharness.rate=25000 -Dharness.seconds=24 \
 *     -Dharness.pacing=time|frame -Dharness.views=OVERVIEW,GENERATIONS,EVENTS,REJECTIONS -Dharness.slowest=10]
 * </pre>
 *
 * <p>{@code harness.pacing=frame} publishes one 60th of the rate per frame instead of per 60th of a
 * second, so that the work per pulse is that of 60 frames per second even on a loaded machine
 * whose frame rate is lower (see {@link #producePerFrame}): its CPU column compares code, not
 * machines. {@code harness.seconds} is the time all views are measured in, split between them.
 */
@Tag("measurement")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class PulseHarness {

  /**
   * How long after a view is shown its pulses are left out of its figures: it first catches up with
   * what it skipped while hidden (the events table rebuilds its rows, the charts take their new
   * points), which is the cost of switching views, reported apart as the longest pulse of that time.
   */
  private static final long SETTLE_MILLIS = 500;

  private Dashboard dashboard;
  private PulseStats pulses;
  /** The session measured, once added (read on the FX thread only). */
  private EngineSession measured;
  /** Frames started and events applied by the dashboard so far, for the frame-paced producer. */
  private final AtomicLong frames = new AtomicLong();
  private final AtomicLong applied = new AtomicLong();

  @Start
  void start(Stage stage) {
    dashboard = new Dashboard(20_000);
    Scene scene = new Scene(dashboard.root(), 1280, 800);
    pulses = PulseStats.install(scene, () -> dashboard.attach(scene),
        () -> measured == null ? 0 : measured.model().events().total());
    new AnimationTimer() { // after the dashboard's frame loop: what this frame applied is known
      @Override
      public void handle(long now) {
        applied.set(measured == null ? 0 : measured.model().events().total());
        frames.incrementAndGet();
      }
    }.start();
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void measurePulseTimesUnderLoad() throws Exception {
    int rate = Integer.getInteger("harness.rate", 25_000);
    // 24 s per view: about 1,500 pulses each, so that a p99 rests on 15 pulses rather than a few
    int seconds = Integer.getInteger("harness.seconds", 96);
    boolean framePaced = "frame".equals(System.getProperty("harness.pacing", "time"));
    try (HubEngine engine = HubEngine.start(0, 1 << 20)) {
      EngineSession session = onFx(() -> dashboard.addEngine("load", engine.baseUri(), null, null));
      run(() -> measured = session);
      waitUntil("connected", () -> session.feed().status().state() == ConnectionStatus.State.CONNECTED);
      AtomicBoolean running = new AtomicBoolean(true);
      Workload workload = new Workload(engine);
      Thread producer = new Thread(() -> {
        if (framePaced) {
          producePerFrame(workload, rate, running);
        } else {
          producePerMillisecond(workload, rate, running);
        }
      }, "load-producer");
      producer.start();

      List<EngineView.Page> pages = Arrays.stream(System.getProperty("harness.views",
          "OVERVIEW,GENERATIONS,EVENTS,REJECTIONS").split(",")).map(EngineView.Page::valueOf).toList();
      for (EngineView.Page page : pages) { // warm-up: every view's code compiled before it is measured
        run(() -> session.view().show(page));
        WaitForAsyncUtils.sleep(1250, TimeUnit.MILLISECONDS); // the harness is not a test; it measures
      }
      double loadBefore = loadAverage();
      List<String> rows = new ArrayList<>();
      for (EngineView.Page page : pages) {
        run(() -> {
          session.view().show(page);
          pulses.reset();
        });
        // the view catches up with what it missed while hidden: reported apart, as the switch's cost
        WaitForAsyncUtils.sleep(SETTLE_MILLIS, TimeUnit.MILLISECONDS);
        PulseStats.Summary settling = onFx(() -> pulses.summary());
        long appliedBefore = onFx(() -> {
          pulses.reset();
          return session.model().events().total();
        });
        long start = System.nanoTime();
        WaitForAsyncUtils.sleep(seconds * 1000L / pages.size(), TimeUnit.MILLISECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        PulseStats.Summary s = onFx(() -> pulses.summary());
        long appliedDuring = onFx(() -> session.model().events().total()) - appliedBefore;
        rows.add(row(page, appliedDuring / elapsed, s, settling));
        int slowest = Integer.getInteger("harness.slowest", 0);
        if (slowest > 0) {
          System.out.println("[harness] " + page + " slowest pulses, wall (CPU: animation + scene) @ events: "
              + String.join(", ", onFx(() -> pulses.slowest(slowest))));
        }
      }
      running.set(false);
      producer.join();
      ConnectionStatus status = session.feed().status();
      System.out.printf(Locale.ROOT, "%n[harness] %,d events/s offered, %s; %d cores; load average %.2f before,"
          + " %.2f after%n", rate, framePaced ? "paced by frame (" + rate / 60 + " events a frame whatever the"
          + " frame rate)" : "paced by time", Runtime.getRuntime().availableProcessors(), loadBefore, loadAverage());
      System.out.printf(Locale.ROOT, "[harness] published %,d, received %,d, missed %,d, buffer kept %,d of %,d%n",
          workload.published, status.received(), status.missed(),
          onFx(() -> session.model().events().items().size()), onFx(() -> session.model().events().total()));
      System.out.println("[harness] times in ms; pulse = from the animation callbacks to the end of the post-layout"
          + " listeners; CPU = the FX thread's own CPU time");
      System.out.println("[harness] | view | events/s applied | frames | events per pulse p50 / p99"
          + " | pulse wall p50 / p99 / max | pulse CPU p50 / p99 / max / mean | animation / scene CPU p99"
          + " | frame CPU p99 | frame interval p50 / p99 | switch: pulse wall max |");
      System.out.println("[harness] | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
      rows.forEach(r -> System.out.println("[harness] " + r));
      System.out.println();
      run(dashboard::shutdown);
    }
  }

  private static String row(EngineView.Page page, double eventsPerSecond, PulseStats.Summary s,
      PulseStats.Summary settling) {
    return String.format(Locale.ROOT, "| %s | %,.0f | %d | %.0f / %.0f | %.1f / %.1f / %.1f | %.1f / %.1f / %.1f / %.2f"
        + " | %.1f / %.1f | %.1f | %.1f / %.1f | %.1f |", page, eventsPerSecond, s.frames(), s.events().p50(), s.events().p99(),
        s.wall().p50(), s.wall().p99(), s.wall().max(), s.cpu().p50(), s.cpu().p99(), s.cpu().max(), s.cpu().mean(),
        s.animationCpu().p99(), s.sceneCpu().p99(), s.frameCpu().p99(), s.interval().p50(), s.interval().p99(),
        settling.wall().max());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The load: {@code rate} events a second of wall time, published every millisecond. */
  private static void producePerMillisecond(Workload workload, int rate, AtomicBoolean running) {
    long periodNanos = 1_000_000;
    long next = System.nanoTime();
    long lastSecond = next;
    while (running.get()) {
      workload.publish(rate / 1000);
      long now = System.nanoTime();
      if (now - lastSecond >= 1_000_000_000L) {
        lastSecond = now;
        workload.secondElapsed(rate);
      }
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /**
   * The same load as the dashboard sees it at 60 frames per second, whatever the frame rate the
   * machine allows: {@code rate / 60} events for each frame, published when a frame starts and
   * the previous frame's events were applied, so each pulse has one frame's worth of work (a loaded
   * machine lowers the frame rate, not the work per pulse, which is then what the CPU column measures).
   */
  private void producePerFrame(Workload workload, int rate, AtomicBoolean running) {
    int perFrame = rate / 60;
    long frame = frames.get();
    long batches = 0;
    while (running.get()) {
      if (frames.get() == frame || applied.get() < workload.published - perFrame) {
        LockSupport.parkNanos(200_000);
        continue;
      }
      frame = frames.get();
      workload.publish(perFrame);
      if (++batches % 60 == 0) {
        workload.secondElapsed(rate);
      }
    }
  }

  /**
   * Generations of 200 tokens, 16 at a time; a status event and a telemetry snapshot for each
   * second. Used by the producer thread only.
   */
  private static final class Workload {
    private final HubEngine engine;
    private final int[] left = new int[16];
    private final String[] ids = new String[16];
    private volatile long published;
    private long n;
    private long tokens;
    private long generation;

    Workload(HubEngine engine) {
      this.engine = engine;
    }

    void publish(int count) {
      for (int i = 0; i < count; i++) {
        int slot = (int) (n % left.length);
        if (left[slot] == 0) {
          generation++;
          ids[slot] = "g-" + slot + "-" + generation;
        }
        String id = ids[slot];
        if (left[slot] == 0) {
          engine.event("generationStarted", id, Map.of("model", "harbor-trigram", "prompt", "Tell me about ships"));
          left[slot] = 200;
        } else if (left[slot] == 1) {
          engine.event("generationCompleted", id, Map.of("model", "harbor-trigram", "tokensGenerated", 199,
              "durationMs", 150.0, "throughput", 1326.7));
          left[slot] = 0;
        } else {
          engine.event("tokenGenerated", id, Map.of("model", "harbor-trigram", "token", " word" + (n % 97),
              "logprob", -0.25));
          left[slot]--;
          tokens++;
        }
        n++;
      }
      published = n;
    }

    void secondElapsed(int rate) {
      engine.status(n % 2 == 0 ? "busy" : "ready", 1);
      published = ++n;
      Map<String, Object> snapshot = new LinkedHashMap<>();
      snapshot.put("intervalMs", 1000);
      snapshot.put("modelsLoaded", 1);
      snapshot.put("requestsRunning", 16);
      snapshot.put("requestsWaiting", 3);
      snapshot.put("tokensGenerated", tokens);
      snapshot.put("tokensPerSecond", (double) rate);
      snapshot.put("timeToFirstTokenP50Ms", 12.0);
      snapshot.put("timeToFirstTokenP95Ms", 31.0);
      snapshot.put("eventsByType", Map.of("tokenGenerated", tokens));
      snapshot.put("rejectionsByType", Map.of());
      snapshot.put("rejectionsByCode", Map.of());
      snapshot.put("subscriberDrops", 0);
      engine.hub().publish("telemetry", "telemetrySnapshot", Optional.empty(), snapshot, Instant.now());
    }
  }
}
