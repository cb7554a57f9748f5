package dev.eventschema.engine.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.KafkaSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.testing.Await;
import dev.eventschema.engine.testing.Threads;
import dev.eventschema.events.kafka.CloudEventMapping;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The sink's bookkeeping on Kafka's own {@code MockProducer}: what goes where, and that every
 * message is counted once as delivered or dropped. The broker's side is in {@link KafkaSinkIntegrationTest}.
 */
class KafkaSinkTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();

  private static KafkaSettings settings(int bufferSize) {
    return KafkaSettingsBuilder.builder().bootstrap("127.0.0.1:9").topic("events").bufferSize(bufferSize).build();
  }

  private static MockProducer<String, CloudEvent> producer(boolean autoComplete) {
    return new MockProducer<>(autoComplete, null, new StringSerializer(), (topic, event) -> new byte[0]);
  }

  private KafkaSink start(KafkaSettings settings, MockProducer<String, CloudEvent> producer) {
    return KafkaSink.start(settings, CloudEventMapping.forEngine("engine-a"), producer, emitter);
  }

  @Test
  void eventsGoToTheTopicKeyedByGenerationAndRejectionsToTheirOwn() {
    MockProducer<String, CloudEvent> producer = producer(true);
    KafkaSink sink = start(settings(100), producer);

    emitter.emitTokenGenerated("gen-1", Events.token("m", "a"));
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    emitter.emit("tokenGenerated", Map.of("model", ""), Source.RUNTIME);
    sink.close(WAIT);

    assertThat(producer.history()).extracting(ProducerRecord::topic)
        .containsExactly("events", "events", "events.rejections");
    assertThat(producer.history()).extracting(ProducerRecord::key).containsExactly("gen-1", "engine-a", "engine-a");
    assertThat(producer.history()).extracting(r -> r.value().getType())
        .containsExactly("tokenGenerated", "modelLoaded", "rejection");
    assertThat(producer.history().get(0).value().getId()).isEqualTo("engine-a-1");
    assertThat(sink.counters().emitted()).isEqualTo(3);
    assertThat(sink.counters().delivered()).isEqualTo(3);
    assertThat(sink.counters().dropped()).isZero();
  }

  @Test
  void aSnapshotGoesToTheEventsTopicKeyedByTheEngineWithTheEnginesNextSeq() {
    MockProducer<String, CloudEvent> producer = producer(true);
    KafkaSink sink = start(settings(100), producer);
    List<Consumer<TelemetrySnapshot>> listeners = new ArrayList<>();
    AtomicBoolean unsubscribed = new AtomicBoolean();
    sink.publishSnapshots(listener -> {
      listeners.add(listener);
      return Subscription.of(() -> unsubscribed.set(true));
    });

    emitter.emitModelLoaded(Events.modelLoaded("m"));
    listeners.forEach(listener -> listener.accept(snapshot(7))); // as the snapshot thread does
    emitter.emitModelUnloaded(Events.modelUnloaded("m"));
    sink.close(WAIT);

    assertThat(listeners).hasSize(1);
    assertThat(unsubscribed).as("closing the sink unsubscribes it from the snapshots").isTrue();

    assertThat(producer.history()).extracting(ProducerRecord::topic).containsExactly("events", "events", "events");
    assertThat(producer.history()).extracting(ProducerRecord::key).containsOnly("engine-a");
    assertThat(producer.history()).extracting(r -> r.value().getType())
        .containsExactly("modelLoaded", "telemetrySnapshot", "modelUnloaded");
    CloudEvent snapshot = producer.history().get(1).value();
    assertThat(snapshot.getId()).isEqualTo("engine-a-2");
    assertThat(snapshot.getExtension(CloudEventMapping.SEQ_EXTENSION)).isEqualTo("2");
    assertThat(producer.history().get(2).value().getId()).isEqualTo("engine-a-3");
    assertThat(new String(snapshot.getData().toBytes(), StandardCharsets.UTF_8))
        .contains("\"tokensGenerated\":7");
    assertThat(sink.counters().emitted()).isEqualTo(3);
    assertThat(sink.counters().delivered()).isEqualTo(3);
  }

  @Test
  void snapshotsOfAStalledBrokerAreDroppedAndCountedLikeEvents() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MockProducer<String, CloudEvent> producer = new MockProducer<>(true, null, new StringSerializer(),
        (topic, event) -> new byte[0]) {
      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<String, CloudEvent> record, Callback callback) {
        awaitQuietly(release);
        return super.send(record, callback);
      }
    };
    KafkaSink sink = start(settings(2), producer);
    try {
      for (int i = 0; i < 100; i++) { // returns: the snapshot thread only offers
        sink.offer(snapshot(i));
      }

      assertThat(sink.counters().emitted()).isEqualTo(100);
      assertThat(sink.counters().droppedBufferFull()).isGreaterThanOrEqualTo(100 - 2 * 2);
    } finally {
      release.countDown();
      sink.close(WAIT);
    }
    assertThat(sink.counters().delivered() + sink.counters().dropped()).isEqualTo(100);
    assertThat(producer.history()).hasSize((int) sink.counters().delivered());
  }

  private static TelemetrySnapshot snapshot(long tokens) {
    return TelemetrySnapshotBuilder.builder().intervalMs(1000).modelsLoaded(1).requestsRunning(0).requestsWaiting(0)
        .tokensGenerated(tokens).tokensPerSecond(0).subscriberDrops(0).build();
  }

  @Test
  void aFullBufferDropsAndCountsWithoutBlockingTheEmitter() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    MockProducer<String, CloudEvent> producer = new MockProducer<>(true, null, new StringSerializer(),
        (topic, event) -> new byte[0]) {
      @Override
      public synchronized Future<RecordMetadata> send(ProducerRecord<String, CloudEvent> record, Callback callback) {
        awaitQuietly(release); // a broker that does not answer: the sender thread is stuck here
        return super.send(record, callback);
      }
    };
    KafkaSink sink = start(settings(4), producer);
    try {
      for (int i = 0; i < 10_000; i++) { // returns: the emitter never waits for the sink
        emitter.emitTokenGenerated("gen-1", Events.token("m", "t" + i));
      }

      assertThat(sink.counters().emitted()).isEqualTo(10_000);
      // the buffer holds 4, and the sender at most as many more, taken in one batch
      assertThat(sink.counters().droppedBufferFull()).isGreaterThanOrEqualTo(10_000 - 2 * 4);
    } finally {
      release.countDown();
      sink.close(WAIT);
    }
    assertThat(sink.counters().delivered() + sink.counters().dropped()).isEqualTo(10_000);
    assertThat(producer.history()).hasSize((int) sink.counters().delivered());
  }

  @Test
  void aFailedDeliveryIsCountedAsDropped() {
    MockProducer<String, CloudEvent> producer = producer(false);
    KafkaSink sink = start(settings(100), producer);

    for (int i = 0; i < 5; i++) {
      emitter.emitModelLoaded(Events.modelLoaded("m" + i));
    }
    Await.until(() -> producer.history().size() == 5, WAIT, () -> "5 sends, saw " + producer.history().size());
    producer.completeNext();
    producer.completeNext();
    while (producer.errorNext(new TimeoutException("expired in the producer's buffer"))) {
      // fails the other three
    }

    Await.until(() -> sink.counters().pending() == 0, WAIT, () -> "every outcome, " + sink.counters());
    assertThat(sink.counters().delivered()).isEqualTo(2);
    assertThat(sink.counters().droppedDeliveryFailed()).isEqualTo(3);
    sink.close(WAIT);
  }

  @Test
  void aSendThatThrowsIsCountedOnce() {
    MockProducer<String, CloudEvent> producer = producer(true);
    producer.sendException = new IllegalStateException("producer closed");
    KafkaSink sink = start(settings(100), producer);

    emitter.emitModelLoaded(Events.modelLoaded("m"));
    sink.close(WAIT);

    assertThat(sink.counters().emitted()).isEqualTo(1);
    assertThat(sink.counters().droppedDeliveryFailed()).isEqualTo(1);
    assertThat(sink.counters().delivered()).isZero();
  }

  @Test
  void afterCloseNothingIsOfferedAndTheInvariantHolds() {
    MockProducer<String, CloudEvent> producer = producer(true);
    KafkaSink sink = start(settings(100), producer);
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    sink.close(WAIT);
    sink.close(WAIT); // idempotent

    emitter.emitModelLoaded(Events.modelLoaded("n"));

    assertThat(sink.counters().emitted()).isEqualTo(1);
    assertThat(sink.counters().pending()).isZero();
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void theCountsAreMetersAndSnapshotFields() {
    MockProducer<String, CloudEvent> producer = producer(true);
    KafkaSink sink = start(settings(100), producer);
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    sink.bindTo(registry);
    emitter.emitModelLoaded(Events.modelLoaded("m"));
    sink.close(WAIT);

    assertThat(registry.get(KafkaSink.MESSAGES_EMITTED).functionCounter().count()).isEqualTo(1);
    assertThat(registry.get(KafkaSink.MESSAGES_DELIVERED).functionCounter().count()).isEqualTo(1);
    assertThat(registry.get(KafkaSink.MESSAGES_DROPPED).tag(KafkaSink.TAG_REASON, KafkaSink.REASON_BUFFER_FULL)
        .functionCounter().count()).isZero();
    assertThat(registry.get(KafkaSink.MESSAGES_DROPPED).tag(KafkaSink.TAG_REASON, KafkaSink.REASON_DELIVERY_FAILED)
        .functionCounter().count()).isZero();
    assertThat(registry.get(KafkaSink.BUFFERED).gauge().value()).isZero();
    TelemetrySnapshotBuilder snapshot = TelemetrySnapshotBuilder.builder().intervalMs(0).modelsLoaded(0)
        .requestsRunning(0).requestsWaiting(0).tokensGenerated(0).tokensPerSecond(0).subscriberDrops(0);
    sink.contributeTo(snapshot);
    assertThat(snapshot.build().kafkaDelivered()).hasValue(1);
    assertThat(snapshot.build().kafkaDropped()).hasValue(0);
  }

  @Test
  void aBadEngineIdOrUnresolvableBrokersAreConfigErrors() {
    assertThatThrownBy(() -> KafkaSink.start(settings(10), "engine a", emitter))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessageStartingWith("id: engineId must be");
    KafkaSettings nowhere = KafkaSettingsBuilder.builder().bootstrap("no-such-host.invalid:9092").topic("t").build();
    assertThatThrownBy(() -> KafkaSink.start(nowhere, "engine-a", emitter))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessageContaining("kafka.bootstrap 'no-such-host.invalid:9092'");
  }

  @Test
  void theEmbeddedDefaultHasNoSinkAndNeedsNoBroker() {
    Set<Thread> before = Threads.snapshot();
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedEngine.freePortsConfig())) {
      assertThat(engine.kafkaSink()).isEmpty();
      assertThat(Threads.snapshot()).filteredOn(t -> !before.contains(t))
          .noneMatch(t -> t.getName().startsWith("eventschema-kafka-sender"));
      assertThat(engine.telemetry().publishSnapshot().orElseThrow().kafkaEmitted()).isEmpty();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
