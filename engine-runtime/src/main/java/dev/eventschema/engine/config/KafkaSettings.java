package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code kafka} section of {@link EngineConfig}: the optional sink that publishes every accepted
 * event, as a CloudEvent, to a Kafka topic, and every rejection to a second one (docs/fleet.md).
 * Absent, no sink runs and nothing connects to Kafka. Wire name {@code kafkaSettings}.
 *
 * <pre>{@code
 * "kafka": {"bootstrap": "127.0.0.1:9092", "topic": "engine-events", "bufferSize": 16384,
 *           "client": {"security.protocol": "SASL_SSL", "sasl.mechanism": "SCRAM-SHA-512", ...}}
 * }</pre>
 */
@EventSchema("kafkaSettings")
public interface KafkaSettings {

  /** Messages waiting for the producer before the sink drops and counts. */
  int DEFAULT_BUFFER_SIZE = 16_384;

  /** How long the producer keeps trying to deliver a message, retries included: Kafka's own default. */
  long DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;

  /** The brokers to bootstrap from: {@code HOST:PORT}, comma-separated for several. */
  @Size(min = 1, max = 1024)
  @Pattern(regexp = "[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5})*",
      message = "must be HOST:PORT, comma-separated for several brokers")
  String bootstrap();

  /** The topic of the accepted events (short enough for the rejections topic's suffix). */
  @Size(min = 1, max = 238)
  @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a Kafka topic name: letters, digits, '.', '_' and '-'")
  String topic();

  /** The topic of the rejections; absent: the events topic plus {@code .rejections}. */
  @Size(min = 1, max = 249)
  @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a Kafka topic name: letters, digits, '.', '_' and '-'")
  Optional<String> rejectionsTopic();

  /** Messages the sink holds for the producer; beyond them it drops and counts. */
  @Range(min = 1, max = 1_000_000) OptionalInt bufferSize();

  /** How long a message may take to be acknowledged, retries included, before it counts as dropped. */
  @Range(min = 1_000, max = 3_600_000) OptionalLong deliveryTimeoutMs();

  /**
   * Kafka client security settings, passed to the producer as they are: {@code security.protocol} and
   * {@code sasl.*} and {@code ssl.*} properties (TLS, SASL; docs/fleet.md), at most 64. Config file
   * only, never a flag: they hold secrets, and a command line is visible to every user of the
   * machine. The schema checks the names' prefixes; the sink checks at start that Kafka's clients
   * know each name. A value is not checked here, so that no message echoes a secret.
   */
  @Size(max = 64)
  Map<@Size(max = 128) @Pattern(regexp = "security\\.protocol|(sasl|ssl)\\.[a-z0-9.]+",
      message = "must be security.protocol or a sasl.* or ssl.* Kafka client property") String,
      @Size(min = 1, max = 16_384) String> client();

  default String rejectionsTopicOrDefault() {
    return rejectionsTopic().orElse(topic() + ".rejections");
  }

  default int bufferSizeOrDefault() {
    return bufferSize().orElse(DEFAULT_BUFFER_SIZE);
  }

  default Duration deliveryTimeout() {
    return Duration.ofMillis(deliveryTimeoutMs().orElse(DEFAULT_DELIVERY_TIMEOUT_MS));
  }
}
