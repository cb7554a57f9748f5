package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.nestedArrays;
import static dev.eventschema.processor.Payloads.nestedObjects;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Map<String, Object>: an open object of JSON values, nested at most 32 deep, whose keys are never
 * unknown.
 */
class OpenMapTest {

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void openMetadataHoldsAnyJsonValueAndItsKeysAreNeverUnknown() {
      Map<String, Object> metadata = obj(
          "prometheusPrt", obj("deep", obj("unknown", arr(1, 2L, 2.5, "s", true, null, obj()), "nothing", null)),
          "big", new BigInteger("123456789012345678901234567890"),
          "exact", new BigDecimal("0.1"));

      Object token = parseValid(validator, token("metadata", metadata));

      assertThat(mapField(token, "metadata")).isEqualTo(metadata);
      assertThat(validator.toMap(token).get("metadata")).isEqualTo(metadata);
    }

    @Test
    void openMetadataAllowsNullValuesAtTheTopLevel() {
      Map<String, Object> metadata = obj("nothing", null, "something", 1);

      Object token = parseValid(validator, token("metadata", metadata));

      assertThat(mapField(token, "metadata")).isEqualTo(metadata);
      assertThat(validator.toMap(token).get("metadata")).isEqualTo(metadata);
    }

    @Test
    void aBuiltTokenWithANullMetadataValueRoundTrips() {
      Object token = TOKENS.code().builder("TokenEvent")
          .set("requestId", "r").set("index", 0).set("token", "t").set("elapsedMs", 1.0)
          .set("putMetadata", "nothing", null).build();

      assertThat(validator.parse(validator.toMap(token)).violations()).isEmpty();
      assertThat(validator.parse(validator.toMap(token)).orElseThrow()).isEqualTo(token);
    }

    @ParameterizedTest
    @MethodSource
    void openMetadataRejectsWhatIsNotJson(Map<?, ?> metadata, String path, Code code) {
      onlyViolation(validator.parse(token("metadata", metadata)), path, code);
    }

    static Stream<Arguments> openMetadataRejectsWhatIsNotJson() {
      Map<Object, Object> integerKey = new LinkedHashMap<>();
      integerKey.put(1, "one");
      Map<Object, Object> nestedIntegerKey = new LinkedHashMap<>();
      nestedIntegerKey.put("nested", integerKey);
      return Stream.of(
          argumentSet("a Java object", obj("when", new java.util.Date(0)), "/metadata/when", INVALID_TYPE),
          argumentSet("a Set", obj("tags", Set.of("a")), "/metadata/tags", INVALID_TYPE),
          argumentSet("an Optional inside a list", obj("list", arr("ok", Optional.of(1))), "/metadata/list/1", INVALID_TYPE),
          argumentSet("NaN", obj("score", Double.NaN), "/metadata/score", NOT_FINITE),
          argumentSet("NaN under a key with a slash", obj("a/b", Double.NaN), "/metadata/a~1b", NOT_FINITE),
          argumentSet("infinity deep inside", obj("a", obj("b", arr(Double.POSITIVE_INFINITY))), "/metadata/a/b/0", NOT_FINITE),
          argumentSet("a non-string key", integerKey, "/metadata", INVALID_TYPE),
          argumentSet("a non-string key in a nested object", nestedIntegerKey, "/metadata/nested", INVALID_TYPE));
    }

    @Test
    void openMetadataMayNestThirtyTwoDeep() {
      Object token = parseValid(validator, token("metadata", nestedObjects(32)));
      assertThat(mapField(token, "metadata")).isEqualTo(nestedObjects(32));
    }

    @Test
    void openMetadataMustNotNestThirtyThreeDeep() {
      Violation violation = onlyViolation(validator.parse(token("metadata", nestedObjects(33))));
      assertThat(violation.code()).isEqualTo(TOO_BIG);
      assertThat(violation.path()).startsWith("/metadata/n");
    }

    @Test
    void arraysCountTowardsTheNestingDepthToo() {
      parseValid(validator, token("metadata", obj("l", nestedArrays(31))));

      Violation violation = onlyViolation(validator.parse(token("metadata", obj("l", nestedArrays(32)))));
      assertThat(violation.code()).isEqualTo(TOO_BIG);
      assertThat(violation.path()).startsWith("/metadata/l/0");
    }

    @Test
    void openMetadataMustBeAnObject() {
      onlyViolation(validator.parse(token("metadata", arr(1, 2))), "/metadata", INVALID_TYPE);
      onlyViolation(validator.parse(token("metadata", "{}")), "/metadata", INVALID_TYPE);
    }

    @ParameterizedTest
    @MethodSource("openMetadataRejectsWhatIsNotJson")
    void validateChecksOpenMetadataLikeParse(Map<?, ?> metadata, String path, Code code) {
      Object handWritten = TOKENS.code().implement("TokenEvent", obj(
          "requestId", "req-1", "index", 0, "token", "t", "metadata", metadata, "elapsedMs", 1.0));

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactly(tuple(path, code));
    }

    @Test
    void validateRejectsOpenMetadataNestedThirtyThreeDeep() {
      Object handWritten = TOKENS.code().implement("TokenEvent", obj(
          "requestId", "req-1", "index", 0, "token", "t", "metadata", nestedObjects(33), "elapsedMs", 1.0));

      assertThat(validator.validate(handWritten)).extracting(Violation::code).containsExactly(TOO_BIG);
    }
  }
}
