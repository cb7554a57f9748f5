package dev.eventschema.engine.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.KafkaSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeBuilder;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.testing.Await;
import dev.eventschema.events.kafka.CloudEventMapping;
import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Prints the Kafka sink's figures against the in-process broker (docs/fleet.md has the latest): its
 * throughput, and what it adds to the emit path per event. Asserts only that every message was
 * counted, never a speed.
 *
 * <p>Not part of {@code verify} (tag {@code measurement}); run it with {@code ./mvnw -B verify -pl
 * engine-runtime -am -Dgroups=measurement -DexcludedGroups= -Dtest=KafkaSinkMeasurementTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("measurement")
class KafkaSinkMeasurementTest {

  private static final int THROUGHPUT_EVENTS = 400_000;
  private static final int EMIT_EVENTS = 200_000;
  private static final int ROUNDS = 7;
  private static final String[] GENERATIONS = java.util.stream.IntStream.range(0, 64).mapToObj(i -> "gen-" + i)
      .toArray(String[]::new);

  private final KafkaTestBroker broker = KafkaTestBroker.shared();

  private KafkaSettings settings(String topic, int bufferSize) {
    return KafkaSettingsBuilder.builder().bootstrap(broker.bootstrapServers()).topic(topic).bufferSize(bufferSize)
        .build();
  }

  /** Events per second from the first emit to the last acknowledgement, with a buffer that never drops. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void sinkThroughputToALocalBroker() throws Exception {
    broker.createTopic("throughput", 1);
    EngineEventEmitter emitter = EngineEventEmitter.builder().build();
    KafkaSink sink = KafkaSink.start(settings("throughput", 1_000_000), "engine-t", emitter);
    flood(emitter, 20_000); // warm-up: connection, metadata, JIT
    Await.until(() -> sink.counters().pending() == 0, Duration.ofSeconds(60), () -> "the warm-up delivered");

    long before = sink.counters().delivered();
    long start = System.nanoTime();
    flood(emitter, THROUGHPUT_EVENTS);
    Await.until(() -> sink.counters().pending() == 0, Duration.ofMinutes(3), () -> "every event delivered");
    double seconds = (System.nanoTime() - start) / 1e9;
    sink.close();
    broker.deleteTopic("throughput"); // 170 MB: the shared broker's shutdown at exit stays short

    long delivered = sink.counters().delivered() - before;
    System.out.printf(Locale.ROOT, "Kafka sink throughput: %,d events delivered in %.2f s = %,.0f events/s"
        + " (acks=all, idempotent, 1 partition, broker in the same JVM); load %s%n", delivered, seconds,
        delivered / seconds, load());
    assertThat(sink.counters().dropped()).isZero();
  }

  /** The emit path's added cost per event: the same emits with the sink subscribed and without it. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void emitPathCostWithTheSinkOnAndOff() throws Exception {
    broker.createTopic("emit-cost", 1);
    EngineEventEmitter offEmitter = EngineEventEmitter.builder().build();
    EngineEventEmitter onEmitter = EngineEventEmitter.builder().build();
    KafkaSink sink = KafkaSink.start(settings("emit-cost", EMIT_EVENTS), "engine-c", onEmitter);
    TokenGeneratedEvent token = Events.token("harbor-trigram", "keeper");

    double[][] off = new double[2][ROUNDS];
    double[][] on = new double[2][ROUNDS];
    for (int round = -2; round < ROUNDS; round++) { // two rounds of warm-up
      double[] offRound = nanosPerEmit(offEmitter, token);
      double[] onRound = nanosPerEmit(onEmitter, token);
      Await.until(() -> sink.counters().pending() == 0, Duration.ofMinutes(2), () -> "the round delivered");
      if (round >= 0) {
        for (int kind = 0; kind < 2; kind++) {
          off[kind][round] = offRound[kind];
          on[kind][round] = onRound[kind];
        }
      }
    }
    sink.close();
    broker.deleteTopic("emit-cost");

    System.out.printf(Locale.ROOT, "Emit path per event (median of %d rounds of %,d), the emitting thread's CPU time:"
        + " sink off %.0f ns, sink on %.0f ns, added %.0f ns; wall time: off %.0f ns, on %.0f ns, added %.0f ns"
        + " (the sender and the broker share the 2 cores); dropped %,d of %,d; load %s%n", ROUNDS, EMIT_EVENTS,
        median(off[0]), median(on[0]), median(on[0]) - median(off[0]), median(off[1]), median(on[1]),
        median(on[1]) - median(off[1]), sink.counters().dropped(), sink.counters().emitted(), load());
    assertThat(sink.counters().delivered() + sink.counters().dropped()).isEqualTo(sink.counters().emitted());
  }

  /**
   * What the sender thread spends per event before the producer's own work: the CloudEvent and its
   * structured JSON (the binding's serializer), in this thread's CPU time, so that the load of the
   * machine does not count.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void mappingAndSerializingCostPerEvent() {
    CloudEventMapping mapping = CloudEventMapping.forEngine("engine-m");
    EventEnvelope envelope = EventEnvelopeBuilder.builder().seq(1).time("2026-11-30T07:04:07.123Z")
        .type(EventType.TOKEN_GENERATED.wireName()).generationId("gen-1")
        .payload(EventType.TOKEN_GENERATED.toMap(Events.token("harbor-trigram", "keeper"))).build();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long bytes = 0;
    double[] nanos = new double[ROUNDS];
    try (CloudEventSerializer serializer = new CloudEventSerializer()) {
      serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED",
          CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
      for (int round = -2; round < ROUNDS; round++) {
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < EMIT_EVENTS; i++) {
          bytes += serializer.serialize("t", new RecordHeaders(), mapping.event(envelope)).length;
        }
        if (round >= 0) {
          nanos[round] = (threads.getCurrentThreadCpuTime() - cpuStart) / (double) EMIT_EVENTS;
        }
      }
    }
    System.out.printf(Locale.ROOT, "Mapping and serializing one event (median of %d rounds of %,d, CPU time): %.0f ns,"
        + " %d bytes; load %s%n", ROUNDS, EMIT_EVENTS, median(nanos), bytes / ((ROUNDS + 2L) * EMIT_EVENTS), load());
    assertThat(bytes).isPositive();
  }

  /** The emitting thread's CPU time and the wall time per emit, in nanoseconds. */
  private static double[] nanosPerEmit(EngineEventEmitter emitter, TokenGeneratedEvent token) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < EMIT_EVENTS; i++) {
      emitter.emitTokenGenerated(GENERATIONS[i & 63], token);
    }
    long wall = System.nanoTime() - start;
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    return new double[] {cpu / (double) EMIT_EVENTS, wall / (double) EMIT_EVENTS};
  }

  private static void flood(EngineEventEmitter emitter, int count) {
    TokenGeneratedEvent token = Events.token("harbor-trigram", "keeper");
    for (int i = 0; i < count; i++) {
      emitter.emitTokenGenerated(GENERATIONS[i & 63], token);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
