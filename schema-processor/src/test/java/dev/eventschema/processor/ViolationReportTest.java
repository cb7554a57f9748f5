package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.INVALID_VALUE;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.Violation.Code.UNRECOGNIZED_KEYS;
import static dev.eventschema.processor.Payloads.ABSENT;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.assertViolations;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.inventory;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.point;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.step;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.CONTAINERS;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation.Code;
import dev.eventschema.Violation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every violation is found in one pass, in field order, each with the full JSON Pointer of the
 * value at fault.
 */
class ViolationReportTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void everyViolationIsFoundInOnePass() {
      Map<String, Object> payload = obj(
          "enabled", "yes",
          "serviceName", "inference gateway!",
          "prometheusPort", 80,
          "exportIntervalMs", 1.5,
          "labels", obj("__x", "v", "team", "x".repeat(129)),
          "prometheusPrt", 1);

      assertViolations(validator.parse(payload),
          tuple("/enabled", INVALID_TYPE),
          tuple("/serviceName", INVALID_FORMAT),
          tuple("/prometheusPort", TOO_SMALL),
          tuple("/exportIntervalMs", INVALID_TYPE),
          tuple("/labels/__x", INVALID_FORMAT),
          tuple("/labels/team", TOO_BIG),
          tuple("/prometheusPrt", UNRECOGNIZED_KEYS));
    }

    @Test
    void invalidResultThrowsWithEveryViolation() {
      ParseResult<Object> result = validator.parse(obj("enabled", "yes", "prometheusPort", 80));

      assertThat(result).isInstanceOf(ParseResult.Invalid.class);
      assertThatThrownBy(result::orElseThrow)
          .isInstanceOfSatisfying(SchemaViolationException.class,
              e -> assertThat(e.violations()).hasSize(2).isEqualTo(result.violations()));
    }
  }

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void parseListsViolationsInFieldOrderAsValidateDoes() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("", 0, "", OptionalDouble.of(0.5), Map.of(), Double.NaN);

      List<Violation> fromObject = validator.validate(handWritten);
      Map<String, Object> wire = new LinkedHashMap<>(validator.toMap(handWritten));
      wire.put("elapsedMs", Double.NaN);

      assertThat(validator.parse(wire).violations()).isEqualTo(fromObject);
    }

    private Object handWrittenToken(Object... components) throws ReflectiveOperationException {
      return TOKENS.code().type("HandWrittenToken").getConstructors()[0].newInstance(components);
    }
  }

  @Nested
  @DisplayName("JobUpdatedEvent: an enum, a nested schema, lists of both")
  class Jobs {

    private final SchemaValidator<Object> validator = JOBS.code().validator("JobUpdatedEvent");

    @ParameterizedTest
    @MethodSource
    void violationsInsideNestedValuesCarryTheirFullPath(Map<String, Object> payload, String path, Code code) {
      onlyViolation(validator.parse(payload), path, code);
    }

    static Stream<Arguments> violationsInsideNestedValuesCarryTheirFullPath() {
      List<Object> sixSteps = new ArrayList<>();
      IntStream.range(0, 6).forEach(i -> sixSteps.add(step("s" + i)));
      return Stream.of(
          argumentSet("nested number out of range", job("resources", resources("cpus", 0)), "/resources/cpus", TOO_SMALL),
          argumentSet("nested required field absent", job("resources", resources("cpus", ABSENT)), "/resources/cpus", MISSING),
          argumentSet("nested long too big", job("resources", resources("memoryBytes", BigInteger.ONE.shiftLeft(63))),
              "/resources/memoryBytes", TOO_BIG),
          argumentSet("nested long too big as a double", job("resources", resources("memoryBytes", 1e19)),
              "/resources/memoryBytes", TOO_BIG),
          argumentSet("nested negative long", job("resources", resources("memoryBytes", -1L)), "/resources/memoryBytes", TOO_SMALL),
          argumentSet("nested value not an object", job("resources", "4 cpus"), "/resources", INVALID_TYPE),
          argumentSet("nested value absent", job("resources", ABSENT), "/resources", MISSING),
          argumentSet("nested value null", job("resources", null), "/resources", INVALID_TYPE),
          argumentSet("list item field absent", job("steps", arr(step("compile"), step("test", "name", ABSENT))), "/steps/1/name", MISSING),
          argumentSet("list item field blank", job("steps", arr(step("compile"), step(" \t"))), "/steps/1/name", INVALID_FORMAT),
          argumentSet("list item number too big", job("steps", arr(step("compile", "durationSec", 3601))), "/steps/0/durationSec", TOO_BIG),
          argumentSet("list item number too small", job("steps", arr(step("compile", "durationSec", -1))), "/steps/0/durationSec", TOO_SMALL),
          argumentSet("string in a list in a list item", job("steps", arr(step("compile", "logs", arr("ok", " ")))), "/steps/0/logs/1", INVALID_FORMAT),
          argumentSet("list item not an object", job("steps", arr(step("compile"), "test")), "/steps/1", INVALID_TYPE),
          argumentSet("null list item", job("steps", arr(step("compile"), null)), "/steps/1", INVALID_TYPE),
          argumentSet("list too long", job("steps", sixSteps), "/steps", TOO_BIG),
          argumentSet("list not an array", job("steps", step("compile")), "/steps", INVALID_TYPE),
          argumentSet("string list too long", job("tags", arr("a", "b", "c", "d")), "/tags", TOO_BIG),
          argumentSet("list element not matching", job("tags", arr("nightly", "Nightly")), "/tags/1", INVALID_FORMAT),
          argumentSet("pattern matches the whole element", job("tags", arr("abc1")), "/tags/0", INVALID_FORMAT),
          argumentSet("list element of the wrong type", job("tags", arr("nightly", 1)), "/tags/1", INVALID_TYPE),
          argumentSet("null list element", job("tags", arr((Object) null)), "/tags/0", INVALID_TYPE),
          argumentSet("unknown key in a nested value", job("resources", resources("gpuu", "a100")), "/resources/gpuu", UNRECOGNIZED_KEYS),
          argumentSet("unknown key in a list item", job("steps", arr(step("compile", "exitCode", 0))), "/steps/0/exitCode", UNRECOGNIZED_KEYS));
    }

    @Test
    void violationsAtEveryDepthAreCollectedInOnePass() {
      Map<String, Object> payload = job(
          "jobId", ABSENT,
          "status", "done",
          "resources", resources("cpus", 0, "gpuu", "x"),
          "steps", arr(step("compile", "nmae", "x"), step(" ", "durationSec", 1.5)),
          "tags", arr("ok", "NOT OK"));

      assertViolations(validator.parse(payload),
          tuple("/jobId", MISSING),
          tuple("/status", INVALID_VALUE),
          tuple("/resources/cpus", TOO_SMALL),
          tuple("/resources/gpuu", UNRECOGNIZED_KEYS),
          tuple("/steps/0/nmae", UNRECOGNIZED_KEYS),
          tuple("/steps/1/name", INVALID_FORMAT),
          tuple("/steps/1/durationSec", INVALID_TYPE),
          tuple("/tags/1", INVALID_FORMAT));
    }
  }

  @Nested
  @DisplayName("InventoryEvent: enums, nested schemas and numbers inside containers")
  class Containers {

    private final SchemaValidator<Object> validator = CONTAINERS.code().validator("InventoryEvent");

    @ParameterizedTest
    @MethodSource
    void elementViolationsCarryTheirFullPath(Map<String, Object> payload, String path, Code code) {
      onlyViolation(validator.parse(payload), path, code);
    }

    static Stream<Arguments> elementViolationsCarryTheirFullPath() {
      return Stream.of(
          argumentSet("unknown enum in a list", inventory("levels", arr("low", "medium")), "/levels/1", INVALID_VALUE),
          argumentSet("unknown enum in a map", inventory("levelByHost", obj("h1", "LOW")), "/levelByHost/h1", INVALID_VALUE),
          argumentSet("optional nested value missing a field", inventory("origin", obj("x", 1)), "/origin/y", MISSING),
          argumentSet("optional nested value with an unknown key", inventory("origin", obj("x", 1, "y", 2, "z", 3)), "/origin/z", UNRECOGNIZED_KEYS),
          argumentSet("optional nested value null", inventory("origin", null), "/origin", INVALID_TYPE),
          argumentSet("nested value in a list", inventory("path", arr(point(0, 0), point(1, 1), obj("x", "1", "y", 1))), "/path/2/x", INVALID_TYPE),
          argumentSet("nested value in a map", inventory("pointsByName", obj("a", obj("x", 1, "y", 1.5))), "/pointsByName/a/y", INVALID_TYPE),
          argumentSet("NaN in a list of doubles", inventory("readings", arr(1.0, Double.NaN)), "/readings/1", NOT_FINITE),
          argumentSet("string in a list of doubles", inventory("readings", arr("1.0")), "/readings/0", INVALID_TYPE),
          argumentSet("constrained map value", inventory("counts", obj("a", 1, "b", 0)), "/counts/b", TOO_SMALL),
          argumentSet("map value out of int range", inventory("counts", obj("a", 3_000_000_000L)), "/counts/a", TOO_BIG),
          argumentSet("string in a map of booleans", inventory("flags", obj("a", "true")), "/flags/a", INVALID_TYPE),
          argumentSet("constrained list element", inventory("codes", arr("abc", "abcd")), "/codes/1", TOO_BIG),
          argumentSet("fraction in a list of longs", inventory("ids", arr(1L, 1.5)), "/ids/1", INVALID_TYPE));
    }
  }
}
