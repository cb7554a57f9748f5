package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.TestSchemas.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code @Base64}: the validator checks the alphabet and the padding, the exported schema has the
 * same pattern and says {@code "contentEncoding": "base64"}; neither checks whole quartets.
 */
class Base64RuleTest {

  private static final GeneratedCode CODE = GeneratedCode.compileOrFail(List.of(source("Attachment", """
      @EventSchema public interface Attachment {
        @Size(max = 64) @dev.eventschema.constraints.Base64 String data();
        List<@dev.eventschema.constraints.Base64 String> chunks();
      }
      """)));

  private final SchemaValidator<Object> validator = CODE.validator("Attachment");

  @Test
  void acceptsTheAlphabetWithAtMostTwoPaddingCharacters() {
    parseValid(validator, Map.of("data", "aGVsbG8="));
    parseValid(validator, Map.of("data", "aGk+/w=="));
    // whole quartets are left to the decoder: the JSON Schema cannot check them either
    parseValid(validator, Map.of("data", "abc"));
  }

  @Test
  void rejectsOtherCharactersAndTooMuchPaddingNamingTheRule() {
    Violation space = onlyViolation(validator.parse(Map.of("data", "aGVs bG8=")), "/data", INVALID_FORMAT);
    Violation padding = onlyViolation(validator.parse(Map.of("data", "aGVsbG8===")), "/data", INVALID_FORMAT);
    Violation urlSafe = onlyViolation(validator.parse(Map.of("data", "aGk-_w")), "/data", INVALID_FORMAT);

    assertThat(space.message())
        .isEqualTo("standard base64: letters, digits, '+' and '/', then at most two '=', was 'aGVs bG8='");
    assertThat(padding.message()).endsWith("was 'aGVsbG8==='");
    assertThat(urlSafe.message()).endsWith("was 'aGk-_w'");
  }

  @Test
  void appliesToEachElementOfAList() {
    onlyViolation(validator.parse(Map.of("data", "YQ==", "chunks", List.of("YQ==", "Y Q"))), "/chunks/1", INVALID_FORMAT);
  }

  @Test
  void exportsThePatternAndContentEncoding() {
    Map<String, Object> properties = object(MiniJson.parseObject(validator.jsonSchema()), "properties");

    assertThat(object(properties, "data")).containsEntry("type", "string")
        .containsEntry("pattern", "^(?:[A-Za-z0-9+/]*={0,2})$").containsEntry("contentEncoding", "base64")
        .containsEntry("maxLength", 64L).doesNotContainKey("contentMediaType");
    assertThat(object(object(properties, "chunks"), "items")).containsEntry("contentEncoding", "base64");
  }

  @SuppressWarnings("unchecked") // MiniJson reads objects as maps
  private static Map<String, Object> object(Map<String, Object> json, String key) {
    return (Map<String, Object>) json.get(key);
  }
}
