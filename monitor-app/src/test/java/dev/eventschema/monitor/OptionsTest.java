package dev.eventschema.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.monitor.fleet.FleetSource;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsTest {

  @Test
  void noArgumentsMeansTheEmbeddedDemo() {
    Options o = Options.parse(List.of());
    assertThat(o.connect()).isEmpty();
    assertThat(o.kafka()).isNull();
    assertThat(o.demoFaultRate()).isEqualTo(0.02);
    assertThat(o.bufferCapacity()).isEqualTo(20_000);
  }

  @Test
  void connectWithTokensToSeveralEngines() {
    Options o = Options.parse(List.of("--connect", "http://127.0.0.1:8765/", "--token", "s3cret",
        "--connect", "127.0.0.1:9000", "--buffer", "5000"));
    assertThat(o.connect()).containsExactly(
        new Options.Target(URI.create("http://127.0.0.1:8765/"), "s3cret"),
        new Options.Target(URI.create("http://127.0.0.1:9000"), null));
    assertThat(o.bufferCapacity()).isEqualTo(5000);
  }

  @Test
  void explainsWhatIsWrong() {
    assertThatThrownBy(() -> Options.parse(List.of("--connect"))).hasMessage("--connect needs a value");
    assertThatThrownBy(() -> Options.parse(List.of("--token", "x")))
        .hasMessage("--token must follow the --connect URL it belongs to");
    assertThatThrownBy(() -> Options.parse(List.of("--connect", "ftp://host:1/")))
        .hasMessageContaining("must start with http:// or https://");
    assertThatThrownBy(() -> Options.parse(List.of("--connect", "http://localhost/")))
        .hasMessageContaining("Add the engine's port");
    assertThatThrownBy(() -> Options.parse(List.of("--buffer", "lots"))).hasMessageContaining("whole number");
    assertThatThrownBy(() -> Options.parse(List.of("--fault-rate", "2"))).hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> Options.parse(List.of("--verbose"))).hasMessage("unknown argument '--verbose'");
  }

  @Test
  void kafkaFollowsATopicFromTheLatestOffsetWithItsDefaultRejectionsTopic() {
    Options o = Options.parse(List.of("--kafka", "127.0.0.1:9092", "--topic", "engine-events"));
    assertThat(o.kafka()).isEqualTo(new FleetSource("127.0.0.1:9092", "engine-events", "engine-events.rejections", null));
    assertThat(o.connect()).isEmpty();
  }

  @Test
  void kafkaReplaysFromATimeWithItsZoneAndNamesTheRejectionsTopic() {
    Options o = Options.parse(List.of("--kafka", "broker-1:9092, broker-2:9093", "--topic", "events",
        "--rejections-topic", "refused", "--from", "2026-11-30T08:00:00+01:00"));
    assertThat(o.kafka()).isEqualTo(new FleetSource("broker-1:9092, broker-2:9093", "events", "refused",
        Instant.parse("2026-11-30T07:00:00Z")));
    assertThat(Options.parse(List.of("--kafka", "h:1", "--topic", "t", "--from", "latest")).kafka().from()).isNull();
  }

  @Test
  void kafkaClientSecuritySettingsComeFromAPropertiesFile(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("client.properties"), """
        # TLS and SASL/SCRAM, as Kafka's own tools take them
        security.protocol=SASL_SSL
        sasl.mechanism=SCRAM-SHA-512
        sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\
            username="monitor" password="s3cret";
        ssl.truststore.location=/etc/kafka/truststore.p12
        """);

    FleetSource source = Options.parse(List.of("--kafka", "k:9093", "--topic", "t", "--kafka-config",
        file.toString())).kafka();

    assertThat(source.client()).containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("sasl.jaas.config").hasSize(4);
    assertThat(source.client().get("sasl.jaas.config")).endsWith("password=\"s3cret\";");
    assertThat(source.toString()).doesNotContain("s3cret").contains("sasl.jaas.config");
    assertThat(source.from(Instant.EPOCH).client()).isEqualTo(source.client());
  }

  @Test
  void aKafkaConfigFileIsCheckedNamingWhatIsWrong(@TempDir Path dir) throws Exception {
    Path acks = Files.writeString(dir.resolve("acks.properties"), "acks=0\n");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "k:9092", "--topic", "t", "--kafka-config",
        acks.toString()))).hasMessage("--kafka-config " + acks + ": 'acks' is not allowed: only security.protocol,"
            + " sasl.* and ssl.* Kafka client properties may be set");
    Path typo = Files.writeString(dir.resolve("typo.properties"), "ssl.truststore.locaton=/x.p12\n");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "k:9092", "--topic", "t", "--kafka-config",
        typo.toString()))).hasMessageEndingWith("'ssl.truststore.locaton' is not a Kafka client property; did you"
            + " mean 'ssl.truststore.location'?");
    Path missing = dir.resolve("nowhere.properties");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "k:9092", "--topic", "t", "--kafka-config",
        missing.toString()))).hasMessageStartingWith("--kafka-config " + missing + ": cannot read the file");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka-config", acks.toString())))
        .hasMessage("--kafka-config needs --kafka HOST:PORT");
  }

  @Test
  void kafkaAndConnectTogetherWatchBoth() {
    Options o = Options.parse(List.of("--connect", "127.0.0.1:8765", "--kafka", "127.0.0.1:9092", "--topic", "t"));
    assertThat(o.connect()).hasSize(1);
    assertThat(o.kafka().topic()).isEqualTo("t");
  }

  @Test
  void explainsWhatIsWrongWithTheKafkaFlags() {
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "127.0.0.1:9092")))
        .hasMessage("--kafka needs --topic, the topic the engines publish to");
    assertThatThrownBy(() -> Options.parse(List.of("--topic", "t"))).hasMessage("--topic needs --kafka HOST:PORT");
    assertThatThrownBy(() -> Options.parse(List.of("--from", "latest"))).hasMessage("--from needs --kafka HOST:PORT");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "localhost", "--topic", "t")))
        .hasMessage("--kafka: each broker is HOST:PORT, such as 127.0.0.1:9092, was 'localhost'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:99999", "--topic", "t")))
        .hasMessage("--kafka: the port must be between 1 and 65535, was 99999 in 'h:99999'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:nine", "--topic", "t")))
        .hasMessage("--kafka: the port must be a whole number, was 'nine' in 'h:nine'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "my events")))
        .hasMessage("--topic: a topic name has 1 to 249 of the characters a-z A-Z 0-9 . _ -, was 'my events'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "..")))
        .hasMessage("--topic: '..' is not allowed as a topic name");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "t", "--from", "yesterday")))
        .hasMessage("--from: needs 'latest' or an ISO-8601 time with its zone, such as 2026-11-30T07:00:00Z,"
            + " was 'yesterday'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "t", "--from",
        "2026-11-30T07:00:00"))).hasMessageContaining("with its zone");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "t", "--rejections-topic", "t")))
        .hasMessage("--rejections-topic must differ from --topic, both were 't'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka", "h:9092", "--topic", "x".repeat(245))))
        .hasMessageContaining("is too long to add '.rejections'");
    assertThatThrownBy(() -> Options.parse(List.of("--kafka"))).hasMessage("--kafka needs a value");
  }
}
