package dev.eventschema.bench;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonWriter;
import com.dslplatform.json.runtime.Settings;
import io.avaje.jsonb.Jsonb;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON binders generated at compile time that the codecs are compared with, set up once as a
 * server would: DSL-JSON 2 with the converters its processor generated (found through its
 * {@code ServiceLoader} configuration) and avaje-jsonb 3 with its generated adapters. Neither
 * validates anything.
 */
final class JsonPeers {

  private JsonPeers() {}

  /**
   * DSL-JSON with the generated converters of the records, plus its run-time converters, which it
   * needs for the open {@code Map<String, Object>} values (its processor leaves that "unknown" type
   * to them: {@code -Adsljson.unknown=ALLOW} in the pom).
   */
  static DslJson<Object> dslJson() {
    return new DslJson<>(Settings.basicSetup());
  }

  /** avaje-jsonb with its generated adapters. */
  static Jsonb jsonb() {
    return Jsonb.builder().build();
  }

  /** DSL-JSON's reading of {@code json} into {@code type}. */
  static <T> T read(DslJson<Object> dsl, Class<T> type, byte[] json) {
    try {
      return dsl.deserialize(type, json, json.length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** DSL-JSON's writing, with a writer kept per benchmark thread, as its documentation advises. */
  static byte[] write(DslJson<Object> dsl, JsonWriter writer, Object value) {
    writer.reset();
    try {
      dsl.serialize(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer.toByteArray();
  }
}
