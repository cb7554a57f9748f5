package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;

import dev.eventschema.SchemaValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing is coerced: a value of the wrong JSON type is invalid_type, whatever it could be
 * converted to.
 */
class NoCoercionTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void nothingIsCoerced(String field, Object wireValue) {
      onlyViolation(validator.parse(telemetry(field, wireValue)), "/" + field, INVALID_TYPE);
    }

    static Stream<Arguments> nothingIsCoerced() {
      return Stream.of(
          Arguments.of("enabled", "true"),
          Arguments.of("enabled", 1),
          Arguments.of("enabled", null),
          Arguments.of("serviceName", 42),
          Arguments.of("serviceName", true),
          Arguments.of("serviceName", null),
          Arguments.of("prometheusPort", "9464"),
          Arguments.of("prometheusPort", true),
          Arguments.of("prometheusPort", null),
          Arguments.of("exportIntervalMs", "15000"),
          Arguments.of("labels", List.of("team=ml")),
          Arguments.of("labels", "team=ml"),
          Arguments.of("labels", null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void nonStringKeyAtTheRootIsAViolationAtTheRoot() {
      Map<Object, Object> payload = new LinkedHashMap<>(obj("enabled", true));
      payload.put(7, "seven");

      onlyViolation(validator.parse((Map<String, ?>) (Map<?, ?>) payload), "", INVALID_TYPE);
    }
  }

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void doubleIsNotReadFromAString() {
      onlyViolation(validator.parse(token("elapsedMs", "12.5")), "/elapsedMs", INVALID_TYPE);
    }
  }
}
