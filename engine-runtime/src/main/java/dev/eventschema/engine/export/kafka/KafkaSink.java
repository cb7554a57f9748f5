package dev.eventschema.engine.export.kafka;

import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.KafkaSettingsValidator;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.events.kafka.CloudEventMapping;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's Kafka sink (docs/fleet.md): a subscriber of the emitter that publishes every accepted
 * event to {@code topic} and every rejection to {@code rejectionsTopic}, and, once it {@linkplain
 * #publishSnapshots follows the telemetry}, every telemetry snapshot to {@code topic}, each as a
 * CloudEvent in structured JSON mode ({@link CloudEventMapping}), with an idempotent producer and
 * {@code acks=all}.
 *
 * <p>It never blocks the engine: an emitting thread (or the snapshot thread) only offers the message
 * to a bounded buffer ({@code bufferSize}); a thread of the sink's own drains it into the producer.
 * When the buffer is full (the broker slow or down) a message is dropped and counted; the producer
 * reconnects by itself when the broker comes back. The counts ({@link SinkCounters}) are in {@code
 * /metrics} ({@link #bindTo}) and in the telemetry snapshots ({@link #contributeTo}); once the sink
 * is closed, emitted = delivered + dropped, exactly.
 */
public final class KafkaSink implements AutoCloseable, MeterBinder {

  /** How long {@link #close()} keeps sending what is buffered before it counts the rest as dropped. */
  public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);

  public static final String MESSAGES_EMITTED = "eventschema.kafka.messages.emitted";
  public static final String MESSAGES_DELIVERED = "eventschema.kafka.messages.delivered";
  public static final String MESSAGES_DROPPED = "eventschema.kafka.messages.dropped";
  public static final String BUFFERED = "eventschema.kafka.buffered";
  public static final String TAG_REASON = "reason";
  public static final String REASON_BUFFER_FULL = "buffer_full";
  public static final String REASON_DELIVERY_FAILED = "delivery_failed";

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSink.class);

  private final KafkaSettings settings;
  private final SinkCounters counters = new SinkCounters();
  private final KafkaSender sender;
  private final EngineEventEmitter emitter;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private boolean closed;

  private KafkaSink(KafkaSettings settings, CloudEventMapping mapping, Producer<String, CloudEvent> producer,
      EngineEventEmitter emitter) {
    this.settings = settings;
    this.emitter = emitter;
    this.sender = new KafkaSender(settings.bufferSizeOrDefault(), producer, mapping, settings.topic(),
        settings.rejectionsTopicOrDefault(), counters);
  }

  /**
   * Starts publishing what {@code emitter} accepts and rejects from now on. Does not wait for the
   * broker: one that is down only makes the sink count drops until it is up.
   *
   * @param settings the {@code kafka} section, validated again here
   * @param engineId the engine's id: the {@code source} of its CloudEvents
   * @throws EngineException {@code INVALID_CONFIG} naming the field for settings or an id that break
   *     their rules, a {@code kafka.client} property Kafka does not know, or bootstrap servers that
   *     do not resolve
   */
  public static KafkaSink start(KafkaSettings settings, String engineId, EngineEventEmitter emitter) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(emitter, "emitter");
    var violations = KafkaSettingsValidator.INSTANCE.validate(settings);
    if (!violations.isEmpty()) {
      throw EngineException.ofViolations(ErrorCode.INVALID_CONFIG, "kafka settings", violations);
    }
    CloudEventMapping mapping = mapping(engineId);
    Map<String, Object> producerSettings;
    try {
      producerSettings = ProducerSettings.of(settings, mapping.engineId());
    } catch (IllegalArgumentException e) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, e.getMessage());
    }
    Producer<String, CloudEvent> producer;
    try {
      producer = new KafkaProducer<>(producerSettings);
    } catch (KafkaException e) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "kafka.bootstrap '" + settings.bootstrap()
          + "': cannot create the Kafka producer: " + rootMessage(e), Map.of(), e);
    }
    return start(settings, mapping, producer, emitter);
  }

  /** As {@link #start(KafkaSettings, String, EngineEventEmitter)}, on a producer of the caller's (tests). */
  static KafkaSink start(KafkaSettings settings, CloudEventMapping mapping, Producer<String, CloudEvent> producer,
      EngineEventEmitter emitter) {
    KafkaSink sink = new KafkaSink(settings, mapping, producer, emitter);
    sink.sender.start();
    sink.subscriptions.add(emitter.subscribe(event -> sink.sender.offer(new Outbound.Event(event.envelope()))));
    sink.subscriptions.add(emitter.subscribeRejections(rejection -> sink.sender.offer(new Outbound.Rejection(rejection))));
    LOG.info("publishing events to Kafka topic {} and rejections to {} at {}", settings.topic(),
        settings.rejectionsTopicOrDefault(), settings.bootstrap());
    return sink;
  }

  /**
   * Publishes every telemetry snapshot from now on, until the sink closes: {@code subscribe} is how
   * the assembly subscribes a listener to the snapshots (the telemetry bridge's {@code
   * subscribeSnapshots}; the sink knows nothing of telemetry). The snapshot thread only offers each
   * snapshot to the sink's buffer, where it is counted like any message; it takes the engine's next
   * sequence number, and goes to the events topic keyed by the engine id, in order with the engine's
   * events outside a generation. Does nothing once the sink is closed.
   */
  public synchronized void publishSnapshots(Function<Consumer<TelemetrySnapshot>, Subscription> subscribe) {
    Objects.requireNonNull(subscribe, "subscribe");
    if (!closed) {
      subscriptions.add(subscribe.apply(this::offer));
    }
  }

  /** Offers one snapshot, stamped with the engine's next sequence number and time. Never blocks. */
  void offer(TelemetrySnapshot snapshot) {
    sender.offer(emitter.stamp((seq, time) -> new Outbound.Snapshot(seq, time, snapshot)));
  }

  static CloudEventMapping mapping(String engineId) {
    try {
      return CloudEventMapping.forEngine(engineId);
    } catch (IllegalArgumentException e) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "id: " + e.getMessage());
    }
  }

  /** What became of the messages offered so far. */
  public SinkCounters counters() {
    return counters;
  }

  public KafkaSettings settings() {
    return settings;
  }

  /** The counts as meters: {@code eventschema_kafka_messages_*_total} and the buffer's fill. */
  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, MESSAGES_EMITTED, "Messages offered to the Kafka sink", SinkCounters::emitted);
    counter(registry, MESSAGES_DELIVERED, "Messages the Kafka broker acknowledged", SinkCounters::delivered);
    FunctionCounter.builder(MESSAGES_DROPPED, counters, SinkCounters::droppedBufferFull)
        .description("Messages the Kafka sink dropped").tag(TAG_REASON, REASON_BUFFER_FULL).register(registry);
    FunctionCounter.builder(MESSAGES_DROPPED, counters, SinkCounters::droppedDeliveryFailed)
        .description("Messages the Kafka sink dropped").tag(TAG_REASON, REASON_DELIVERY_FAILED).register(registry);
    Gauge.builder(BUFFERED, sender, KafkaSender::buffered).description("Messages waiting in the Kafka sink's buffer")
        .register(registry);
  }

  /** Writes the counts into a telemetry snapshot. */
  public void contributeTo(TelemetrySnapshotBuilder snapshot) {
    snapshot.kafkaEmitted(counters.emitted())
        .kafkaDelivered(counters.delivered())
        .kafkaDropped(counters.dropped());
  }

  /** Unsubscribes (from the emitter and the telemetry), then sends what is buffered for up to {@link #DEFAULT_CLOSE_TIMEOUT}. Idempotent. */
  @Override
  public void close() {
    close(DEFAULT_CLOSE_TIMEOUT);
  }

  /** As {@link #close()}, with its own timeout. */
  public synchronized void close(Duration timeout) {
    if (closed) {
      return;
    }
    closed = true;
    subscriptions.forEach(Subscription::close);
    sender.close(timeout);
    LOG.info("Kafka sink closed: {}", counters);
  }

  private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<SinkCounters> count) {
    FunctionCounter.builder(name, counters, count).description(description).register(registry);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
