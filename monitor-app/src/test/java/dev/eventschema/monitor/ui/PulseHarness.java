package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;

import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.support.HubEngine;
import dev.eventschema.monitor.view.EngineView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * The load harness (not a timed test; excluded from the build): streams at least 20,000 events per
 * second through the engine's real stream server, the dashboard's real client, model and views, and
 * prints the FX pulse timings while the Events, Overview and Generations views are on screen.
 *
 * <pre>
 * ./mvnw -pl monitor-app -am verify -Dtest=PulseHarness -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgroups=measurement -DexcludedGroups= [-Dharness.rate=25000 -Dharness.seconds=24]
 * </pre>
 */
@Tag("measurement")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class PulseHarness {

  private Dashboard dashboard;
  private PulseStats pulses;

  @Start
  void start(Stage stage) {
    dashboard = new Dashboard(20_000);
    Scene scene = new Scene(dashboard.root(), 1280, 800);
    pulses = PulseStats.install(scene, () -> dashboard.attach(scene));
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void measurePulseTimesUnderLoad() throws Exception {
    int rate = Integer.getInteger("harness.rate", 25_000);
    int seconds = Integer.getInteger("harness.seconds", 24);
    try (HubEngine engine = HubEngine.start(0, 1 << 20)) {
      EngineSession session = onFx(() -> dashboard.addEngine("load", engine.baseUri(), null, null));
      waitUntil("connected", () -> session.client().status().state() == ConnectionStatus.State.CONNECTED);
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong published = new AtomicLong();
      Thread producer = new Thread(() -> produce(engine, rate, running, published), "load-producer");
      producer.start();

      WaitForAsyncUtils.sleep(5, TimeUnit.SECONDS); // warm-up (the harness is not a test; it measures)
      System.out.println();
      for (EngineView.Page page : List.of(EngineView.Page.OVERVIEW, EngineView.Page.GENERATIONS,
          EngineView.Page.EVENTS, EngineView.Page.REJECTIONS)) {
        run(() -> {
          session.view().show(page);
          pulses.reset();
        });
        long receivedBefore = session.client().status().received();
        long start = System.nanoTime();
        WaitForAsyncUtils.sleep(seconds / 4, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        String stats = onFx(() -> pulses.summary());
        long received = session.client().status().received() - receivedBefore;
        System.out.printf(Locale.ROOT, "[harness] %-11s view, %,.0f events/s received: %s%n", page,
            received / elapsed, stats);
      }
      running.set(false);
      producer.join();
      ConnectionStatus status = session.client().status();
      System.out.printf(Locale.ROOT, "[harness] load average %.2f on %d cores%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
          Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "[harness] published %,d, received %,d, missed %,d, buffer kept %,d of %,d%n%n",
          published.get(), status.received(), status.missed(),
          onFx(() -> session.model().events().items().size()), onFx(() -> session.model().events().total()));
      run(dashboard::shutdown);
    }
  }

  /** Paced production: generations of 200 tokens, 16 at a time, plus a status event and a snapshot per second. */
  private static void produce(HubEngine engine, int rate, AtomicBoolean running, AtomicLong published) {
    long periodNanos = 1_000_000; // 1 ms
    long next = System.nanoTime();
    long n = 0;
    long tokens = 0;
    int[] left = new int[16];
    long generation = 0;
    long lastSecond = System.nanoTime();
    while (running.get()) {
      long due = rate / 1000;
      for (int i = 0; i < due; i++) {
        int slot = (int) (n % left.length);
        String id = "g-" + slot + "-" + generation;
        if (left[slot] == 0) {
          generation++;
          id = "g-" + slot + "-" + generation;
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
      published.set(n);
      long now = System.nanoTime();
      if (now - lastSecond >= 1_000_000_000L) {
        lastSecond = now;
        engine.status(n % 2 == 0 ? "busy" : "ready", 1);
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
      next += periodNanos;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }
}
