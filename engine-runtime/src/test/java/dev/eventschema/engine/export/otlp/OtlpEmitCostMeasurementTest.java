package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.config.OtlpSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.export.otlp.TestCollector.Mode;
import io.opentelemetry.sdk.resources.Resource;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the OTLP export adds to the emit path: the time of one {@code emitTokenGenerated}, with and
 * without the export subscribed, over a flood of events (the collector on 127.0.0.1 accepting), and
 * what the flood cost in records dropped. A measurement: it alternates rounds without and with the export,
 * prints the median of the rounds with their range, in wall time and in the emitting thread's CPU
 * time, and asserts only that every event is accounted for. Run with {@code -Dgroups=measurement -DexcludedGroups=}.
 */
@Tag("measurement")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OtlpEmitCostMeasurementTest {

  private static final int EVENTS = 200_000;
  private static final int ROUNDS = 7;
  private static final TokenGeneratedEvent TOKEN = Events.token("harbor-trigram", "keeper");

  /**
   * Two collectors: one that holds every request, so that the export does no work beside the emitting
   * thread (the first batch waits, the queue fills, and the rest is dropped and counted): the emit
   * path's own cost; and one that accepts, in this JVM, so that exporting and decoding compete with
   * the emitting thread for the machine's cores: the cost under a flood on a loaded machine.
   */
  @Test
  void theEmitPathWithAndWithoutTheOtlpExport() throws Exception {
    for (Mode mode : new Mode[] {Mode.HOLD, Mode.ACCEPT}) {
      try (TestCollector collector = TestCollector.start(mode)) {
        OtlpTarget target = OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint(collector.endpoint()).build());
        EventLogExport export = new EventLogExport(target, Resource.getDefault(), OtlpSettings.DEFAULT_QUEUE_SIZE,
            Duration.ofSeconds(mode == Mode.HOLD ? 1 : 10));
        double[][] without = new double[2][ROUNDS];
        double[][] with = new double[2][ROUNDS];
        double[][] added = new double[2][ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
          // alternated, so that a change in the machine's load weighs on both alike
          double[] alone = meanEmitNanos(null);
          double[] exported = meanEmitNanos(export);
          for (int clock = 0; clock < 2; clock++) {
            without[clock][round] = alone[clock];
            with[clock][round] = exported[clock];
            added[clock][round] = exported[clock] - alone[clock];
          }
        }
        collector.release();
        export.close();
        LogExportCounts counts = export.counts();
        for (int clock = 0; clock < 2; clock++) {
          System.out.printf("emit path, collector %s, %s, median (min..max) of %d rounds: without the OTLP export %s,"
              + " with it %s ns/event, added %s ns/event%n", mode, clock == WALL ? "wall time" : "emitting thread's CPU",
              ROUNDS, spread(without[clock]), spread(with[clock]), spread(added[clock]));
        }
        System.out.printf("  %d events: %d exported, %d dropped (buffer of %d full), %d dropped (queue of %d full),"
            + " %d failed, %d abandoned%n", counts.emitted(), counts.exported(), counts.bufferFull(),
            OtlpSettings.DEFAULT_QUEUE_SIZE, counts.queueFull(), OtlpSettings.DEFAULT_QUEUE_SIZE, counts.failed(),
            counts.abandoned());
        assertThat(counts.emitted()).isEqualTo(counts.exported() + counts.dropped());
      }
    }
  }

  private static final int WALL = 0;
  private static final int CPU = 1;

  /**
   * The mean time of one emit over a round of {@value #EVENTS}, in nanoseconds: {@code [WALL]} the
   * wall time, {@code [CPU]} the emitting thread's own CPU time, which the other threads of a loaded
   * machine do not add to.
   */
  private static double[] meanEmitNanos(EventLogExport export) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (EngineEventEmitter emitter = new EngineEventEmitter()) {
      if (export != null) {
        export.attach(emitter);
      }
      long start = System.nanoTime();
      long cpuStart = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < EVENTS; i++) {
        emitter.emitTokenGenerated("g-1", TOKEN);
      }
      double[] mean = new double[2];
      mean[CPU] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) EVENTS;
      mean[WALL] = (System.nanoTime() - start) / (double) EVENTS;
      return mean;
    }
  }

  /** {@code median (min..max)}. */
  private static String spread(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return String.format("%.0f (%.0f..%.0f)", sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1]);
  }
}
