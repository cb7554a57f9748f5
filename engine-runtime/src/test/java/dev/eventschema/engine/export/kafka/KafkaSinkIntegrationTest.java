package dev.eventschema.engine.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.KafkaSettingsBuilder;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.testing.Await;
import dev.eventschema.events.kafka.FleetRecord;
import dev.eventschema.events.kafka.FleetRecordDecoder;
import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine's Kafka sink against a real broker (KRaft, in this JVM), read back by the fleet decoder. */
@Tag("integration")
class KafkaSinkIntegrationTest {

  private static final Duration WAIT = Duration.ofSeconds(40);

  private final KafkaTestBroker broker = KafkaTestBroker.shared();
  private final FleetRecordDecoder decoder = new FleetRecordDecoder();

  private KafkaSettings settings(String topic) {
    return KafkaSettingsBuilder.builder().bootstrap(broker.bootstrapServers()).topic(topic).build();
  }

  @Test
  void anEnginesEventsArriveValidAndInOrderPerGeneration() throws Exception {
    broker.createTopic("engine-a", 3);
    broker.createTopic("engine-a.rejections", 1);
    List<GenerationHandle> generations = new ArrayList<>();
    KafkaSink sink;
    TelemetrySnapshot snapshot;
    // snapshots only when asked (the longest period), so that the one taken here is the only one
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .telemetry(TelemetryConfigBuilder.from(EmbeddedEngine.freePortsConfig().telemetryOrDefaults())
            .exportIntervalMs(600_000).build())
        .id("engine-a").kafka(settings("engine-a")).build())) {
      sink = engine.kafkaSink().orElseThrow();
      for (int i = 0; i < 4; i++) {
        generations.add(engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The keeper", 30, 1.0, i)));
      }
      for (GenerationHandle generation : generations) {
        generation.completion().get(30, TimeUnit.SECONDS);
      }
      engine.emitter().emit("tokenGenerated", Map.of("model", ""), Source.RUNTIME);

      Await.until(() -> sink.counters().pending() == 0, WAIT, () -> "every message acknowledged: " + sink.counters());
      long deliveredBefore = sink.counters().delivered();
      snapshot = engine.telemetry().publishSnapshot().orElseThrow();
      assertThat(snapshot.kafkaDelivered()).hasValue(deliveredBefore);
      assertThat(snapshot.kafkaDropped()).hasValue(0);
      assertThat(metrics(engine.metricsUri().orElseThrow()))
          .contains("eventschema_kafka_messages_delivered_total{")
          .contains("eventschema_kafka_messages_dropped_total{")
          .contains("reason=\"buffer_full\"");
    }
    assertThat(sink.counters().dropped()).isZero();
    assertThat(sink.counters().delivered()).isEqualTo(sink.counters().emitted());

    List<ConsumerRecord<String, byte[]>> records = broker.readToEnd("engine-a", WAIT);
    assertThat(records).hasSize((int) sink.counters().delivered() - 1); // all but the rejection
    List<FleetRecord.Event> events = new ArrayList<>();
    List<FleetRecord.Telemetry> snapshots = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      switch (decoder.decode(record.value())) {
        case FleetRecord.Event event -> {
          assertThat(event.engineId()).isEqualTo("engine-a");
          assertThat(record.key()).isEqualTo(event.envelope().generationId().orElse("engine-a"));
          events.add(event);
        }
        case FleetRecord.Telemetry telemetry -> {
          assertThat(record.key()).isEqualTo("engine-a");
          snapshots.add(telemetry);
        }
        case FleetRecord other -> throw new AssertionError("not an event or a snapshot: " + other);
      }
    }
    assertThat(snapshots).singleElement().satisfies(telemetry -> {
      assertThat(telemetry.snapshot()).isEqualTo(snapshot);
      assertThat(events).extracting(e -> e.envelope().seq()).doesNotContain(telemetry.seq());
    });
    for (GenerationHandle generation : generations) {
      List<FleetRecord.Event> ofGeneration = events.stream()
          .filter(e -> e.envelope().generationId().filter(generation.id()::equals).isPresent()).toList();
      assertThat(ofGeneration).as(generation.id()).hasSizeGreaterThan(2);
      assertThat(ofGeneration.get(0).envelope().type()).isEqualTo("generationStarted");
      assertThat(ofGeneration.get(ofGeneration.size() - 1).envelope().type()).isEqualTo("generationCompleted");
      assertThat(ofGeneration).extracting(e -> e.envelope().seq()).isSorted().doesNotHaveDuplicates();
    }
    List<ConsumerRecord<String, byte[]>> rejections = broker.readToEnd("engine-a.rejections", WAIT);
    assertThat(rejections).singleElement().satisfies(record -> assertThat(decoder.decode(record.value()))
        .isInstanceOfSatisfying(FleetRecord.EngineRejection.class,
            rejection -> assertThat(rejection.rejection().source()).isEqualTo(Source.RUNTIME)));
  }

  @Test
  void theScheduledSnapshotsArriveOnTheEventsTopicInOrderWithTheEnginesCounts() throws Exception {
    broker.createTopic("engine-s", 2);
    KafkaSink sink;
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .id("engine-s").kafka(settings("engine-s")).build())) {
      sink = engine.kafkaSink().orElseThrow();
      engine.engine().generate(GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The keeper", 10, 1.0, 1))
          .completion().get(30, TimeUnit.SECONDS);
      // the engine's own schedule (every second): three of them, delivered (the sink, subscribed
      // first, has offered each snapshot before this listener hears of it)
      AtomicInteger taken = new AtomicInteger();
      engine.telemetry().subscribeSnapshots(snapshot -> taken.incrementAndGet());
      Await.until(() -> taken.get() >= 3 && sink.counters().pending() == 0, WAIT,
          () -> taken + " scheduled snapshots, all delivered: " + sink.counters());
    }
    assertThat(sink.counters().delivered()).isEqualTo(sink.counters().emitted());

    List<ConsumerRecord<String, byte[]>> records = broker.readToEnd("engine-s", WAIT);
    List<FleetRecord.Telemetry> snapshots = telemetryOf(records);
    assertThat(snapshots).hasSizeGreaterThanOrEqualTo(3);
    assertThat(records).filteredOn(r -> decoder.decode(r.value()) instanceof FleetRecord.Telemetry)
        .extracting(ConsumerRecord::key).containsOnly("engine-s");
    assertThat(records).filteredOn(r -> decoder.decode(r.value()) instanceof FleetRecord.Telemetry)
        .extracting(ConsumerRecord::partition).containsOnly(records.stream()
            .filter(r -> "engine-s".equals(r.key())).findFirst().orElseThrow().partition());
    assertThat(snapshots).extracting(FleetRecord.Telemetry::seq).isSorted().doesNotHaveDuplicates();
    assertThat(snapshots).allSatisfy(t -> assertThat(t.engineId()).isEqualTo("engine-s"));
    FleetRecord.Telemetry last = snapshots.get(snapshots.size() - 1);
    assertThat(last.snapshot().tokensGenerated()).isEqualTo(10);
    // each snapshot counts what the sink was offered before it, itself not included
    assertThat(last.snapshot().kafkaEmitted()).isPresent();
    assertThat(last.snapshot().kafkaEmitted().getAsLong()).isLessThan(sink.counters().emitted());
  }

  private List<FleetRecord.Telemetry> telemetryOf(List<ConsumerRecord<String, byte[]>> records) {
    List<FleetRecord.Telemetry> snapshots = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      if (decoder.decode(record.value()) instanceof FleetRecord.Telemetry telemetry) {
        snapshots.add(telemetry);
      }
    }
    return snapshots;
  }

  @Test
  void theBrokerStoppedAndRestartedDuringAFloodLeavesEveryMessageCounted() throws Exception {
    broker.createTopic("flood", 1);
    KafkaSettings settings = KafkaSettingsBuilder.from(settings("flood")).bufferSize(4096).deliveryTimeoutMs(1_500)
        .build();
    EngineEventEmitter emitter = EngineEventEmitter.builder().build();
    KafkaSink sink = KafkaSink.start(settings, "engine-f", emitter);

    flood(emitter, 0, 10_000);
    Await.until(() -> sink.counters().pending() == 0, WAIT, () -> "the first 10,000 counted: " + sink.counters());
    long deliveredBeforeTheOutage = sink.counters().delivered();
    flood(emitter, 10_000, 20_000);
    broker.stop(); // with most of those 20,000 still buffered or in flight
    try {
      flood(emitter, 30_000, 30_000);
      // what was in flight when the broker went expires (deliveryTimeoutMs); the buffer holds the rest
      Await.until(() -> sink.counters().droppedDeliveryFailed() > 0, WAIT,
          () -> "a delivery given up during the outage: " + sink.counters());
    } finally {
      broker.restart();
    }
    flood(emitter, 60_000, 10_000);
    sink.close(Duration.ofSeconds(30));

    SinkCounters counters = sink.counters();
    assertThat(counters.emitted()).isEqualTo(70_000);
    assertThat(counters.delivered() + counters.droppedBufferFull() + counters.droppedDeliveryFailed())
        .as(counters.toString()).isEqualTo(70_000);
    assertThat(counters.dropped()).as(counters.toString()).isPositive();
    assertThat(deliveredBeforeTheOutage).as(counters.toString()).isPositive();
    // the producer knows only the one address: deliveries after the restart show the broker came back on it
    assertThat(counters.delivered()).as("delivered after the restart too: " + counters)
        .isGreaterThan(deliveredBeforeTheOutage);
    List<ConsumerRecord<String, byte[]>> records = broker.readToEnd("flood", WAIT);
    // a message whose acknowledgement was lost to the outage may be in the log though counted dropped
    assertThat(records.size()).isBetween((int) counters.delivered(), 70_000);
    Set<String> ids = new HashSet<>();
    long previousSeq = 0;
    for (ConsumerRecord<String, byte[]> record : records) {
      FleetRecord.Event event = (FleetRecord.Event) decoder.decode(record.value());
      assertThat(ids.add(event.envelope().seq() + "")).as("no duplicates (idempotent producer)").isTrue();
      assertThat(event.envelope().seq()).as("in order").isGreaterThan(previousSeq);
      previousSeq = event.envelope().seq();
    }
  }

  @Test
  void aBrokerThatIsNeverThereCostsTheEngineNothingButCountedDrops() throws Exception {
    int nobody;
    try (ServerSocket socket = new ServerSocket(0)) {
      nobody = socket.getLocalPort(); // closed again: nothing listens there
    }
    EngineEventEmitter emitter = EngineEventEmitter.builder().build();
    KafkaSink sink = KafkaSink.start(KafkaSettingsBuilder.builder().bootstrap("127.0.0.1:" + nobody).topic("t")
        .bufferSize(100).build(), "engine-n", emitter);

    flood(emitter, 0, 5_000); // returns at once: the emitter never waits for the sink
    sink.close(Duration.ofSeconds(2));

    assertThat(sink.counters().emitted()).isEqualTo(5_000);
    assertThat(sink.counters().delivered()).isZero();
    assertThat(sink.counters().dropped()).isEqualTo(5_000);
    // the buffer holds 100, and the sender as many, the first of them offered again until the sink closes
    assertThat(sink.counters().droppedBufferFull()).isGreaterThanOrEqualTo(5_000 - 2 * 100);
  }

  private static void flood(EngineEventEmitter emitter, int from, int count) {
    for (int i = from; i < from + count; i++) {
      emitter.emitTokenGenerated("gen-" + i / 100, Events.token("harbor-trigram", "t" + i));
    }
  }

  private static String metrics(URI uri) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
  }
}
