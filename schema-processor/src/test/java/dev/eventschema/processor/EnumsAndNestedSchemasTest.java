package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.INVALID_VALUE;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.listField;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.step;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Enums (lower-case wire values) and nested schemas, alone and in lists. */
class EnumsAndNestedSchemasTest {

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void parsesEnumsNestedSchemasAndListsOfThem() {
      Object job = parseValid(validator, job());

      assertThat(field(job, "status")).hasToString("RUNNING").isSameAs(enumConstant("RUNNING"));
      assertThat(field(job, "previousStatus")).isEqualTo(Optional.of(enumConstant("QUEUED")));
      Object resources = field(job, "resources");
      assertThat(resources).isInstanceOf(JOBS.code().type("Resources"));
      assertThat(field(resources, "cpus")).isEqualTo(4);
      assertThat(field(resources, "memoryBytes")).isEqualTo(8_589_934_592L);
      assertThat(field(resources, "gpu")).isEqualTo(Optional.of("a100"));
      List<Object> steps = listField(job, "steps");
      assertThat(steps).hasSize(2).allSatisfy(step -> assertThat(step).isInstanceOf(JOBS.code().type("Step")));
      assertThat(field(steps.get(1), "name")).isEqualTo("test");
      assertThat(listField(steps.get(0), "logs")).containsExactly("javac: ok");
      assertThat(listField(job, "tags")).containsExactly("nightly", "gpu");
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
      Violation violation = onlyViolation(validator.parse(job("status", "done")), "/status", INVALID_VALUE);
      assertThat(violation.message()).contains("queued", "running", "succeeded", "failed", "done");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void enumViolations(String field, Object wire, Code code) {
      onlyViolation(validator.parse(job(field, wire)), "/" + field, code);
    }

    static Stream<Arguments> enumViolations() {
      return Stream.of(
          Arguments.of("status", "RUNNING", INVALID_VALUE),
          Arguments.of("status", "Running", INVALID_VALUE),
          Arguments.of("status", "", INVALID_VALUE),
          Arguments.of("status", 1, INVALID_TYPE),
          Arguments.of("status", null, INVALID_TYPE),
          Arguments.of("previousStatus", "paused", INVALID_VALUE),
          Arguments.of("previousStatus", null, INVALID_TYPE));
    }

    private Object enumConstant(String name) {
      return Arrays.stream(JOBS.code().type("JobStatus").getEnumConstants())
          .filter(c -> ((Enum<?>) c).name().equals(name)).findFirst().orElseThrow();
    }
  }
}
