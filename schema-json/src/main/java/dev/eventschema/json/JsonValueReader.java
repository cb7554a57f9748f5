package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.eventschema.support.CheckedJson;
import dev.eventschema.support.JsonValues;
import dev.eventschema.support.Pointer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the JSON value at a parser into the objects that Jackson databind builds for a {@code Map}:
 * objects as {@code LinkedHashMap}, arrays as {@code ArrayList}, whole numbers as the smallest of
 * {@code Integer}, {@code Long} and {@code BigInteger}, fractions as {@code Double}.
 *
 * <p>An object or array whose values are all valid JSON values (finite numbers, and checked
 * containers) is handed out as a {@link CheckedJson} container, with its height. So an open
 * {@code Map<String, Object>} that is valid needs no second walk and no copy: only its height is
 * compared with the limit. Anything else stays a plain container, for {@code parse(Map)}'s code.
 */
final class JsonValueReader {

  private JsonValueReader() {}

  /**
   * The value at the parser. A duplicate key is reported to {@code in} with {@code violationOrder}
   * ({@code levels}: how many parser contexts lie between the value and the object the codec reads,
   * for the path); the last value is kept, as databind does.
   */
  static Object read(JsonParser parser, JsonInput in, int violationOrder, int levels) throws IOException {
    switch (parser.currentToken()) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return parser.getNumberValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case START_ARRAY:
        return readArray(parser, in, violationOrder, levels);
      case START_OBJECT:
        return readObject(parser, in, violationOrder, levels);
      default:
        return null; // VALUE_NULL
    }
  }

  private static Object readArray(JsonParser parser, JsonInput in, int violationOrder, int levels)
      throws IOException {
    List<Object> list = new ArrayList<>();
    boolean checked = true;
    int height = 1;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      Object item = read(parser, in, violationOrder, levels + 1);
      checked &= isValidScalar(item) || CheckedJson.isChecked(item);
      height = Math.max(height, CheckedJson.heightOf(item) + 1);
      list.add(item);
    }
    return checked ? CheckedJson.array(list, height) : list;
  }

  private static Object readObject(JsonParser parser, JsonInput in, int violationOrder, int levels)
      throws IOException {
    return readEntries(parser, in, violationOrder, levels, new LinkedHashMap<>(), parser.nextFieldName());
  }

  /**
   * Reads the rest of an object into {@code object}, which holds the entries read before: from
   * {@code key} on (the parser on that field name, or {@code null} at the end) to its end.
   */
  static Object readEntries(JsonParser parser, JsonInput in, int violationOrder, int levels,
      LinkedHashMap<String, Object> object, String key) throws IOException {
    boolean checked = true;
    int height = 1;
    for (Object item : object.values()) {
      checked &= isValidScalar(item) || CheckedJson.isChecked(item);
      height = Math.max(height, CheckedJson.heightOf(item) + 1);
    }
    for (; key != null; key = parser.nextFieldName()) {
      if (object.containsKey(key)) {
        // Before moving to the value: the parser's context is still this object's, at this key.
        in.duplicate(violationOrder, relativePath(parser, levels + 1), key);
      }
      parser.nextToken();
      Object item = read(parser, in, violationOrder, levels + 1);
      checked &= isValidScalar(item) || CheckedJson.isChecked(item);
      height = Math.max(height, CheckedJson.heightOf(item) + 1);
      object.put(key, item);
    }
    return checked ? CheckedJson.object(object, height) : object;
  }

  /** A scalar that {@code parse(Map)} accepts in an open map (a fraction overflowing to infinity or a huge integer does not). */
  private static boolean isValidScalar(Object value) {
    return JsonValues.isValidScalar(value);
  }

  /** The path, relative to the codec's object, of the innermost {@code levels} parser contexts. */
  static String relativePath(JsonParser parser, int levels) {
    String[] segments = new String[levels];
    JsonStreamContext context = parser.getParsingContext();
    for (int i = levels - 1; i >= 0 && context != null; i--, context = context.getParent()) {
      segments[i] = context.inArray() ? String.valueOf(context.getCurrentIndex()) : Pointer.escape(context.getCurrentName());
    }
    StringBuilder path = new StringBuilder();
    for (String segment : segments) {
      path.append('/').append(segment);
    }
    return path.toString();
  }

  /** The path of a list's element ({@code entryKey == null}) or of a map's value, under field {@code key}. */
  static String elementPath(String key, int index, String entryKey) {
    String field = Pointer.child("", key);
    return entryKey == null ? Pointer.child(field, index) : Pointer.child(field, entryKey);
  }

  /** The JSON type of a token, for messages: {@code array}, {@code string}... */
  static String typeOf(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case START_OBJECT -> "object";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }
}
