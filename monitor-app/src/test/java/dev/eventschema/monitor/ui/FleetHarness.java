package dev.eventschema.monitor.ui;

import static dev.eventschema.monitor.support.Fx.onFx;
import static dev.eventschema.monitor.support.Fx.run;
import static dev.eventschema.monitor.support.Fx.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import dev.eventschema.monitor.Dashboard;
import dev.eventschema.monitor.EngineSession;
import dev.eventschema.monitor.FleetSession;
import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.fleet.CloudEventRecords;
import dev.eventschema.monitor.fleet.FleetSource;
import dev.eventschema.monitor.fleet.FleetStatus;
import dev.eventschema.monitor.support.FleetProducer;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The fleet harness (not a timed test; excluded from the build): 4 engines publish 20,000 events per
 * second in total to one topic of a real in-process broker, as their Kafka sinks would (CloudEvents
 * written by {@code events-kafka}'s mapping), while the real dashboard follows them with the fleet
 * overview on screen. It prints, once a second and at the end, the records produced (acknowledged by
 * the broker), decoded by the dashboard's consumer and shown in the engines' models, and fails if
 * any record is missed. docs/fleet-dashboard.md has the command and the figures.
 *
 * <p>On a busy machine the load generator itself may fall short of the rate; {@link
 * #replayFourEnginesFromTheTopic} measures what the dashboard can follow regardless.
 *
 * <pre>
 * ./mvnw -B -ntp -pl monitor-app -am verify -Dtest=FleetHarness -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dgroups=measurement -DexcludedGroups= [-Dharness.rate=20000 -Dharness.seconds=20 -Dharness.engines=4]
 * </pre>
 */
@Tag("measurement")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@ExtendWith(ApplicationExtension.class)
class FleetHarness {

  private Dashboard dashboard;

  @Start
  void start(Stage stage) {
    dashboard = DashboardStage.show(stage, 20_000);
  }

  @Test
  void followFourEnginesThroughOneTopic() throws Exception {
    int rate = Integer.getInteger("harness.rate", 20_000);
    int seconds = Integer.getInteger("harness.seconds", 20);
    int engines = Integer.getInteger("harness.engines", 4);
    KafkaTestBroker broker = KafkaTestBroker.shared();
    String topic = "fleet-harness-" + System.nanoTime();
    broker.createTopic(topic, 8);
    broker.createTopic(topic + FleetSource.REJECTIONS_SUFFIX, 1);
    FleetSession fleet = onFx(() -> dashboard.followFleet(FleetSource.latest(broker.bootstrapServers(), topic),
        new CloudEventRecords()));
    waitUntil("the consumer connected", () -> fleet.consumer().status().state() == ConnectionStatus.State.CONNECTED);
    double loadBefore = loadAverage();

    try (FleetProducer producer = new FleetProducer(broker.bootstrapServers(), topic)) {
      AtomicBoolean running = new AtomicBoolean(true);
      Workload workload = new Workload(producer, engines);
      Thread thread = new Thread(() -> produce(workload, rate, running), "fleet-load-producer");
      thread.start();
      long maxLag = 0;
      int maxHeld = 0;
      System.out.printf(Locale.ROOT, "%n[fleet] %d engines, %,d events/s in total, %d s; one topic of 8 partitions%n",
          engines, rate, seconds);
      System.out.println("[fleet] | second | produced (acked) | in that second | decoded | shown | lag | held"
          + " | pauses |");
      System.out.println("[fleet] | --- | --- | --- | --- | --- | --- | --- | --- |");
      long before = 0;
      long started = System.nanoTime();
      for (int second = 1; second <= seconds; second++) {
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // the harness is not a test; it measures
        FleetStatus s = fleet.consumer().status(); // published by the consumer at most 0.1 s ago
        long acked = producer.acknowledged();
        maxLag = Math.max(maxLag, s.lag());
        maxHeld = Math.max(maxHeld, s.held());
        System.out.printf(Locale.ROOT, "[fleet] | %d | %,d | %,d | %,d | %,d | %,d | %,d | %,d |%n", second,
            acked, acked - before, s.records(), shown(), s.lag(), s.held(), s.pauses());
        before = acked;
      }
      running.set(false);
      thread.join();
      producer.flush();
      double producing = (System.nanoTime() - started) / 1e9;
      long produced = producer.acknowledged();
      try {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
            () -> shown() >= produced && fleet.consumer().status().records() >= produced);
      } catch (TimeoutException e) {
        // reported below, and the assertion fails
      }
      FleetStatus end = fleet.consumer().status();
      long shown = shown();
      System.out.printf(Locale.ROOT, "[fleet] load average %.2f before, %.2f after; %d cores; produced %,.0f events/s"
          + " on average (offered %,d/s)%n", loadBefore, loadAverage(), Runtime.getRuntime().availableProcessors(),
          produced / producing, rate);
      System.out.printf(Locale.ROOT, "[fleet] produced %,d (failed %,d), decoded %,d, rejected by the dashboard %,d,"
          + " shown %,d, missed %,d; lag at most %,d, held at most %,d, paused %,d times, beyond the engine limit %,d%n",
          produced, producer.failed(), end.records(), end.consumerRejections(), shown, produced - shown, maxLag,
          maxHeld, end.pauses(), end.beyondLimit());
      for (EngineSession session : onFx(() -> dashboard.sessions())) {
        System.out.printf(Locale.ROOT, "[fleet] %s: produced %,d, shown %,d%n", session.name(),
            workload.produced(session.name()), onFx(() -> session.model().events().total()));
      }
      System.out.println();
      assertThat(producer.failed()).isZero();
      assertThat(end.consumerRejections()).isZero();
      assertThat(end.records()).isEqualTo(produced);
      assertThat(shown).isEqualTo(produced);
    } finally {
      run(dashboard::shutdown);
    }
  }

  /**
   * The dashboard's own capacity, whatever the load generator manages on a busy machine: the same
   * workload ({@code harness.rate} times {@code harness.seconds} events) is written to the topic first,
   * then the dashboard replays it from its start ({@code --from}) as fast as it can, and the harness
   * prints the events per second decoded and shown until every record is.
   */
  @Test
  void replayFourEnginesFromTheTopic() throws Exception {
    int rate = Integer.getInteger("harness.rate", 20_000);
    int seconds = Integer.getInteger("harness.seconds", 20);
    int engines = Integer.getInteger("harness.engines", 4);
    long total = (long) rate * seconds;
    KafkaTestBroker broker = KafkaTestBroker.shared();
    String topic = "fleet-replay-" + System.nanoTime();
    broker.createTopic(topic, 8);
    broker.createTopic(topic + FleetSource.REJECTIONS_SUFFIX, 1);
    java.time.Instant from = java.time.Instant.now().minusSeconds(1);
    long writing = System.nanoTime();
    long produced;
    try (FleetProducer producer = new FleetProducer(broker.bootstrapServers(), topic)) {
      Workload workload = new Workload(producer, engines);
      for (long n = 0; n < total; n += 1_000) {
        workload.publish((int) Math.min(1_000, total - n));
      }
      producer.flush();
      produced = producer.acknowledged();
      assertThat(producer.failed()).isZero();
    }
    double writeSeconds = (System.nanoTime() - writing) / 1e9;
    double loadBefore = loadAverage();
    long start = System.nanoTime();
    FleetSession fleet = onFx(() -> dashboard.followFleet(
        FleetSource.latest(broker.bootstrapServers(), topic).from(from), new CloudEventRecords()));
    System.out.printf(Locale.ROOT, "%n[replay] %d engines, %,d events written in %.1f s (%,.0f/s), then replayed%n",
        engines, produced, writeSeconds, produced / writeSeconds);
    System.out.println("[replay] | second | decoded | shown | shown in that second | lag | held | pauses |");
    System.out.println("[replay] | --- | --- | --- | --- | --- | --- | --- |");
    long before = 0;
    double shownAt = 0;
    for (int second = 1; second <= 300 && before < produced; second++) {
      WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // the harness is not a test; it measures
      FleetStatus st = fleet.consumer().status();
      long shown = shown();
      if (shown >= produced && shownAt == 0) {
        shownAt = (System.nanoTime() - start) / 1e9;
      }
      System.out.printf(Locale.ROOT, "[replay] | %d | %,d | %,d | %,d | %,d | %,d | %,d |%n", second, st.records(),
          shown, shown - before, st.lag(), st.held(), st.pauses());
      before = shown;
    }
    FleetStatus end = fleet.consumer().status();
    long shown = shown();
    System.out.printf(Locale.ROOT, "[replay] load average %.2f before, %.2f after; %d cores%n", loadBefore,
        loadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "[replay] written %,d, decoded %,d, shown %,d, missed %,d, in %.1f s from the start"
        + " of following: %,.0f events/s shown on average (measured to within the second); paused %,d times%n%n",
        produced, end.records(), shown, produced - shown, shownAt, shownAt == 0 ? 0 : produced / shownAt, end.pauses());
    run(dashboard::shutdown);
    assertThat(shown).isEqualTo(produced);
  }

  /** Events shown: accepted events in the engines' models, all engines. */
  private long shown() {
    return onFx(() -> dashboard.sessions().stream().mapToLong(s -> s.model().events().total()).sum());
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** {@code rate} events a second of wall time, published every millisecond. */
  private static void produce(Workload workload, int rate, AtomicBoolean running) {
    long next = System.nanoTime();
    while (running.get()) {
      workload.publish(rate / 1000);
      next += 1_000_000;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /**
   * Each engine runs 4 generations at a time of 50 events (started, 48 tokens, completed), keyed by
   * generation as the sink keys them, so that they spread over the partitions. Producer thread only.
   */
  private static final class Workload {
    private final FleetProducer producer;
    private final int engines;
    private final int[][] left;
    private final String[][] current;
    private final long[] produced;
    private long n;
    private long generation;

    Workload(FleetProducer producer, int engines) {
      this.producer = producer;
      this.engines = engines;
      this.left = new int[engines][4];
      this.current = new String[engines][4];
      this.produced = new long[engines];
    }

    void publish(int count) {
      for (int i = 0; i < count; i++, n++) {
        int engine = (int) (n % engines);
        int slot = (int) (n / engines % 4);
        String engineId = "engine-" + (engine + 1);
        if (left[engine][slot] == 0) {
          current[engine][slot] = engineId + "-g" + ++generation;
          producer.event(engineId, "generationStarted", current[engine][slot],
              Map.of("model", "harbor-trigram", "prompt", "Ships?"));
          left[engine][slot] = 49;
        } else if (left[engine][slot] == 1) {
          producer.event(engineId, "generationCompleted", current[engine][slot], Map.of("model", "harbor-trigram",
              "tokensGenerated", 48, "durationMs", 150.0));
          left[engine][slot] = 0;
        } else {
          producer.event(engineId, "tokenGenerated", current[engine][slot],
              Map.of("model", "harbor-trigram", "token", " word" + n % 97));
          left[engine][slot]--;
        }
        produced[engine]++;
      }
    }

    /** Read after the producer thread ended (its join makes the counts visible). */
    long produced(String engineId) {
      return produced[Integer.parseInt(engineId.substring("engine-".length())) - 1];
    }
  }
}
