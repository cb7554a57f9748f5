package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.UNRECOGNIZED_KEYS;
import static dev.eventschema.processor.Payloads.assertViolations;
import static dev.eventschema.processor.Payloads.heartbeat;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.LENIENT;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Unknown keys are rejected at every depth of a strict schema, with a did-you-mean suggestion; a
 * lenient schema ignores them.
 */
class UnknownKeysTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void unknownKeyIsRejectedWithASuggestion() {
      Violation violation = onlyViolation(validator.parse(obj("enabled", true, "prometheusPrt", 9464)), "/prometheusPrt", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'prometheusPrt'; did you mean 'prometheusPort'?");
    }

    @Test
    void unknownKeyFarFromAnyDeclaredKeyHasNoSuggestion() {
      Violation violation = onlyViolation(validator.parse(obj("enabled", true, "colour", "red")), "/colour", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'colour'");
    }

    @Test
    void unknownKeyPathIsAnEscapedJsonPointer() {
      onlyViolation(validator.parse(obj("enabled", true, "a/b~c", 1)), "/a~1b~0c", UNRECOGNIZED_KEYS);
    }

    @Test
    void eachUnknownKeyIsItsOwnViolation() {
      assertViolations(validator.parse(obj("enabled", true, "a", 1, "b", 2)),
          tuple("/a", UNRECOGNIZED_KEYS), tuple("/b", UNRECOGNIZED_KEYS));
    }

    @Test
    void keysAreCaseSensitive() {
      ParseResult<Object> result = validator.parse(obj("Enabled", true));

      assertViolations(result, tuple("/Enabled", UNRECOGNIZED_KEYS), tuple("/enabled", MISSING));
      assertThat(result.violations()).filteredOn(v -> v.code() == UNRECOGNIZED_KEYS)
          .extracting(Violation::message).containsExactly("unknown key 'Enabled'; did you mean 'enabled'?");
    }
  }

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @Test
    void unknownNestedKeyIsSuggestedFromTheNestedSchema() {
      Violation violation = onlyViolation(validator.parse(job("resources", resources("gpuu", "a100"))), "/resources/gpuu", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'gpuu'; did you mean 'gpu'?");
    }
  }

  @Nested
  @DisplayName("HeartbeatEvent: a lenient schema")
  class NonStrict {

    private final SchemaValidator<Object> validator = LENIENT.code().validator("HeartbeatEvent");

    @Test
    void unknownKeysAreIgnored() {
      Object heartbeat = parseValid(validator, heartbeat("version", "1.2.3", "uptimeMS", 5));

      assertThat(validator.toMap(heartbeat)).isEqualTo(heartbeat());
    }

    @Test
    void otherRulesStillApply() {
      assertViolations(validator.parse(obj("uptimeMs", "1000", "extra", true)),
          tuple("/node", MISSING), tuple("/uptimeMs", INVALID_TYPE));
    }

    @Test
    void aStrictNestedSchemaStillRejectsUnknownKeys() {
      Violation violation = onlyViolation(validator.parse(heartbeat("info", obj("host", "h", "hots", "h"))), "/info/hots", UNRECOGNIZED_KEYS);
      assertThat(violation.message()).isEqualTo("unknown key 'hots'; did you mean 'host'?");
    }
  }
}
