package dev.eventschema.processor.evolution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON Schema document into plain values: objects become {@link LinkedHashMap}s in document
 * order, arrays {@link ArrayList}s, numbers {@link BigDecimal}s (so that {@code 5} and {@code 5.0}
 * compare equal through {@code compareTo}). Duplicate keys are errors.
 *
 * <p>jackson-core's streaming parser does the reading: it is the project's JSON library already,
 * and a baseline that someone edited by hand gets an error with line and column for free.
 */
final class JsonTree {

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonTree() {}

  /** The JSON object in {@code text}; throws {@link IOException} (with a location) if it is not one. */
  static Map<String, Object> readObject(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      Object value = read(parser, parser.nextToken());
      if (parser.nextToken() != null) {
        throw new IOException("content after the JSON object at " + location(parser));
      }
      if (!(value instanceof Map<?, ?>)) {
        throw new IOException("expected a JSON object, was " + (value == null ? "null" : value.getClass().getSimpleName()));
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) value;
      return object;
    }
  }

  private static Object read(JsonParser parser, JsonToken token) throws IOException {
    if (token == null) {
      throw new IOException("unexpected end of the JSON text");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
          String key = parser.currentName();
          object.put(key, read(parser, parser.nextToken()));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
          array.add(read(parser, next));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + token + " at " + location(parser));
    };
  }

  private static String location(JsonParser parser) {
    return "line " + parser.currentLocation().getLineNr() + ", column " + parser.currentLocation().getColumnNr();
  }
}
