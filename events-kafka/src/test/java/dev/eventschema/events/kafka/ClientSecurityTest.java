package dev.eventschema.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ClientSecurityTest {

  private static final String WHERE = "kafka.client";

  @Test
  void tlsAndSaslPropertiesPassAsTheyAre() {
    Map<String, String> properties = Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
        "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"a\""
            + " password=\"s3cret\";",
        "ssl.truststore.location", "/etc/kafka/truststore.p12", "ssl.truststore.type", "PKCS12");

    assertThat(ClientSecurity.checked(properties, WHERE)).isEqualTo(properties);
  }

  @Test
  void aPropertyOutsideTheSecurityPrefixesIsRefusedNamingIt() {
    assertThatThrownBy(() -> ClientSecurity.checked(Map.of("acks", "0"), WHERE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kafka.client: 'acks' is not allowed: only security.protocol, sasl.* and ssl.* Kafka"
            + " client properties may be set");
  }

  @Test
  void anUnknownSecurityPropertyIsRefusedWithASuggestion() {
    assertThatThrownBy(() -> ClientSecurity.checked(Map.of("ssl.keystore.locaton", "/k.p12"), WHERE))
        .hasMessage("kafka.client: 'ssl.keystore.locaton' is not a Kafka client property; did you mean"
            + " 'ssl.keystore.location'?");
  }

  @Test
  void aSecretIsNeverEchoedButTheProtocolIs() {
    assertThatThrownBy(() -> ClientSecurity.checked(Map.of("security.protocol", "TLS"), WHERE))
        .hasMessageStartingWith("kafka.client: 'security.protocol' must be one of ")
        .hasMessageContaining("SASL_SSL").hasMessageEndingWith(", was 'TLS'");
    assertThatThrownBy(() -> ClientSecurity.checked(Map.of("ssl.key.password", ""), WHERE))
        .hasMessage("kafka.client: 'ssl.key.password' needs a value");
    assertThatThrownBy(() -> ClientSecurity.checked(Map.of("sasl.jaas.config", "x".repeat(20_000)), WHERE))
        .hasMessage("kafka.client: 'sasl.jaas.config' must have at most 16384 characters, had 20000")
        .message().doesNotContain("xxx");
  }

  @Test
  void theMapIsBounded() {
    Map<String, String> many = new LinkedHashMap<>();
    IntStream.range(0, 65).forEach(i -> many.put("ssl.x" + i, "v"));

    assertThatThrownBy(() -> ClientSecurity.checked(many, WHERE))
        .hasMessage("kafka.client has at most 64 properties, had 65");
  }

  @Test
  void theKnownPropertiesAreKafkasOwn() {
    assertThat(ClientSecurity.known()).contains("security.protocol", "sasl.mechanism", "sasl.jaas.config",
        "ssl.keystore.location", "ssl.truststore.certificates").doesNotContain("acks", "bootstrap.servers");
  }
}
