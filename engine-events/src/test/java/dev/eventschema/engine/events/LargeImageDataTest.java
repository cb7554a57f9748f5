package dev.eventschema.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The largest image data the contract allows (16 MiB of base64) is evaluated by the generated
 * validator and by a JSON Schema validator with an ECMA-262 regex engine: the exported pattern is
 * one repeated class, which backtracking engines run without a stack frame per repetition.
 */
class LargeImageDataTest {

  private static final int LIMIT = 16 * 1024 * 1024;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void sixteenMebibytesOfBase64PassBothValidators() {
    byte[] bytes = new byte[LIMIT / 4 * 3 - 2];
    new Random(7).nextBytes(bytes);
    String data = Base64.getEncoder().encodeToString(bytes);
    assertThat(data.length()).isLessThanOrEqualTo(LIMIT).isGreaterThan(LIMIT - 8);
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                .regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build()))
        .getSchema(ImageDataPartValidator.INSTANCE.jsonSchema());
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("mediaType", "image/png").put("data", data);

    assertThat(ImageDataPartValidator.INSTANCE.parse(Map.of("mediaType", "image/png", "data", data)).violations())
        .isEmpty();
    assertThat(schema.validate(payload)).isEmpty();
    // one character off at the very end: the Java side still rejects it (networknt takes ~10 s per run of 16 MiB)
    String spaced = data.substring(0, data.length() - 1) + " ";
    assertThat(ImageDataPartValidator.INSTANCE.parse(Map.of("mediaType", "image/png", "data", spaced)).violations())
        .extracting(v -> v.path() + " " + v.code().wireName()).containsExactly("/data invalid_format");
  }
}
