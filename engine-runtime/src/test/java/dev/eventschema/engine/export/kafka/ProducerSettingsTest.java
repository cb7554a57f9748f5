package dev.eventschema.engine.export.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.KafkaSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.junit.jupiter.api.Test;

/** The {@code kafka.client} security settings (TLS, SASL), without a TLS broker: what reaches the producer. */
class ProducerSettingsTest {

  private static final String PLAIN_JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"engine\" password=\"s3cret\";";

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();

  private static KafkaSettings withClient(Map<String, String> client) {
    return KafkaSettingsBuilder.builder().bootstrap("127.0.0.1:9").topic("events").client(client).build();
  }

  @Test
  void securitySettingsReachTheProducerBesideTheSinksOwn() {
    Map<String, Object> config = ProducerSettings.of(withClient(Map.of("security.protocol", "SASL_SSL",
        "sasl.mechanism", "PLAIN", "sasl.jaas.config", PLAIN_JAAS, "ssl.truststore.type", "PKCS12")), "engine-a");

    assertThat(config).containsEntry(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL")
        .containsEntry(SaslConfigs.SASL_MECHANISM, "PLAIN")
        .containsEntry(SaslConfigs.SASL_JAAS_CONFIG, PLAIN_JAAS)
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    assertThat(ProducerSettings.of(withClient(Map.of()), "engine-a"))
        .doesNotContainKey(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG);
  }

  @Test
  void theProducerIsBuiltWithThem() {
    // SASL without its JAAS config: the Kafka client itself refuses, which shows the settings reached it
    assertThatThrownBy(() -> KafkaSink.start(withClient(Map.of("security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN")), "engine-a", emitter))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessageContaining("cannot create the Kafka producer").hasMessageContaining("JAAS");

    KafkaSink sink = KafkaSink.start(withClient(Map.of("security.protocol", "SASL_PLAINTEXT",
        "sasl.mechanism", "PLAIN", "sasl.jaas.config", PLAIN_JAAS)), "engine-a", emitter);
    sink.close(Duration.ofSeconds(1));
  }

  @Test
  void aSecurityPropertyKafkaDoesNotKnowStopsTheSinkAtStartNamingIt() {
    assertThatThrownBy(() -> KafkaSink.start(withClient(Map.of("ssl.keystore.locaton", "/etc/k.p12")), "engine-a",
        emitter))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG))
        .hasMessage("kafka.client: 'ssl.keystore.locaton' is not a Kafka client property; did you mean"
            + " 'ssl.keystore.location'?");
  }

  @Test
  void theSchemaRefusesAnythingButSecurityProperties() {
    assertThatThrownBy(() -> withClient(Map.of("acks", "0")))
        .hasMessageContaining("/client").hasMessageContaining("acks")
        .hasMessageContaining("must be security.protocol or a sasl.* or ssl.* Kafka client property");
  }
}
