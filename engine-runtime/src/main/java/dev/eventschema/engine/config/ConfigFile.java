package dev.eventschema.engine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a JSON config file into the plain map that a generated validator then reads strictly. Only
 * the reading is done here (size bound, UTF-8, JSON syntax, one object, no duplicate keys); the
 * rules are the schema's. Every failure is an {@link EngineException} with code {@link
 * ErrorCode#INVALID_CONFIG} whose message names the file as the user wrote it.
 *
 * <p>Not through the generated {@code EngineConfigCodec}: the command line writes its flags into
 * this map before the one validation, so that a violation names the flag or the file's JSON path,
 * and a config is read once per process, off every hot path.
 */
public final class ConfigFile {

  /** The largest config file read: a real one is a few hundred bytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ConfigFile() {}

  /** The JSON object in {@code file}, as mutable maps and lists. */
  public static Map<String, Object> readObject(Path file) {
    return parseObject(readText(file, MAX_BYTES, "config file"), file.toString());
  }

  /**
   * The text of a small file, read as UTF-8 without reading more than {@code maxBytes + 1} bytes
   * (the path may name a device or a pipe that never ends).
   *
   * @param what names the file in messages, such as {@code "config file"}
   */
  public static String readText(Path file, int maxBytes, String what) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (NoSuchFileException missing) {
      throw invalid(what + " " + file + " does not exist", file.toString(), missing);
    } catch (IOException unreadable) {
      throw invalid("cannot read " + what + " " + file + ": " + unreadable, file.toString(), unreadable);
    }
    if (bytes.length > maxBytes) {
      throw invalid(what + " " + file + " is larger than " + maxBytes + " bytes", file.toString(), null);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      throw invalid(what + " " + file + " is not UTF-8 text", file.toString(), notUtf8);
    }
  }

  /**
   * The JSON object in {@code json}.
   *
   * @param origin where the text came from, for messages, such as a file name
   */
  public static Map<String, Object> parseObject(String json, String origin) {
    Map<String, Object> object;
    try {
      object = JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException malformed) {
      String where = malformed.getLocation() == null ? "" : " (line " + malformed.getLocation().getLineNr()
          + ", column " + malformed.getLocation().getColumnNr() + ")";
      throw invalid("config file " + origin + " is not a JSON object: " + malformed.getOriginalMessage() + where,
          origin, malformed);
    }
    if (object == null) {
      throw invalid("config file " + origin + " holds null, not a JSON object", origin, null);
    }
    return object;
  }

  private static EngineException invalid(String message, String origin, Throwable cause) {
    return new EngineException(ErrorCode.INVALID_CONFIG, message, Map.of("origin", origin), cause);
  }
}
