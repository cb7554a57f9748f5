package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.util.Locale;

/**
 * An enum on the wire (its constant names in lower case), for generated codecs: matched against the
 * parser's characters without building a string, and written from pre-encoded names.
 *
 * @param <E> the enum
 */
public final class JsonEnum<E extends Enum<E>> extends JsonType<E> {

  private final E[] constants;
  private final char[][] wireNames;
  private final SerializedString[] encoded;
  private final WireType<E> wireType;

  private JsonEnum(E[] constants) {
    this.constants = constants.clone();
    this.wireNames = new char[constants.length][];
    this.encoded = new SerializedString[constants.length];
    for (int i = 0; i < constants.length; i++) {
      String wireName = constants[i].name().toLowerCase(Locale.ROOT);
      wireNames[i] = wireName.toCharArray();
      encoded[i] = new SerializedString(wireName);
    }
    this.wireType = WireType.enumOf(constants);
  }

  /** The enum whose constants are {@code constants} ({@code E.values()}). */
  public static <E extends Enum<E>> JsonEnum<E> of(E[] constants) {
    return new JsonEnum<>(constants);
  }

  /** Writes the wire name of {@code constant}. */
  public void write(E constant, JsonGenerator generator) throws IOException {
    generator.writeString(encoded[constant.ordinal()]);
  }

  @Override
  E fast(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      return null;
    }
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    int length = parser.getTextLength();
    for (int i = 0; i < wireNames.length; i++) {
      if (matches(wireNames[i], text, offset, length)) {
        return constants[i];
      }
    }
    return null;
  }

  private static boolean matches(char[] name, char[] text, int offset, int length) {
    if (name.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name[i] != text[offset + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  WireType<E> wireType() {
    return wireType;
  }
}
