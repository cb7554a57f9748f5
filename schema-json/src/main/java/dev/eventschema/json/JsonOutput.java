package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Writes the JSON values of open {@code Map<String, Object>} fields and of unions' wire forms. */
public final class JsonOutput {

  private JsonOutput() {}

  /**
   * Writes a JSON value: a map with string keys, a list, a string, a number, a boolean or
   * {@code null}. Anything else goes to the generator's {@code writeObject}, which databind's
   * generators handle and a bare generator rejects. JSON values never reach {@code writeObject}, so
   * a generator made by an {@code ObjectMapper} writes them as fast as a bare one.
   */
  public static void writeValue(Object value, JsonGenerator generator) throws IOException {
    if (value instanceof String s) {
      generator.writeString(s);
    } else if (value instanceof Integer n) {
      generator.writeNumber(n);
    } else if (value instanceof Long n) {
      generator.writeNumber(n);
    } else if (value instanceof Double n) {
      generator.writeNumber(n);
    } else if (value instanceof Boolean b) {
      generator.writeBoolean(b);
    } else if (value == null) {
      generator.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        writeValue(entry.getValue(), generator);
      }
      generator.writeEndObject();
    } else if (value instanceof List<?> list) {
      generator.writeStartArray();
      for (Object item : list) {
        writeValue(item, generator);
      }
      generator.writeEndArray();
    } else {
      generator.writeObject(value); // other numbers without a codec; the rest with one
    }
  }
}
