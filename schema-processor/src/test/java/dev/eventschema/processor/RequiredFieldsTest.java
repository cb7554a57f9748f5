package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.processor.Payloads.ABSENT;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.assertViolations;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.generation;
import static dev.eventschema.processor.Payloads.inventory;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.listField;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.point;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.CONTAINERS;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static dev.eventschema.processor.TestSchemas.UNION_CONTAINERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Required fields must be present and non-null; optionals, lists and maps may be absent (then
 * empty).
 */
class RequiredFieldsTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void parsesAMinimalPayload_absentOptionalsAreEmpty() {
      Object config = parseValid(validator, obj("enabled", true));

      assertThat(field(config, "enabled")).isEqualTo(true);
      assertThat(field(config, "serviceName")).isEqualTo(Optional.empty());
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.empty());
      assertThat(field(config, "exportIntervalMs")).isEqualTo(OptionalLong.empty());
      assertThat(mapField(config, "labels")).isEmpty();
    }

    @Test
    void absentRequiredFieldIsMissing() {
      onlyViolation(validator.parse(obj()), "/enabled", MISSING);
    }
  }

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void allowEmptyLetsARequiredStringBeEmpty() {
      Object token = parseValid(validator, token("token", ""));
      assertThat(field(token, "token")).isEqualTo("");
      assertThat(validator.toMap(token)).containsEntry("token", "");
    }

    @Test
    void requiredStringMustNotBeEmpty() {
      onlyViolation(validator.parse(token("requestId", "")), "/requestId", TOO_SMALL);
    }

    @Test
    void requiredStringMayBeBlankWithoutNotBlank() {
      parseValid(validator, token("requestId", " "));
    }

    @Test
    void absentOptionalDoubleAndMapAreEmpty() {
      Map<String, Object> payload = token();
      payload.remove("logprob");
      payload.remove("metadata");

      Object token = parseValid(validator, payload);

      assertThat(field(token, "logprob")).isEqualTo(OptionalDouble.empty());
      assertThat(mapField(token, "metadata")).isEmpty();
      assertThat(validator.toMap(token)).isEqualTo(payload);
    }

    @Test
    void everyAbsentRequiredFieldIsMissing() {
      assertViolations(validator.parse(obj()),
          tuple("/requestId", MISSING), tuple("/index", MISSING), tuple("/token", MISSING), tuple("/elapsedMs", MISSING));
    }

    @Test
    void explicitNullIsNotAbsentButTheWrongType() {
      assertViolations(validator.parse(token("requestId", null, "logprob", null)),
          tuple("/requestId", INVALID_TYPE), tuple("/logprob", INVALID_TYPE));
    }

    @Test
    void validateReportsNullRequiredValuesAsMissing() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken(null, 0, null, OptionalDouble.empty(), Map.of(), 1.0);

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", MISSING), tuple("/token", MISSING));
    }

    private Object handWrittenToken(Object... components) throws ReflectiveOperationException {
      return TOKENS.code().type("HandWrittenToken").getConstructors()[0].newInstance(components);
    }
  }

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void validateReportsANullNestedValueAsMissing() {
      Object job = JOBS.code().implement("JobUpdatedEvent", obj("jobId", "job-1", "status", enumConstant("QUEUED"), "resources", null));

      assertThat(validator.validate(job)).extracting(Violation::path, Violation::code).containsExactly(tuple("/resources", MISSING));
    }

    private Object enumConstant(String name) {
      return Arrays.stream(JOBS.code().type("JobStatus").getEnumConstants())
          .filter(c -> ((Enum<?>) c).name().equals(name)).findFirst().orElseThrow();
    }
  }

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void absentUnionIsMissing() {
      onlyViolation(validator.parse(generation("prompt", ABSENT)), "/prompt", MISSING);
    }
  }

  @Nested
  @DisplayName("InventoryEvent: enums, nested schemas and numbers inside containers")
  class Containers {

    private final SchemaValidator<Object> validator = CONTAINERS.code().validator("InventoryEvent");

    @Test
    void everythingMayBeAbsent() {
      Object inventory = parseValid(validator, obj());

      assertThat(field(inventory, "origin")).isEqualTo(Optional.empty());
      assertThat(listField(inventory, "path")).isEmpty();
      assertThat(mapField(inventory, "pointsByName")).isEmpty();
      assertThat(validator.toMap(inventory)).isEmpty();
    }
  }

  @Nested
  @DisplayName("ConversationEvent: unions inside an optional and a map")
  class UnionContainers {

    private final GeneratedCode code = UNION_CONTAINERS.code();

    private final SchemaValidator<Object> validator = code.validator("ConversationEvent");

    @Test
    void absentOptionalUnionIsEmpty() {
      assertThat(field(parseValid(validator, obj()), "system")).isEqualTo(Optional.empty());
    }
  }
}
