package dev.eventschema.json;

import java.util.List;

/**
 * The codecs of one package, found with {@link java.util.ServiceLoader}: the processor generates one
 * provider per package ({@code EventSchemaCodecs}) and lists it in
 * {@code META-INF/services/dev.eventschema.json.JsonCodecProvider}. In a named module, declare it with
 * {@code provides dev.eventschema.json.JsonCodecProvider with ...}.
 */
public interface JsonCodecProvider {

  /** The codecs, one per {@code @EventSchema}. */
  List<JsonCodec<?>> codecs();
}
