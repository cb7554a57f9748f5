package dev.eventschema.json.jackson;

import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.eventschema.json.JsonCodec;
import dev.eventschema.json.JsonCodecs;

/**
 * Lets a Jackson {@code ObjectMapper} read and write {@code @EventSchema} types through their
 * generated codecs: {@code mapper.readValue(json, TokenGeneratedEvent.class)} parses strictly and
 * throws one {@link SchemaViolationMappingException} listing every violation, and
 * {@code writeValueAsString(event)} writes the wire form.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new EventSchemaModule());
 * }</pre>
 *
 * <p>The codecs are found through the providers that the processor generates (see
 * {@link dev.eventschema.json.JsonCodecProvider}), never by scanning the class path.
 */
public final class EventSchemaModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  /** Every codec that the thread's context class loader (or else this module's) can see. */
  public EventSchemaModule() {
    this(JsonCodecs.load(defaultLoader()));
  }

  /** Exactly the codecs in {@code codecs}. */
  public EventSchemaModule(JsonCodecs codecs) {
    super(EventSchemaModule.class.getSimpleName());
    codecs.all().forEach(this::register);
  }

  private <T> void register(JsonCodec<T> codec) {
    // A serializer registered for an interface also serves the classes that implement it.
    addSerializer(codec.type(), new CodecSerializer<>(codec));
    addDeserializer(codec.type(), new CodecDeserializer<>(codec));
  }

  private static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : EventSchemaModule.class.getClassLoader();
  }
}
