package dev.eventschema.monitor.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** The {@code --kafka-config} security settings, without a TLS broker: what reaches the consumer. */
class ConsumerSettingsTest {

  private static final String PLAIN_JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"monitor\" password=\"s3cret\";";

  @Test
  void securitySettingsReachTheConsumerBesideItsOwn() {
    Properties settings = ConsumerSettings.of(FleetSource.latest("127.0.0.1:9", "t")
        .withClient(Map.of("security.protocol", "SSL", "ssl.truststore.type", "PKCS12")));

    assertThat(settings).containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    assertThat(ConsumerSettings.of(FleetSource.latest("127.0.0.1:9", "t"))).doesNotContainKey("security.protocol");
  }

  @Test
  void theConsumerIsBuiltWithThem() {
    FleetSource sasl = FleetSource.latest("127.0.0.1:9", "t")
        .withClient(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN"));
    // SASL without its JAAS config: the Kafka client itself refuses, which shows the settings reached it
    assertThatThrownBy(() -> new KafkaConsumer<byte[], byte[]>(ConsumerSettings.of(sasl)).close())
        .isInstanceOf(KafkaException.class).rootCause().hasMessageContaining("JAAS");

    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(ConsumerSettings.of(
        sasl.withClient(Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", PLAIN_JAAS))))) {
      assertThat(consumer.assignment()).isEmpty();
    }
  }
}
