package dev.eventschema.json.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.eventschema.json.JsonCodec;
import java.io.IOException;

/** Writes a schema's value with its generated codec: the wire form, as {@code toMap} defines it. */
final class CodecSerializer<T> extends StdSerializer<T> {

  private static final long serialVersionUID = 1L;

  private final transient JsonCodec<T> codec;

  CodecSerializer(JsonCodec<T> codec) {
    super(codec.type());
    this.codec = codec;
  }

  @Override
  public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    codec.write(value, generator);
  }
}
