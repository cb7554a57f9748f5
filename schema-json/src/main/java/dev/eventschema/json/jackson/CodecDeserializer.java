package dev.eventschema.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.eventschema.ParseResult;
import dev.eventschema.json.JsonCodec;
import java.io.IOException;

/** Reads a schema's value strictly with its generated codec, and throws every violation at once. */
final class CodecDeserializer<T> extends StdDeserializer<T> {

  private static final long serialVersionUID = 1L;

  private final transient JsonCodec<T> codec;

  CodecDeserializer(JsonCodec<T> codec) {
    super(codec.type());
    this.codec = codec;
  }

  @Override
  public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    ParseResult<T> result = codec.read(parser);
    if (result instanceof ParseResult.Valid<T> valid) {
      return valid.value();
    }
    throw new SchemaViolationMappingException(parser, codec.validator().eventName(), result.violations());
  }
}
