package dev.eventschema.engine.config;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static dev.eventschema.engine.events.testing.Payloads.pathsAndCodes;
import static dev.eventschema.engine.events.testing.Payloads.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.eventschema.Violation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The telemetry config schema, including the MetricLabels rules of its {@code labels}. */
class TelemetryConfigTest {

  static final Map<String, Object> MINIMAL = map("enabled", true);

  @ParameterizedTest(name = "{0}")
  @MethodSource("validConfigs")
  void validConfigs(Map<String, Object> config) {
    TelemetryConfig parsed = TelemetryConfigValidator.INSTANCE.parse(config).orElseThrow();

    assertThat(TelemetryConfigValidator.INSTANCE.toMap(parsed)).isEqualTo(config);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidConfigs")
  void invalidConfigs(Map<String, Object> config, String[] expected) {
    assertThat(pathsAndCodes(TelemetryConfigValidator.INSTANCE.parse(config).violations())).containsExactly(expected);
  }

  static Stream<Arguments> validConfigs() {
    return Stream.of(
        valid("minimal", MINIMAL),
        valid("disabled", map("enabled", false)),
        valid("full", map("enabled", true, "serviceName", "mlx-serving_1", "prometheusPort", 9464,
            "exportIntervalMs", 60_000L, "labels", map("env", "prod", "region_1", "eu-west"))),
        valid("one-character name", with(MINIMAL, "serviceName", "a")),
        valid("name with hyphens and underscores", with(MINIMAL, "serviceName", "my-engine_2")),
        valid("name of 100 characters", with(MINIMAL, "serviceName", "n".repeat(100))),
        valid("lowest port 1024", with(MINIMAL, "prometheusPort", 1024)),
        valid("highest port 65535", with(MINIMAL, "prometheusPort", 65535)),
        valid("shortest interval 1000", with(MINIMAL, "exportIntervalMs", 1000L)),
        valid("longest interval 600000", with(MINIMAL, "exportIntervalMs", 600_000L)),
        valid("16 labels", with(MINIMAL, "labels", labels(16))),
        valid("label name starting with one underscore", with(MINIMAL, "labels", map("_team", "core"))),
        valid("label value of 128 characters", with(MINIMAL, "labels", map("note", "v".repeat(128)))),
        valid("empty label value", with(MINIMAL, "labels", map("note", ""))));
  }

  static Stream<Arguments> invalidConfigs() {
    return Stream.of(
        invalid("enabled missing", map(), "/enabled missing"),
        invalid("enabled as the string 'true'", map("enabled", "true"), "/enabled invalid_type"),
        invalid("enabled as 1", map("enabled", 1), "/enabled invalid_type"),
        invalid("enabled null", map("enabled", null), "/enabled invalid_type"),
        invalid("empty name", with(MINIMAL, "serviceName", ""), "/serviceName too_small", "/serviceName invalid_format"),
        invalid("name of 101 characters", with(MINIMAL, "serviceName", "n".repeat(101)), "/serviceName too_big"),
        invalid("name with '@'", with(MINIMAL, "serviceName", "svc@host"), "/serviceName invalid_format"),
        invalid("name with a space", with(MINIMAL, "serviceName", "my engine"), "/serviceName invalid_format"),
        invalid("name with a dot", with(MINIMAL, "serviceName", "my.engine"), "/serviceName invalid_format"),
        invalid("name as a number", with(MINIMAL, "serviceName", 7), "/serviceName invalid_type"),
        invalid("port 1023", with(MINIMAL, "prometheusPort", 1023), "/prometheusPort too_small"),
        invalid("privileged port 80", with(MINIMAL, "prometheusPort", 80), "/prometheusPort too_small"),
        invalid("port 65536", with(MINIMAL, "prometheusPort", 65536), "/prometheusPort too_big"),
        invalid("port 70000", with(MINIMAL, "prometheusPort", 70000), "/prometheusPort too_big"),
        invalid("fractional port 9464.5", with(MINIMAL, "prometheusPort", 9464.5), "/prometheusPort invalid_type"),
        invalid("port as a string", with(MINIMAL, "prometheusPort", "9464"), "/prometheusPort invalid_type"),
        invalid("interval 999", with(MINIMAL, "exportIntervalMs", 999), "/exportIntervalMs too_small"),
        invalid("interval 500", with(MINIMAL, "exportIntervalMs", 500), "/exportIntervalMs too_small"),
        invalid("interval 600001", with(MINIMAL, "exportIntervalMs", 600_001), "/exportIntervalMs too_big"),
        invalid("interval 700000", with(MINIMAL, "exportIntervalMs", 700_000), "/exportIntervalMs too_big"),
        invalid("a logger, which is not configured here", with(MINIMAL, "logger", map("level", "debug")),
            "/logger unrecognized_keys"),
        invalid("a misspelt key", with(MINIMAL, "prometheusPorts", 9464), "/prometheusPorts unrecognized_keys"),
        invalid("label name starting with '__'", with(MINIMAL, "labels", map("__name__", "x")),
            "/labels/__name__ invalid_format"),
        invalid("label name starting with a digit", with(MINIMAL, "labels", map("1st", "x")),
            "/labels/1st invalid_format"),
        invalid("label name with a hyphen", with(MINIMAL, "labels", map("team-name", "x")),
            "/labels/team-name invalid_format"),
        invalid("empty label name", with(MINIMAL, "labels", map("", "x")), "/labels/ invalid_format"),
        invalid("label value of 129 characters", with(MINIMAL, "labels", map("note", "v".repeat(129))),
            "/labels/note too_big"),
        invalid("17 labels", with(MINIMAL, "labels", labels(17)), "/labels too_big"),
        invalid("label value as a number (not converted)", with(MINIMAL, "labels", map("shard", 3)),
            "/labels/shard invalid_type"),
        invalid("label value as a boolean (not converted)", with(MINIMAL, "labels", map("canary", true)),
            "/labels/canary invalid_type"),
        invalid("labels as a list", with(MINIMAL, "labels", java.util.List.of("env")), "/labels invalid_type"),
        invalid("everything wrong", map("enabled", "yes", "serviceName", "", "prometheusPort", 80, "extra", 1),
            "/extra unrecognized_keys", "/enabled invalid_type", "/serviceName too_small",
            "/serviceName invalid_format", "/prometheusPort too_small"));
  }

  @Test
  void anUnknownKeySuggestsTheClosestField() {
    assertThat(messages(map("enabled", true, "prometheusport", 9464)))
        .containsExactly("/prometheusport: unknown key 'prometheusport'; did you mean 'prometheusPort'? [unrecognized_keys]");
  }

  @Test
  void messagesNameTheFieldAndTheRule() {
    assertThat(messages(with(MINIMAL, "prometheusPort", 80)))
        .containsExactly("/prometheusPort: must be between 1024 and 65535, was 80 [too_small]");
    assertThat(messages(with(MINIMAL, "serviceName", "a b")))
        .containsExactly("/serviceName: letters, digits, hyphens and underscores only, was 'a b' [invalid_format]");
    assertThat(messages(map())).containsExactly("/enabled: is required [missing]");
  }

  private static java.util.List<String> messages(Map<String, Object> config) {
    return TelemetryConfigValidator.INSTANCE.parse(config).violations().stream().map(Violation::toString).toList();
  }

  @Test
  void absentOptionalsHaveDefaults() {
    TelemetryConfig config = TelemetryConfigValidator.INSTANCE.parse(MINIMAL).orElseThrow();

    assertThat(config.prometheusPortOrDefault()).isEqualTo(9464);
    assertThat(config.exportIntervalMsOrDefault()).isEqualTo(1000);
    assertThat(config.serviceNameOrDefault()).isEqualTo("eventschema-engine");
    assertThat(config.labels()).isEmpty();
  }

  private static Map<String, Object> labels(int count) {
    Map<String, Object> labels = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> labels.put("label_" + i, "value"));
    return labels;
  }

  static Arguments valid(String name, Map<String, Object> config) {
    return Arguments.of(named(name, config));
  }

  static Arguments invalid(String name, Map<String, Object> config, String... expected) {
    return Arguments.of(named(name, config), expected);
  }
}
