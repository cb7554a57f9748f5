package dev.eventschema.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the JSON Schema that the processor wrote beside a validator
 * ({@code META-INF/eventschema/<wireName>.schema.json}), for its {@code jsonSchema()}. It is read on
 * each call, from the validator's own class loader: callers that need it often keep it.
 */
public final class SchemaResources {

  private SchemaResources() {}

  /** The text of the resource {@code path}, found by {@code owner}'s class loader. */
  public static String read(Class<?> owner, String path) {
    try (InputStream in = owner.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the class path of " + owner.getName()
            + "; it is generated beside the validator, so keep it when packaging");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + path, e);
    }
  }
}
