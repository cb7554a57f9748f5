package dev.eventschema.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the telemetry config from a JSON file. */
class TelemetryConfigLoaderTest {

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("telemetry.json"), json);
  }

  @Test
  void aFullFileIsRead() throws IOException {
    TelemetryConfig config = TelemetryConfigLoader.load(file("""
        {"enabled": true, "serviceName": "engine-1", "prometheusPort": 9500, "exportIntervalMs": 5000,
         "labels": {"env": "test"}}
        """));

    assertThat(config.enabled()).isTrue();
    assertThat(config.serviceName()).contains("engine-1");
    assertThat(config.prometheusPort()).hasValue(9500);
    assertThat(config.exportIntervalMs()).hasValue(5000);
    assertThat(config.labels()).isEqualTo(Map.of("env", "test"));
  }

  @Test
  void anUnknownKeyInTheFileIsAnErrorWithASuggestion() throws IOException {
    Path file = file("{\"enabled\": true, \"exportInterval\": 5000}");

    assertThatThrownBy(() -> TelemetryConfigLoader.load(file))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains(file.toString())
              .contains("unknown key 'exportInterval'; did you mean 'exportIntervalMs'?");
        });
  }

  @Test
  void everyViolationIsListed() throws IOException {
    Path file = file("{\"enabled\": \"true\", \"prometheusPort\": 80, \"exportIntervalMs\": 700000}");

    assertThatThrownBy(() -> TelemetryConfigLoader.load(file))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.details().get("violations"))
            .asString().contains("/enabled").contains("/prometheusPort").contains("/exportIntervalMs"));
  }

  @Test
  void aFractionalPortIsNotRounded() throws IOException {
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("{\"enabled\": true, \"prometheusPort\": 9464.5}")))
        .hasMessageContaining("field 'prometheusPort' expected an int (a whole number), was number 9464.5");
  }

  @Test
  void malformedJsonSaysWhere() throws IOException {
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("{\"enabled\": true,\n \"serviceName\": }")))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains("is not a JSON object").contains("line 2");
        });
  }

  @Test
  void notAnObjectIsAnError() throws IOException {
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("[true]"))).isInstanceOf(EngineException.class)
        .hasMessageContaining("is not a JSON object");
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("null"))).isInstanceOf(EngineException.class)
        .hasMessageContaining("is null");
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("{\"enabled\": true} {}")))
        .isInstanceOf(EngineException.class);
  }

  @Test
  void aDuplicateKeyIsAnError() throws IOException {
    assertThatThrownBy(() -> TelemetryConfigLoader.load(file("{\"enabled\": true, \"enabled\": false}")))
        .isInstanceOf(EngineException.class).hasMessageContaining("Duplicate field 'enabled'");
  }

  @Test
  void aMissingOrUnreadableFileIsAnError() {
    assertThatThrownBy(() -> TelemetryConfigLoader.load(dir.resolve("absent.json")))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains("does not exist");
        });
    assertThatThrownBy(() -> TelemetryConfigLoader.load(dir)).isInstanceOf(EngineException.class)
        .hasMessageContaining("Cannot read telemetry config file");
  }
}
