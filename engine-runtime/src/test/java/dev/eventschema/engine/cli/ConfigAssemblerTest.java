package dev.eventschema.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.engine.cli.CommandLine.Invocation;
import dev.eventschema.engine.cli.CommandLine.UsageException;
import dev.eventschema.engine.cli.ConfigAssembler.InvalidConfigException;
import dev.eventschema.engine.config.ConfigFile;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigValidator;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flags merged into the config file, validated once, and errors named as the user wrote them. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigAssemblerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<Flag> COVERED = EnumSet.noneOf(Flag.class);

  @TempDir
  Path dir;

  /** Each flag, a value for it, and the config it makes (which the schema accepts: the place exists). */
  static Stream<Arguments> flagsAndTheirPlaces() {
    return Stream.of(
        Arguments.of("serve --host ::1", "{\"stream\":{\"host\":\"::1\"}}"),
        Arguments.of("serve --port 0", "{\"stream\":{\"port\":0}}"),
        Arguments.of("serve --port=9000", "{\"stream\":{\"port\":9000}}"),
        Arguments.of("serve --token abcdefghijklmnop", "{\"stream\":{\"token\":\"abcdefghijklmnop\"}}"),
        Arguments.of("serve --allow-remote-without-token", "{\"stream\":{\"allowRemoteWithoutToken\":true}}"),
        Arguments.of("serve --history 5", "{\"stream\":{\"historySize\":5}}"),
        Arguments.of("serve --client-queue 6", "{\"stream\":{\"clientQueue\":6}}"),
        Arguments.of("serve --max-clients 7", "{\"stream\":{\"maxClients\":7}}"),
        Arguments.of("serve --heartbeat-ms 500", "{\"stream\":{\"heartbeatMs\":500}}"),
        Arguments.of("serve --prometheus-port 9100", "{\"telemetry\":{\"prometheusPort\":9100,\"enabled\":true}}"),
        Arguments.of("serve --export-interval-ms 2000", "{\"telemetry\":{\"exportIntervalMs\":2000,\"enabled\":true}}"),
        Arguments.of("serve --service-name svc", "{\"telemetry\":{\"serviceName\":\"svc\",\"enabled\":true}}"),
        Arguments.of("serve --no-telemetry", "{\"telemetry\":{\"enabled\":false}}"),
        Arguments.of("serve --model a=x.txt --model b=classpath:y",
            "{\"models\":[{\"id\":\"a\",\"path\":\"x.txt\"},{\"id\":\"b\",\"path\":\"classpath:y\"}]}"),
        Arguments.of("serve --otlp-endpoint http://127.0.0.1:4318 --otlp-interval-ms 500",
            "{\"otlp\":{\"endpoint\":\"http://127.0.0.1:4318\",\"intervalMs\":500}}"),
        Arguments.of("serve --otlp-endpoint https://c.example:4318 --otlp-header api-key=k1 --otlp-header X-Team=a=b",
            "{\"otlp\":{\"endpoint\":\"https://c.example:4318\",\"headers\":{\"api-key\":\"k1\",\"X-Team\":\"a=b\"}}}"),
        Arguments.of("serve --no-api", "{\"api\":{\"enabled\":false}}"),
        Arguments.of("serve --no-admin", "{\"api\":{\"adminEnabled\":false}}"),
        Arguments.of("serve --max-concurrent 2", "{\"engine\":{\"maxConcurrent\":2}}"),
        Arguments.of("serve --max-waiting 0", "{\"engine\":{\"maxWaiting\":0}}"),
        Arguments.of("serve --runtime python3_rt.py_--fast", "{\"engine\":{\"runtime\":{\"command\":[\"python3\",\"rt.py\",\"--fast\"]}}}"),
        Arguments.of("demo --fault-rate 0.25", "{\"demo\":{\"faultRate\":0.25}}"),
        Arguments.of("demo --fault-rate 1", "{\"demo\":{\"faultRate\":1.0}}"),
        Arguments.of("demo --concurrency 8", "{\"demo\":{\"concurrency\":8}}"),
        Arguments.of("demo --tokens-per-second 2.5e1", "{\"demo\":{\"tokensPerSecond\":25.0}}"),
        Arguments.of("demo --seed -7", "{\"demo\":{\"seed\":-7}}"),
        Arguments.of("serve --engine-id engine-a.eu", "{\"id\":\"engine-a.eu\"}"),
        Arguments.of("serve --kafka-bootstrap 127.0.0.1:9092,kafka-2:9093 --kafka-topic events",
            "{\"kafka\":{\"bootstrap\":\"127.0.0.1:9092,kafka-2:9093\",\"topic\":\"events\"}}"),
        Arguments.of("serve --kafka-bootstrap k:9092 --kafka-topic e --kafka-rejections-topic r --kafka-buffer 8",
            "{\"kafka\":{\"bootstrap\":\"k:9092\",\"topic\":\"e\",\"rejectionsTopic\":\"r\",\"bufferSize\":8}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("flagsAndTheirPlaces")
  void eachFlagWritesItsPlaceAsItsJsonType(String args, String expected) throws Exception {
    // '_' stands for a space inside one argument
    String[] split = Stream.of(args.split(" ")).map(a -> a.replace('_', ' ')).toArray(String[]::new);
    Invocation invocation = CommandLine.parse(split);
    Map<String, Object> config = new LinkedHashMap<>();
    ConfigAssembler.merge(config, invocation.values());

    assertThat(JSON.readTree(JSON.writeValueAsString(config))).isEqualTo(JSON.readTree(expected));
    assertThat(EngineConfigValidator.INSTANCE.parse(config).violations()).isEmpty();
    invocation.values().forEach(value -> COVERED.add(value.flag()));
  }

  @AfterAll
  static void everyFlagButConfigIsInTheTable() {
    Set<Flag> expected = EnumSet.allOf(Flag.class);
    expected.removeAll(EnumSet.of(Flag.CONFIG, Flag.TOKEN_FILE)); // --token-file: its own test below
    if (COVERED.size() > 1) { // the whole table ran (not a single case from an IDE)
      assertThat(COVERED).containsAll(expected);
    }
  }

  @Test
  void aFlagThatIsNotItsJsonTypeIsAnErrorNamingTheFlag() {
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--port", "eighty"}))
        .isInstanceOf(UsageException.class).hasMessage("--port: needs a whole number, was 'eighty'");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--port", "80.5"}))
        .hasMessage("--port: needs a whole number, was '80.5'");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"demo", "--fault-rate", "NaN"}))
        .hasMessage("--fault-rate: needs a number, was 'NaN'");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"demo", "--tokens-per-second", "1d"}))
        .hasMessage("--tokens-per-second: needs a number, was '1d'");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--runtime", " "}))
        .hasMessage("--runtime: needs a program to run, was ' '");
    assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--port", "1", "--port", "2"}))
        .hasMessage("option --port given twice");
  }

  @Test
  void otlpHeadersFromFlagsJoinTheFilesAndABrokenOneIsNamedWithoutItsValue() throws Exception {
    Path file = Files.writeString(dir.resolve("otlp.json"),
        "{\"otlp\": {\"endpoint\": \"http://127.0.0.1:4318\", \"headers\": {\"api-key\": \"from-file\", \"a\": \"1\"}}}");

    EngineConfig config = assemble("serve", "--config", file.toString(), "--otlp-header", "api-key=from-flag",
        "--otlp-header", "b=2");
    assertThat(config.otlp().orElseThrow().headers())
        .containsExactlyInAnyOrderEntriesOf(Map.of("api-key", "from-flag", "a", "1", "b", "2"));

    assertThatThrownBy(() -> CommandLine.parse(new String[] {"serve", "--otlp-header", "Authorization: Bearer s3cret"}))
        .isInstanceOf(UsageException.class)
        .hasMessage("--otlp-header: needs NAME=VALUE, with '=' after the name (the text given is not shown, as it may"
            + " be a secret)");
    assertThat(problems("serve", "--otlp-endpoint", "http://127.0.0.1:4318", "--otlp-header", "bad name=x"))
        .containsExactly("--otlp-header: must be an HTTP header name: letters, digits, '-' and '_', was 'bad name'");
    assertThat(problems("serve", "--otlp-endpoint", "ftp://collector:4318", "--otlp-interval-ms", "50"))
        .containsExactlyInAnyOrder(
            "--otlp-endpoint: must be an http:// or https:// URL without spaces, was 'ftp://collector:4318'",
            "--otlp-interval-ms: must be between 100 and 3600000, was 50");
  }

  @Test
  void theSameRuleBrokenInTheFileNamesTheFileAndPath_andByAFlagNamesTheFlag() throws Exception {
    Path file = Files.writeString(dir.resolve("config.json"), "{\"demo\": {\"faultRate\": 2}}");

    assertThat(problems("demo", "--config", file.toString()))
        .containsExactly(file + ": /demo/faultRate must be between 0 and 1, was 2.0");
    assertThat(problems("demo", "--fault-rate", "2"))
        .containsExactly("--fault-rate: must be between 0 and 1, was 2.0");
    // the flag wins over the file: its value is the one checked, and named
    Path fine = Files.writeString(dir.resolve("fine.json"), "{\"demo\": {\"faultRate\": 0.5}}");
    assertThat(problems("demo", "--config", fine.toString(), "--fault-rate", "2"))
        .containsExactly("--fault-rate: must be between 0 and 1, was 2.0");
    EngineConfig overridden = assemble("demo", "--config", file.toString(), "--fault-rate", "0.5");
    assertThat(overridden.demoOrDefaults().faultRateOrDefault()).isEqualTo(0.5);
  }

  @Test
  void problemsFromBothSourcesAreListedTogether() throws Exception {
    Path file = Files.writeString(dir.resolve("engine.json"), "{\"stream\": {\"maxClients\": 0}}");

    assertThat(problems("serve", "--config", file.toString(), "--port", "70000", "--model", "m=" + "p".repeat(5000)))
        .containsExactlyInAnyOrder(
            "--port: must be between 0 and 65535, was 70000",
            file + ": /stream/maxClients must be between 1 and 1024, was 0",
            "--model: must have at most 4096 characters, had 5000");
  }

  @Test
  void anUnknownKeyInTheFileSuggestsTheClosestOne() throws Exception {
    Path file = Files.writeString(dir.resolve("typo.json"),
        "{\"stream\": {\"prot\": 80}, \"telemetry\": {\"enabled\": true, \"prometheusPrt\": 9500}}");

    assertThat(problems("serve", "--config", file.toString())).containsExactlyInAnyOrder(
        file + ": /stream/prot unknown key 'prot'; did you mean 'port'?",
        file + ": /telemetry/prometheusPrt unknown key 'prometheusPrt'; did you mean 'prometheusPort'?");
  }

  @Test
  void atMostTwentyViolationsArePrinted_thenHowManyMore() throws Exception {
    String keys = IntStream.range(0, 5000).mapToObj(i -> "\"k" + i + "\": 1").collect(Collectors.joining(","));
    Path file = Files.writeString(dir.resolve("many.json"), "{" + keys + "}");

    List<String> problems = problems("serve", "--config", file.toString());

    assertThat(problems).hasSize(ConfigAssembler.MAX_REPORTED + 1);
    assertThat(problems.get(problems.size() - 1)).matches("and \\d+ more");
  }

  @Test
  void anOversizeConfigFileIsRefusedBeforeItIsParsed() throws Exception {
    Path big = dir.resolve("big.json");
    Files.writeString(big, "{\"models\": [" + " ".repeat(ConfigFile.MAX_BYTES) + "]}");

    assertThatThrownBy(() -> assemble("serve", "--config", big.toString()))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).isEqualTo("config file " + big + " is larger than 1048576 bytes");
        });
  }

  @Test
  void aTokenFileIsReadBoundedAndStripped() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "  abcdefghijklmnopqrstuvwxyz\n");
    assertThat(assemble("serve", "--token-file", token.toString()).streamOrDefaults().token())
        .contains("abcdefghijklmnopqrstuvwxyz");

    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> assemble("serve", "--token-file", empty.toString()))
        .hasMessage("--token-file: token file " + empty + " is empty");
    Path huge = Files.writeString(dir.resolve("huge"), "x".repeat(Flag.MAX_TOKEN_FILE_BYTES + 1));
    assertThatThrownBy(() -> assemble("serve", "--token-file", huge.toString()))
        .hasMessageContaining("is larger than " + Flag.MAX_TOKEN_FILE_BYTES + " bytes");
    Path shortToken = Files.writeString(dir.resolve("short"), "short");
    assertThat(problems("serve", "--token-file", shortToken.toString()))
        .containsExactly("--token-file: must have between 16 and 512 characters, had 5");
  }

  @Test
  void kafkaSettingsAreCheckedByTheSchemaAndNamedAsWritten() throws Exception {
    assertThat(problems("serve", "--kafka-bootstrap", "127.0.0.1")).containsExactly(
        "--kafka-bootstrap: must be HOST:PORT, comma-separated for several brokers, was '127.0.0.1'",
        "--kafka-topic: is required with --kafka-bootstrap");
    assertThat(problems("serve", "--kafka-bootstrap", "k:9092", "--kafka-topic", "no spaces", "--kafka-buffer", "0"))
        .containsExactlyInAnyOrder(
            "--kafka-topic: must be a Kafka topic name: letters, digits, '.', '_' and '-', was 'no spaces'",
            "--kafka-buffer: must be between 1 and 1000000, was 0");
    assertThat(problems("serve", "--engine-id", "-engine")).containsExactly(
        "--engine-id: must be letters, digits, '.', '_', '~' and '-', starting with a letter or digit,"
            + " was '-engine'");
    Path file = Files.writeString(dir.resolve("kafka.json"),
        "{\"kafka\": {\"bootstrap\": \"k:9092\", \"topic\": \"e\", \"deliveryTimeoutMs\": 10}}");
    assertThat(problems("serve", "--config", file.toString()))
        .containsExactly(file + ": /kafka/deliveryTimeoutMs must be between 1000 and 3600000, was 10");
  }

  @Test
  void kafkaClientSecuritySettingsComeFromTheFileAndOnlySecurityOnesAreAllowed() throws Exception {
    Path file = Files.writeString(dir.resolve("kafka-tls.json"), """
        {"kafka": {"bootstrap": "k:9093", "topic": "e", "client": {"security.protocol": "SSL",
          "ssl.truststore.location": "/etc/kafka/truststore.p12", "ssl.truststore.password": "s3cret"}}}""");
    assertThat(assemble("serve", "--config", file.toString()).kafka().orElseThrow().client())
        .containsEntry("security.protocol", "SSL").containsEntry("ssl.truststore.password", "s3cret").hasSize(3);

    Path unknown = Files.writeString(dir.resolve("kafka-acks.json"),
        "{\"kafka\": {\"bootstrap\": \"k:9092\", \"topic\": \"e\", \"client\": {\"acks\": \"0\"}}}");
    assertThat(problems("serve", "--config", unknown.toString())).containsExactly(unknown
        + ": /kafka/client/acks must be security.protocol or a sasl.* or ssl.* Kafka client property, was 'acks'");
  }

  @Test
  void theKafkaSectionHasDefaultsAndTheEngineAnId() {
    EngineConfig config = assemble("serve", "--kafka-bootstrap", "k:9092", "--kafka-topic", "events");

    assertThat(config.kafka().orElseThrow().rejectionsTopicOrDefault()).isEqualTo("events.rejections");
    assertThat(config.kafka().orElseThrow().bufferSizeOrDefault()).isEqualTo(16_384);
    assertThat(config.idOrDefault()).matches("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");
    assertThat(assemble("serve", "--engine-id", "engine-a").idOrDefault()).isEqualTo("engine-a");
    assertThat(assemble("serve").kafka()).isEmpty();
  }

  @Test
  void withoutAFileTheDefaultsApply() {
    EngineConfig config = assemble("serve");

    assertThat(config.streamOrDefaults().portOrDefault()).isEqualTo(8765);
    assertThat(config.telemetryOrDefaults().enabled()).isTrue();
    assertThat(config.models()).isEmpty();
  }

  private static EngineConfig assemble(String... args) {
    Invocation invocation = CommandLine.parse(args);
    return ConfigAssembler.assemble(invocation.configFile(), invocation.values());
  }

  private static List<String> problems(String... args) {
    try {
      assemble(args);
    } catch (InvalidConfigException e) {
      return e.lines();
    }
    throw new AssertionError("the config was valid");
  }
}
