package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.eventschema.Violation;
import dev.eventschema.support.CheckedJson;
import dev.eventschema.support.Copies;
import dev.eventschema.support.JsonValues;
import dev.eventschema.support.Pointer;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of one read by a generated codec: the violations found so far, each with its place in
 * the order that {@code parse(Map)} reports them.
 *
 * <p>A valid read allocates nothing here. Keys arrive in wire order, but {@code parse(Map)}
 * reports unknown keys first, then the union discriminator, then each field in declaration order
 * (what reading it found, then its rules). So each violation carries its field's number, and an
 * object's violations are put in that order when the object ends; a nested object's are then put
 * under its path, which is only built then.
 *
 * <p>Values that the fast paths do not take (a wrong type, {@code null}, a number out of range, an
 * unknown enum constant, a union) are parsed into the JSON value that Jackson databind would build
 * and handed to the same {@link WireReader} and {@link WireType} code that {@code parse(Map)} runs,
 * so both report the same violations, and a change to a rule changes both.
 */
public final class JsonInput extends OrderedViolations {

  /** The field number of a union member's {@code type} key. */
  public static final int DISCRIMINATOR = -1;

  /** Set by a union just before its member's codec reads the rest of the object: see {@link #discriminatorRead}. */
  private boolean discriminatorRead;

  /** Unknown keys come first, then the discriminator, then the fields. */
  private static final int UNKNOWN_KEY_ORDER = 0;
  private static final int FIRST_FIELD_ORDER = 2;

  JsonInput() {}

  // ------------------------------------------------------------------------------------------
  // Keys

  /** The first key of the object at the parser, {@code null} if it is empty. */
  public static String firstKey(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : parser.nextFieldName();
  }

  /** Skips the value of a key the schema does not declare, without building it, and reports the key. */
  public void unknownKey(JsonParser parser, String key, Set<String> declaredKeys) throws IOException {
    parser.skipChildren();
    // WireReader.of reports unknown keys for parse(Map): the same message and suggestion.
    addAll(UNKNOWN_KEY_ORDER, WireReader.of(Collections.singletonMap(key, null), declaredKeys, true).violations());
  }

  /** Skips the value of a key seen before in the same object, and reports it. */
  public void duplicateKey(JsonParser parser, int field, String key) throws IOException {
    parser.skipChildren();
    duplicate(orderOf(field), Pointer.child("", key), key);
  }

  /** Reports a required field whose key is absent. */
  public void missing(int field, String path) {
    addAll(orderOf(field), Violations.missing(null, path));
  }

