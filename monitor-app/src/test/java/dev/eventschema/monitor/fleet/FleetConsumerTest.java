package dev.eventschema.monitor.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.monitor.client.ConnectionStatus.State;
import dev.eventschema.monitor.client.Decoder;
import dev.eventschema.monitor.client.GeneratedValidation;
import dev.eventschema.monitor.client.SseFrame;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.support.FleetProducer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testfx.util.WaitForAsyncUtils;

/** The fleet's consumer on a real broker (KRaft, in this JVM, shared), without the dashboard around it. */
@Tag("integration")
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FleetConsumerTest {

  private static final AtomicInteger TOPICS = new AtomicInteger();

  private final KafkaTestBroker broker = KafkaTestBroker.shared();
  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
  }

  private String topic() {
    return "fleet-consumer-" + TOPICS.incrementAndGet() + "-" + System.nanoTime();
  }

  private FleetProducer producer(String topic) {
    FleetProducer producer = new FleetProducer(broker.bootstrapServers(), topic);
    closing.add(producer);
    return producer;
  }

  private FleetConsumer follow(String topic, int inboxCapacity) {
    FleetConsumer consumer = new FleetConsumer(FleetSource.latest(broker.bootstrapServers(), topic),
        new CloudEventRecords(), inboxCapacity).start();
    closing.add(consumer);
    return consumer;
  }

  @Test
  void aFullInboxPausesTheConsumerAndNothingIsDropped() {
    String topic = topic();
    broker.createTopic(topic, 1);
    FleetConsumer consumer = follow(topic, 50);
    await("connected", () -> consumer.status().state() == State.CONNECTED);
    FleetProducer producer = producer(topic);
    for (int i = 0; i < 500; i++) {
      producer.event("engine-x", "tokenGenerated", "g-1", Map.of("model", "m", "token", "t" + i));
    }
    producer.flush();

    await("the engine found", () -> consumer.engines().size() == 1);
    EngineFeed feed = consumer.engines().nextFound();
    // nobody drains the inbox: the consumer holds what it polled and pauses, within its bounds
    await("paused", () -> consumer.status().pauses() >= 1 && consumer.status().held() > 0);
    assertThat(feed.inbox().size()).isEqualTo(50);
    assertThat(consumer.status().held()).isLessThanOrEqualTo(FleetConsumer.MAX_POLL_RECORDS);

    List<StreamMessage> shown = new ArrayList<>();
    await("every record handed over once drained", () -> {
      feed.inbox().drainTo(shown, 20);
      return shown.size() == 500;
    });
    assertThat(shown).extracting(StreamMessage::seq).containsExactlyElementsOf(
        java.util.stream.LongStream.rangeClosed(1, 500).boxed().toList());
    assertThat(consumer.status().beyondLimit()).isZero();
    assertThat(consumer.status().records()).isEqualTo(500);
    await("the lag read", () -> consumer.status().lag() == 0 && consumer.status().held() == 0);
  }

  @Test
  void aTelemetrySnapshotReachesItsEngineAsTheSseClientHandsOneOver() throws Exception {
    String topic = topic();
    broker.createTopic(topic, 2);
    FleetConsumer consumer = follow(topic, 1_000);
    await("connected", () -> consumer.status().state() == State.CONNECTED);
    FleetProducer producer = producer(topic);
    TelemetrySnapshot snapshot = TelemetrySnapshotBuilder.builder().intervalMs(1000).modelsLoaded(2)
        .requestsRunning(1).requestsWaiting(0).tokensGenerated(640).tokensPerSecond(32.5)
        .timeToFirstTokenP50Ms(11.5).eventsByType(Map.of("tokenGenerated", 640L)).rejectionsByType(Map.of())
        .rejectionsByCode(Map.of()).subscriberDrops(0).kafkaEmitted(700).kafkaDelivered(690).kafkaDropped(7).build();
    producer.status("engine-t", "ready", 2);
    long seq = producer.telemetry("engine-t", snapshot);
    producer.flush();

    await("the engine found", () -> consumer.engines().size() == 1);
    EngineFeed feed = consumer.engines().nextFound();
    List<StreamMessage> shown = new ArrayList<>();
    await("both records handed over", () -> {
      feed.inbox().drainTo(shown, 10);
      return shown.size() == 2;
    });

    StreamMessage.Telemetry telemetry = (StreamMessage.Telemetry) shown.get(1);
    // what the SSE client makes of the same snapshot in a telemetry frame
    Map<String, Object> envelope = Map.of("seq", seq, "time", telemetry.time().toString(),
        "type", "telemetrySnapshot", "payload", TelemetrySnapshotValidator.INSTANCE.toMap(snapshot));
    StreamMessage overSse = new Decoder(GeneratedValidation.INSTANCE).decode(new SseFrame("telemetry",
        Long.toString(seq), new ObjectMapper().writeValueAsString(envelope)));
    assertThat(telemetry).isEqualTo(overSse);
    assertThat(telemetry.seq()).isEqualTo(seq);
    assertThat(telemetry.values().kafkaDropped()).isEqualTo(7);
    assertThat(telemetry.values().tokensPerSecond()).isEqualTo(32.5);
    assertThat(telemetry.values().ttftP95Ms()).isNaN();
    // the engine's connection line counts what its sink dropped, as for an engine watched over SSE
    assertThat(feed.status().lastSeq()).isEqualTo(seq);
    assertThat(feed.status().reportedDropped()).isEqualTo(7);
    assertThat(consumer.status().consumerRejections()).isZero();
  }

  @Test
  void aBrokerThatGoesAwayAndComesBackIsFollowedAgain() {
    String topic = topic();
    broker.createTopic(topic, 1);
    FleetConsumer consumer = follow(topic, 1_000);
    await("connected", () -> consumer.status().state() == State.CONNECTED);
    FleetProducer producer = producer(topic);
    producer.status("engine-y", "ready", 0);
    producer.flush();
    await("the first record", () -> consumer.status().records() == 1);

    broker.stop();
    try {
      await("the broker missed", () -> consumer.status().state() == State.RECONNECTING);
      assertThat(consumer.status().detail()).contains("does not answer");
    } finally {
      broker.restart();
    }
    await("following again", () -> consumer.status().state() == State.CONNECTED
        && consumer.status().reconnects() == 1);
    producer.status("engine-y", "busy", 0);
    producer.flush();
    await("the record after the restart", () -> consumer.status().records() == 2);
  }

  @Test
  void aTopicCreatedLaterIsReadFromItsFirstRecord() {
    String topic = topic();
    FleetConsumer consumer = follow(topic, 1_000);
    await("waiting for the topic", () -> consumer.status().state() == State.CONNECTING
        && consumer.status().detail().contains("does not exist yet"));
    broker.createTopic(topic, 1);
    FleetProducer producer = producer(topic);
    producer.status("engine-z", "ready", 0);
    producer.flush();
    await("its first record read", () -> consumer.status().records() == 1);
    assertThat(consumer.engines().nextFound().engineId()).isEqualTo("engine-z");
  }

  @Test
  void closingWakesTheConsumerAndEndsItsThread() throws Exception {
    String topic = topic();
    broker.createTopic(topic, 1);
    FleetConsumer consumer = follow(topic, 1_000);
    await("connected", () -> consumer.status().state() == State.CONNECTED);
    consumer.close();
    assertThat(consumer.awaitClosed(Duration.ofSeconds(20))).isTrue();
    assertThat(consumer.status().state()).isEqualTo(State.CLOSED);
  }

  private static void await(String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }
}
