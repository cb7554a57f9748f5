package dev.eventschema.monitor.support;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeBuilder;
import dev.eventschema.engine.events.RejectionRecordBuilder;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.ViolationRecord;
import dev.eventschema.events.kafka.CloudEventMapping;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes what engines' Kafka sinks publish, for tests: events, rejections and telemetry snapshots as CloudEvents in
 * structured JSON mode written by {@code events-kafka}'s {@link CloudEventMapping} (one sequence per
 * engine, keyed as the sink keys them), and raw records that no engine would write.
 */
public final class FleetProducer implements AutoCloseable {

  private static final EventFormat JSON = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final String rejectionsTopic;
  private final Map<String, AtomicLong> seqs = new ConcurrentHashMap<>();
  private final Map<String, CloudEventMapping> mappings = new ConcurrentHashMap<>();
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> last;

  public FleetProducer(String bootstrap, String topic) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(config);
    this.topic = topic;
    this.rejectionsTopic = CloudEventMapping.defaultRejectionsTopic(topic);
  }

  /** Publishes an accepted event of {@code engineId}; returns its seq. */
  public long event(String engineId, String type, String generationId, Map<String, Object> payload) {
    CloudEventMapping mapping = mappings.computeIfAbsent(engineId, CloudEventMapping::forEngine);
    EventEnvelopeBuilder envelope = EventEnvelopeBuilder.builder().seq(nextSeq(engineId)).time(now()).type(type)
        .payload(payload);
    if (generationId != null) {
      envelope.generationId(generationId);
    }
    EventEnvelope built = envelope.build();
    send(topic, mapping.key(built), mapping.event(built));
    return built.seq();
  }

  /** Publishes {@code engineId}'s {@code runtimeStatus}. */
  public long status(String engineId, String status, int modelsLoaded) {
    return event(engineId, "runtimeStatus", null, Map.of("status", status, "modelsLoaded", modelsLoaded));
  }

  /** Publishes a rejection of {@code engineId} (source runtime) to the rejections topic; returns its seq. */
  public long rejection(String engineId, String eventType, Map<String, Object> payload, Violation violation) {
    CloudEventMapping mapping = mappings.computeIfAbsent(engineId, CloudEventMapping::forEngine);
    long seq = nextSeq(engineId);
    send(rejectionsTopic, mapping.rejectionKey(), mapping.rejection(seq, now(), RejectionRecordBuilder.builder()
        .eventType(eventType).source(Source.RUNTIME).payload(payload)
        .violations(List.of(ViolationRecord.of(violation))).build()));
    return seq;
  }

  /** Publishes a telemetry snapshot of {@code engineId} to the events topic, keyed as the sink keys it; returns its seq. */
  public long telemetry(String engineId, TelemetrySnapshot snapshot) {
    CloudEventMapping mapping = mappings.computeIfAbsent(engineId, CloudEventMapping::forEngine);
    long seq = nextSeq(engineId);
    send(topic, mapping.telemetryKey(), mapping.telemetry(seq, now(), snapshot));
    return seq;
  }

  /**
   * Publishes the CloudEvent of an event of {@code engineId} whose data breaks its schema (which no
   * engine's sink would publish): {@code data} replaces the valid payload as it is.
   */
  public long invalidEvent(String engineId, String type, String generationId, Map<String, Object> valid,
      Map<String, Object> data) {
    CloudEventMapping mapping = mappings.computeIfAbsent(engineId, CloudEventMapping::forEngine);
    EventEnvelopeBuilder builder = EventEnvelopeBuilder.builder().seq(nextSeq(engineId)).time(now()).type(type)
        .payload(valid);
    if (generationId != null) {
      builder.generationId(generationId);
    }
    EventEnvelope envelope = builder.build();
    CloudEvent event = io.cloudevents.core.builder.CloudEventBuilder.from(mapping.event(envelope))
        .withData("application/json", json(data)).build();
    send(topic, mapping.key(envelope), event);
    return envelope.seq();
  }

  /** Publishes a record value that is not a CloudEvent at all. */
  public void raw(String text) {
    producer.send(new ProducerRecord<>(topic, null, text.getBytes(StandardCharsets.UTF_8)));
  }

  /** CloudEvents the broker acknowledged (raw records are not counted). */
  public long acknowledged() {
    return acknowledged.get();
  }

  /** CloudEvents whose sending failed. */
  public long failed() {
    return failed.get();
  }

  /** Waits until everything sent is acknowledged. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }

  private void send(String to, String key, CloudEvent event) {
    last = producer.send(new ProducerRecord<>(to, key, JSON.serialize(event)), (metadata, failure) -> {
      if (failure == null) {
        acknowledged.incrementAndGet();
      } else {
        failed.incrementAndGet();
      }
    });
  }

  /** The broker's time of the last record sent (waiting for its acknowledgement). */
  public Instant lastWritten() {
    try {
      return Instant.ofEpochMilli(last.get(30, java.util.concurrent.TimeUnit.SECONDS).timestamp());
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the last record was not written: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private long nextSeq(String engineId) {
    return seqs.computeIfAbsent(engineId, id -> new AtomicLong()).incrementAndGet();
  }

  private static String now() {
    return Instant.now().toString();
  }

  private static byte[] json(Map<String, Object> data) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(data);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
