package dev.eventschema.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading a config file: bounded, UTF-8, one JSON object, no duplicate keys; every failure names the file. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigFileTest {

  @TempDir
  Path dir;

  private Path file(String json) throws IOException {
    return Files.writeString(dir.resolve("engine.json"), json);
  }

  @Test
  void aFileIsReadIntoTheObjectTheValidatorReads() throws IOException {
    Map<String, Object> object = ConfigFile.readObject(file("{\"telemetry\": {\"enabled\": true, \"labels\": {\"env\": \"t\"}}}"));

    EngineConfig config = EngineConfigValidator.INSTANCE.parse(object).orElseThrow();
    assertThat(config.telemetryOrDefaults().labels()).isEqualTo(Map.of("env", "t"));
  }

  @Test
  void malformedJsonSaysWhere() throws IOException {
    assertThatThrownBy(() -> ConfigFile.readObject(file("{\"stream\": {},\n \"engine\": }")))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains("engine.json", "is not a JSON object", "line 2");
        });
  }

  @Test
  void anythingButOneObjectIsAnError() throws IOException {
    assertThatThrownBy(() -> ConfigFile.readObject(file("[true]"))).hasMessageContaining("is not a JSON object");
    assertThatThrownBy(() -> ConfigFile.readObject(file("null"))).hasMessageContaining("holds null");
    assertThatThrownBy(() -> ConfigFile.readObject(file("{} {}"))).isInstanceOf(EngineException.class);
    assertThatThrownBy(() -> ConfigFile.readObject(file("{\"demo\": {}, \"demo\": {}}")))
        .hasMessageContaining("Duplicate field 'demo'");
  }

  @Test
  void aMissingUnreadableOrNonUtf8FileIsAnError() throws IOException {
    assertThatThrownBy(() -> ConfigFile.readObject(dir.resolve("absent.json")))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).isEqualTo("config file " + dir.resolve("absent.json") + " does not exist");
        });
    assertThatThrownBy(() -> ConfigFile.readObject(dir)).hasMessageContaining("cannot read config file");
    Path latin1 = Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    assertThatThrownBy(() -> ConfigFile.readObject(latin1)).hasMessageContaining("is not UTF-8 text");
  }

  @Test
  void aFileLargerThanTheBoundIsRefusedWithoutReadingItAll() throws IOException {
    Path exactly = file(" ".repeat(ConfigFile.MAX_BYTES - 2) + "{}");
    assertThat(ConfigFile.readObject(exactly)).isEmpty();

    Path over = file(" ".repeat(ConfigFile.MAX_BYTES - 1) + "{}");
    assertThatThrownBy(() -> ConfigFile.readObject(over))
        .hasMessage("config file " + over + " is larger than 1048576 bytes");
  }
}
