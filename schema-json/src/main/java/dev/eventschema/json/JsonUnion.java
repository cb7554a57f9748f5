package dev.eventschema.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.eventschema.support.WireType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A union of {@code @EventSchema} members, for generated codecs: an object whose {@code type} comes
 * first (as every writer of the wire form puts it) is streamed by that member's codec; anything
 * else (a bare string, {@code type} later or unknown) is read into the JSON value and handed to the
 * union's {@code read}, which {@code parse(Map)} uses too.
 *
 * @param <T> the union's sealed interface
 */
public final class JsonUnion<T> extends JsonType<T> {

  /** The key that names the member. */
  static final String DISCRIMINATOR = "type";

  private final WireType<T> wireType;
  private final Map<String, ? extends JsonCodec<? extends T>> members;

  JsonUnion(WireType<T> wireType, Map<String, ? extends JsonCodec<? extends T>> members) {
    this.wireType = wireType;
    this.members = Map.copyOf(members);
  }

  /**
   * The object at the parser (on its {@code START_OBJECT}): when its first key is {@code type}
   * naming a member, that member's codec, to read the rest; otherwise the whole object read into its
   * JSON value ({@code levels}: as {@link JsonValueReader#read}).
   */
  Object open(JsonParser parser, JsonInput in, int order, int levels) throws IOException {
    String first = parser.nextFieldName();
    if (!DISCRIMINATOR.equals(first)) {
      return JsonValueReader.readEntries(parser, in, order, levels, new LinkedHashMap<>(), first);
    }
    parser.nextToken();
    JsonCodec<? extends T> member = parser.currentToken() == JsonToken.VALUE_STRING ? members.get(parser.getText())
        : null;
    if (member != null) {
      in.discriminatorWasRead();
      return member;
    }
    LinkedHashMap<String, Object> object = new LinkedHashMap<>();
    object.put(first, JsonValueReader.read(parser, in, order, levels + 1));
    return JsonValueReader.readEntries(parser, in, order, levels, object, parser.nextFieldName());
  }

  @Override
  T fast(JsonParser parser) {
    return null;
  }

  @Override
  WireType<T> wireType() {
    return wireType;
  }
}
