package dev.eventschema.json;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The generated codecs that a class loader can see, by schema interface: no class-path scanning. */
public final class JsonCodecs {

  private final Map<Class<?>, JsonCodec<?>> byType;

  private JsonCodecs(Map<Class<?>, JsonCodec<?>> byType) {
    this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
  }

  /** Every codec listed by a {@link JsonCodecProvider} that {@code loader} sees. */
  public static JsonCodecs load(ClassLoader loader) {
    Map<Class<?>, JsonCodec<?>> byType = new LinkedHashMap<>();
    for (JsonCodecProvider provider : ServiceLoader.load(JsonCodecProvider.class, loader)) {
      for (JsonCodec<?> codec : provider.codecs()) {
        byType.putIfAbsent(codec.type(), codec);
      }
    }
    return new JsonCodecs(byType);
  }

  /** Exactly these codecs. */
  public static JsonCodecs of(Collection<? extends JsonCodec<?>> codecs) {
    Map<Class<?>, JsonCodec<?>> byType = new LinkedHashMap<>();
    codecs.forEach(codec -> byType.putIfAbsent(codec.type(), codec));
    return new JsonCodecs(byType);
  }

  /** The codec of a schema interface. */
  @SuppressWarnings("unchecked") // keyed by the codec's own type
  public <T> Optional<JsonCodec<T>> forType(Class<T> schema) {
    return Optional.ofNullable((JsonCodec<T>) byType.get(schema));
  }

  /** Every codec, in the order found. */
  public Collection<JsonCodec<?>> all() {
    return byType.values();
  }
}