  /** Checks a union member's {@code type} value, which must be {@code wireName}. */
  public void discriminator(JsonParser parser, String key, String wireName) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING && wireName.equals(parser.getText())) {
      return;
    }
    Object wire = JsonValueReader.read(parser, this, orderOf(DISCRIMINATOR), 1);
    WireReader reader = WireReader.of(Collections.singletonMap(key, wire), Set.of(), false);
    reader.constant(key, wireName);
    addAll(orderOf(DISCRIMINATOR), reader.violations());
  }

  // ------------------------------------------------------------------------------------------
  // Field values: each returns the value, or null (false, 0) after reporting why not

  public String string(JsonParser parser, int field, String key) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    return parsed(parser, field, key, WireType.STRING);
  }

  public boolean bool(JsonParser parser, int field, String key) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    return Boolean.TRUE.equals(parsed(parser, field, key, WireType.BOOLEAN));
  }

  public int intValue(JsonParser parser, int field, String key) throws IOException {
    if (JsonType.isInt(parser)) {
      return parser.getIntValue();
    }
    Integer value = parsed(parser, field, key, WireType.INT);
    return value == null ? 0 : value;
  }

  public long longValue(JsonParser parser, int field, String key) throws IOException {
    if (JsonType.isLong(parser)) {
      return parser.getLongValue();
    }
    Long value = parsed(parser, field, key, WireType.LONG);
    return value == null ? 0 : value;
  }

  public double doubleValue(JsonParser parser, int field, String key) throws IOException {
    if (JsonType.isFinite(parser)) {
      return parser.getDoubleValue();
    }
    Double value = parsed(parser, field, key, WireType.DOUBLE);
    return value == null ? 0 : value;
  }

  /** An enum, another schema's object ({@link JsonCodec}) or a union ({@link JsonType#wire}). */
  public <T> T value(JsonParser parser, int field, String key, JsonType<T> type) throws IOException {
    T value = type.fast(parser);
    if (value != null) {
      return value;
    }
    Object streamed = object(parser, type, orderOf(field), 1);
    if (streamed instanceof JsonCodec<?> codec) {
      return member(parser, codec, orderOf(field), Pointer.child("", key));
    }
    Object wire = streamed == NOT_AN_OBJECT ? JsonValueReader.read(parser, this, orderOf(field), 1) : streamed;
    return parsed(wire, field, key, type.wireType());
  }

  /**
   * Whether the union that handed this member's object to its codec has read the object's
   * {@code type} already: asked once, first thing, by a union member's {@code readObject}.
   */
  public boolean discriminatorRead() {
    boolean read = discriminatorRead;
    discriminatorRead = false;
    return read;
  }

  /** A list: empty when the key is absent, which generated code handles. */
  public <T> List<T> list(JsonParser parser, int field, String key, JsonType<T> element) throws IOException {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      return parsed(parser, field, key, WireType.listOf(element.wireType()));
    }
    int start = size;
    ArrayList<T> values = new ArrayList<>();
    for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
      values.add(element(parser, orderOf(field), element, key, index, null));
    }
    // Handed over to the value, whose constructor keeps it rather than copying it (Copies.list).
    return size > start ? null : Copies.owned(values);
  }

  /** A {@code Map<String, T>}, in wire order. */
  public <T> Map<String, T> map(JsonParser parser, int field, String key, JsonType<T> value) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return parsed(parser, field, key, WireType.mapOf(value.wireType()));
    }
    int start = size;
    LinkedHashMap<String, T> values = new LinkedHashMap<>();
    for (String entryKey = parser.nextFieldName(); entryKey != null; entryKey = parser.nextFieldName()) {
      parser.nextToken();
      if (values.containsKey(entryKey)) {
        parser.skipChildren();
        duplicate(orderOf(field), JsonValueReader.elementPath(key, -1, entryKey), entryKey);
        continue;
      }
      values.put(entryKey, element(parser, orderOf(field), value, key, -1, entryKey));
    }
    return size > start ? null : Copies.owned(values);
  }

  /** An open {@code Map<String, Object>}: any JSON values, checked by the same code as {@code parse(Map)}. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> jsonObject(JsonParser parser, int field, String key) throws IOException {
    Object wire = JsonValueReader.read(parser, this, orderOf(field), 1);
    if (wire instanceof Map<?, ?> && CheckedJson.isChecked(wire) && CheckedJson.heightOf(wire) <= JsonValues.MAX_DEPTH) {
      return (Map<String, Object>) wire; // valid JSON values, not too deep: what parse(Map) would copy
    }
    WireReader reader = WireReader.of(Collections.singletonMap(key, wire), Set.of(), false);
    Map<String, Object> value = reader.jsonObject(key);
    addAll(orderOf(field), reader.violations());
    return value;
  }

  /** One element of a list ({@code entryKey == null}) or value of a map. */
  private <T> T element(JsonParser parser, int order, JsonType<T> type, String key, int index, String entryKey)
      throws IOException {
    T value = type.fast(parser);
    if (value != null) {
      return value;
    }
    Object streamed = object(parser, type, order, 2);
    if (streamed instanceof JsonCodec<?> codec) {
      return member(parser, codec, order, JsonValueReader.elementPath(key, index, entryKey));
    }
    Object wire = streamed == NOT_AN_OBJECT ? JsonValueReader.read(parser, this, order, 2) : streamed;
    WireReader reader = WireReader.of(Map.of(), Set.of(), false);
    String path = JsonValueReader.elementPath(key, index, entryKey);
    // As in WireType.listOf and mapOf: a null element is of the wrong type, never "absent".
    value = wire == null ? reader.invalidType(path, "a value", null) : type.wireType().read(wire, path, reader);
    addAll(order, reader.violations());
    return value;
  }

  /** What {@link #object} returns when the value at the parser is not an object: nothing read yet. */
  private static final Object NOT_AN_OBJECT = new Object();

  /**
   * For an object at the parser: the codec that streams it (another schema's; a union member's,
   * its {@code type} read), or else the object read into its JSON value. For anything else
   * {@link #NOT_AN_OBJECT}, having read nothing.
   */
  private Object object(JsonParser parser, JsonType<?> type, int order, int levels) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      return NOT_AN_OBJECT;
    }
    if (type instanceof JsonCodec<?> codec) {
      return codec;
    }
    return type instanceof JsonUnion<?> union ? union.open(parser, this, order, levels)
        : JsonValueReader.read(parser, this, order, levels);
  }

  /** Called by a union that hands the rest of an object to its member's codec: see {@link #discriminatorRead}. */
  void discriminatorWasRead() {
    discriminatorRead = true;
  }

  /** The object at the parser read by {@code codec}, its violations put under {@code path}. */
  @SuppressWarnings("unchecked") // the codec of T, or of a member of the union T
  private <T> T member(JsonParser parser, JsonCodec<?> codec, int order, String path) throws IOException {
    int start = size;
    T value = (T) codec.readObject(parser, this);
    if (size > start) {
      nest(start, order, path);
    }
    return value;
  }

  /** A field value read by {@code parse(Map)}'s own code, from the JSON value Jackson databind would build. */
  private <T> T parsed(JsonParser parser, int field, String key, WireType<T> type) throws IOException {
    return parsed(JsonValueReader.read(parser, this, orderOf(field), 1), field, key, type);
  }

  private <T> T parsed(Object wire, int field, String key, WireType<T> type) {
    WireReader reader = WireReader.of(Collections.singletonMap(key, wire), Set.of(), false);
    T value = reader.required(key, type);
    addAll(orderOf(field), reader.violations());
    return value;
  }

  // ------------------------------------------------------------------------------------------
  // Violations

  /** Where the current object's violations start: generated code passes it back to the methods below. */
  public int mark() {
    return size;
  }

  /** Whether the object that started at {@code start} has no violation so far. */
  public boolean isValid(int start) {
    return size == start;
  }

  /** Whether reading {@code field} of the object that started at {@code start} found nothing wrong. */
  public boolean isClean(int start, int field) {
    return !foundSince(start, orderOf(field));
  }

  /** Adds what a field's generated {@code checkX} method found ({@code null}: nothing). */
  public void checked(int field, List<Violation> violations) {
    if (violations != null) {
      addAll(orderOf(field), violations);
    }
  }

  private static int orderOf(int field) {
    return field + FIRST_FIELD_ORDER;
  }
}
