package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.config.OtlpSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.export.otlp.TestCollector.Mode;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the OTLP export adds to the emit path: the time of one {@code emitTokenGenerated}, with and
 * without the export subscribed, over a flood of events (the collector on 127.0.0.1 accepting), and
 * what the flood cost in records dropped. A measurement: it prints the median of the rounds with
 * their range, and asserts only that every event is accounted for. Run with {@code -Dgroups=measurement -DexcludedGroups=}.
 */
@Tag("measurement")
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class OtlpEmitCostMeasurementTest {

  private static final int EVENTS = 200_000;
  private static final int ROUNDS = 5;
  private static final TokenGeneratedEvent TOKEN = Events.token("harbor-trigram", "keeper");

  /**
   * Two collectors: one that holds every request, so that the export does no work beside the emitting
   * thread (the first batch waits, the queue fills, and the rest is dropped and counted): the emit
   * path's own cost; and one that accepts, in this JVM, so that exporting and decoding compete with
   * the emitting thread for the machine's cores: the cost under a flood on a loaded machine.
   */
  @Test
  void theEmitPathWithAndWithoutTheOtlpExport() throws Exception {
    double[] without = rounds(null);
    for (Mode mode : new Mode[] {Mode.HOLD, Mode.ACCEPT}) {
      try (TestCollector collector = TestCollector.start(mode)) {
        OtlpTarget target = OtlpTarget.of(OtlpSettingsBuilder.builder().endpoint(collector.endpoint()).build());
        EventLogExport export = new EventLogExport(target, Resource.getDefault(), OtlpSettings.DEFAULT_QUEUE_SIZE,
            Duration.ofSeconds(mode == Mode.HOLD ? 1 : 10));
        double[] with = rounds(export);
        collector.release();
        export.close();
        LogExportCounts counts = export.counts();
        System.out.printf("emit path, collector %s: without the OTLP export %s, with it %s ns/event (median +%.0f ns);"
            + " %d events: %d exported, %d dropped (buffer of %d full), %d dropped (queue of %d full), %d failed,"
            + " %d abandoned%n", mode, spread(without), spread(with), median(with) - median(without),
            counts.emitted(), counts.exported(), counts.bufferFull(), OtlpSettings.DEFAULT_QUEUE_SIZE,
            counts.queueFull(), OtlpSettings.DEFAULT_QUEUE_SIZE, counts.failed(), counts.abandoned());
        assertThat(counts.emitted()).isEqualTo(counts.exported() + counts.dropped());
      }
    }
  }

  /** The mean time of one emit in each round, in nanoseconds, sorted. */
  private static double[] rounds(EventLogExport export) {
    double[] rounds = new double[ROUNDS];
    for (int round = 0; round < ROUNDS; round++) {
      try (EngineEventEmitter emitter = new EngineEventEmitter()) {
        if (export != null) {
          export.attach(emitter);
        }
        long start = System.nanoTime();
        for (int i = 0; i < EVENTS; i++) {
          emitter.emitTokenGenerated("g-1", TOKEN);
        }
        rounds[round] = (System.nanoTime() - start) / (double) EVENTS;
      }
    }
    Arrays.sort(rounds);
    return rounds;
  }

  private static double median(double[] sorted) {
    return sorted[sorted.length / 2];
  }

  /** {@code median (min..max)} of sorted rounds. */
  private static String spread(double[] sorted) {
    return String.format("%.0f (%.0f..%.0f)", median(sorted), sorted[0], sorted[sorted.length - 1]);
  }
}
