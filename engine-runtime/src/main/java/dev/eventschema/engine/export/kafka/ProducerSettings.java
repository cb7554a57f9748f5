package dev.eventschema.engine.export.kafka;

import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.events.kafka.ClientSecurity;
import io.cloudevents.core.message.Encoding;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer's configuration: the security settings of {@code kafka.client} (TLS, SASL), what the
 * issue asks for (idempotent, {@code acks=all}), the CloudEvents binding in structured JSON mode, and
 * the bounds that keep a slow or absent broker from
 * holding the sender thread or memory for long.
 */
final class ProducerSettings {

  /** How long {@code send} may wait for metadata or buffer space before it fails the message. */
  static final long MAX_BLOCK_MS = 1_000;

  /** Batching: a few milliseconds of wait buy far fewer requests at 50,000 messages a second. */
  static final int LINGER_MS = 5;

  static final int BATCH_SIZE_BYTES = 256 * 1024;

  /** The producer's own buffer, behind the sink's bounded queue. */
  static final long BUFFER_MEMORY_BYTES = 32L * 1024 * 1024;

  /** Kafka's default request timeout, shortened when the delivery timeout needs it to be. */
  static final long REQUEST_TIMEOUT_MS = 30_000;

  /** How the config file names the client security settings, in messages. */
  static final String CLIENT = "kafka.client";

  private ProducerSettings() {}

  /**
   * The producer's configuration.
   *
   * @throws IllegalArgumentException naming the property when {@code kafka.client} holds one that
   *     Kafka's clients do not know ({@link ClientSecurity})
   */
  static Map<String, Object> of(KafkaSettings settings, String engineId) {
    long deliveryTimeoutMs = settings.deliveryTimeout().toMillis();
    // first, so that nothing below (the sink's guarantees) can be overridden: the keys are security ones only
    Map<String, Object> config = new HashMap<>(ClientSecurity.checked(settings.client(), CLIENT));
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap());
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "eventschema-" + engineId);
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5); // the most idempotence keeps in order
    config.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE_BYTES);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, BUFFER_MEMORY_BYTES);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeoutMs);
    // the producer refuses a delivery timeout shorter than linger + request timeout
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(REQUEST_TIMEOUT_MS, deliveryTimeoutMs - LINGER_MS));
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class);
    config.put(CloudEventSerializer.ENCODING_CONFIG, Encoding.STRUCTURED);
    config.put(CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE);
    return config;
  }
}
