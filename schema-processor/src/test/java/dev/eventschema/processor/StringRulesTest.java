package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * String rules: @Size, @Pattern (with and without a message), on fields, optionals, elements and
 * keys.
 */
class StringRulesTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void patternViolationUsesTheCustomMessageAndShowsTheValue() {
      Violation violation = onlyViolation(validator.parse(telemetry("serviceName", "inference gateway!")), "/serviceName", INVALID_FORMAT);

      assertThat(violation.message()).contains("letters, digits, hyphens and underscores only", "inference gateway!");
    }

    @Test
    void sizeOfAnOptionalStringIsChecked() {
      assertThat(validator.parse(telemetry("serviceName", "")).violations())
          .extracting(Violation::path, Violation::code)
          .contains(tuple("/serviceName", TOO_SMALL));

      Violation tooLong = onlyViolation(validator.parse(telemetry("serviceName", "a".repeat(101))), "/serviceName", TOO_BIG);
      assertThat(tooLong.message()).contains("100", "101");

      parseValid(validator, telemetry("serviceName", "a".repeat(100)));
    }

    @Test
    void mapKeyPatternWithoutMessageSaysWhatItMustMatch() {
      Violation violation = onlyViolation(validator.parse(telemetry("labels", obj("__x", "v"))), "/labels/__x", INVALID_FORMAT);
      assertThat(violation.message()).contains("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
    }
  }

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void listElementPatternWithoutMessageSaysWhatItMustMatch() {
      Violation violation = onlyViolation(validator.parse(job("tags", arr("Nightly"))), "/tags/0", INVALID_FORMAT);
      assertThat(violation.message()).contains("[a-z]+", "Nightly");
    }
  }
}
