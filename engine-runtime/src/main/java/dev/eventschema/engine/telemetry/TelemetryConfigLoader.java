package dev.eventschema.engine.telemetry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a {@link TelemetryConfig} from JSON: Jackson reads the text into plain maps, and the
 * generated validator reads those strictly, so an unknown key gets a did-you-mean suggestion and
 * every violation is reported at once. Every failure is an {@link EngineException} with code
 * {@link ErrorCode#INVALID_CONFIG}.
 */
public final class TelemetryConfigLoader {

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private TelemetryConfigLoader() {}

  /** The config in {@code file}. */
  public static TelemetryConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException missing) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "Telemetry config file " + file + " does not exist",
          Map.of("file", file.toString()), missing);
    } catch (IOException unreadable) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "Cannot read telemetry config file " + file + ": "
          + unreadable.getMessage(), Map.of("file", file.toString()), unreadable);
    }
    return parse(text, file.toString());
  }

  /**
   * The config in {@code json}.
   *
   * @param origin where the text came from, for messages, such as a file name
   */
  public static TelemetryConfig parse(String json, String origin) {
    Map<String, Object> object;
    try {
      object = JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException malformed) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "Telemetry config " + origin + " is not a JSON object: "
          + malformed.getOriginalMessage() + locationOf(malformed), Map.of("origin", origin), malformed);
    }
    if (object == null) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "Telemetry config " + origin + " is null, not a JSON object",
          Map.of("origin", origin));
    }
    return fromMap(object, origin);
  }

  /** The config held by an already-read JSON object. */
  public static TelemetryConfig fromMap(Map<String, ?> object, String origin) {
    ParseResult<TelemetryConfig> result = TelemetryConfigValidator.INSTANCE.parse(object);
    if (result instanceof ParseResult.Valid<TelemetryConfig> valid) {
      return valid.value();
    }
    throw EngineException.ofViolations(ErrorCode.INVALID_CONFIG, "telemetry config " + origin, result.violations(),
        Map.of("origin", origin));
  }

  private static String locationOf(JsonProcessingException malformed) {
    return malformed.getLocation() == null ? ""
        : " (line " + malformed.getLocation().getLineNr() + ", column " + malformed.getLocation().getColumnNr() + ")";
  }
}
