package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.assertViolations;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.onlyViolation;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.sampling;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.SAMPLING;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numbers: whole numbers for int and long, finite doubles, and the bounds of {@code @Min},
 * {@code @Max}, {@code @Range}, {@code @Positive} and the like (an out-of-range int gives too_big).
 */
class NumericRangeTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void rangeViolationNamesTheRuleAndTheValue() {
      Violation tooSmall = onlyViolation(validator.parse(telemetry("prometheusPort", 80)), "/prometheusPort", TOO_SMALL);
      Violation tooBig = onlyViolation(validator.parse(telemetry("prometheusPort", 70_000)), "/prometheusPort", TOO_BIG);

      assertThat(tooSmall.message()).isEqualTo("must be between 1024 and 65535, was 80");
      assertThat(tooBig.message()).isEqualTo("must be between 1024 and 65535, was 70000");
    }

    @ParameterizedTest
    @MethodSource
    void rangeBoundsAreInclusive(String field, Object value) {
      parseValid(validator, telemetry(field, value));
    }

    static Stream<Arguments> rangeBoundsAreInclusive() {
      return Stream.of(
          Arguments.of("prometheusPort", 1024),
          Arguments.of("prometheusPort", 65535),
          Arguments.of("exportIntervalMs", 1000L),
          Arguments.of("exportIntervalMs", 600_000L));
    }

    @ParameterizedTest
    @MethodSource
    void optionalLongIsRangeChecked(long value, Code code) {
      Violation violation = onlyViolation(validator.parse(telemetry("exportIntervalMs", value)), "/exportIntervalMs", code);
      assertThat(violation.message()).contains("1000", "600000").endsWith("was " + value);
    }

    static Stream<Arguments> optionalLongIsRangeChecked() {
      return Stream.of(Arguments.of(999L, TOO_SMALL), Arguments.of(600_001L, TOO_BIG));
    }
  }

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource
    void intAcceptsWholeNumbersOfAnyJavaNumberType(Object wire, String javaType, int expected) {
      assertThat(field(parseValid(validator, token("index", wire)), "index")).isEqualTo(expected);
    }

    static Stream<Arguments> intAcceptsWholeNumbersOfAnyJavaNumberType() {
      return Stream.of(
          Arguments.of(7L, "Long", 7),
          Arguments.of((short) 7, "Short", 7),
          Arguments.of((byte) 7, "Byte", 7),
          Arguments.of(3.0, "Double without a fraction", 3),
          Arguments.of(new BigDecimal("3.00"), "BigDecimal without a fraction", 3),
          Arguments.of(BigInteger.TEN, "BigInteger", 10),
          Arguments.of(Integer.MAX_VALUE, "Integer max", Integer.MAX_VALUE),
          Arguments.of((long) Integer.MIN_VALUE, "Long at int min", Integer.MIN_VALUE));
    }

    @ParameterizedTest(name = "{0} ({1})")
    @MethodSource
    void intRejectsFractionsAndNumbersOutsideItsRange(Object wire, String description, Code code) {
      onlyViolation(validator.parse(token("index", wire)), "/index", code);
    }

    static Stream<Arguments> intRejectsFractionsAndNumbersOutsideItsRange() {
      return Stream.of(
          Arguments.of(2_147_483_648L, "int max + 1", TOO_BIG),
          Arguments.of(-2_147_483_649L, "int min - 1", TOO_SMALL),
          Arguments.of(1e10, "large double", TOO_BIG),
          Arguments.of(new BigInteger("100000000000000000000000000000"), "huge BigInteger", TOO_BIG),
          Arguments.of(1.5, "fraction", INVALID_TYPE),
          Arguments.of(new BigDecimal("2.5"), "BigDecimal fraction", INVALID_TYPE),
          Arguments.of("3", "numeric string", INVALID_TYPE));
    }

    @Test
    void doubleAcceptsAnyFiniteNumber() {
      assertThat(field(parseValid(validator, token("elapsedMs", 12)), "elapsedMs")).isEqualTo(12.0);
      assertThat(field(parseValid(validator, token("elapsedMs", new BigDecimal("0.125"))), "elapsedMs")).isEqualTo(0.125);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void doublesMustBeFinite(String field, Object wire) {
      onlyViolation(validator.parse(token(field, wire)), "/" + field, NOT_FINITE);
    }

    static Stream<Arguments> doublesMustBeFinite() {
      return Stream.of("elapsedMs", "logprob").flatMap(field -> Stream.of(
          Arguments.of(field, Double.NaN),
          Arguments.of(field, Double.POSITIVE_INFINITY),
          Arguments.of(field, Double.NEGATIVE_INFINITY),
          Arguments.of(field, Float.NaN)));
    }

    @Test
    void constraintOnAnOptionalDoubleAppliesToTheValueInside() {
      Violation violation = onlyViolation(validator.parse(token("logprob", 0.5)), "/logprob", TOO_BIG);
      assertThat(violation.message()).endsWith("was 0.5");
      parseValid(validator, token("logprob", 0.0));
      parseValid(validator, token("logprob", -7.5));
    }
  }

  @Nested
  @DisplayName("SamplingParams: numbers of every kind")
  class Sampling {

    private final SchemaValidator<Object> validator = SAMPLING.code().validator("SamplingParams");

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void numericConstraints(String field, Object wire, Code code) {
      Violation violation = onlyViolation(validator.parse(sampling(field, wire)), "/" + field, code);
      assertThat(violation.message()).endsWith("was " + wire);
    }

    static Stream<Arguments> numericConstraints() {
      return Stream.of(
          Arguments.of("temperature", -0.5, TOO_SMALL),
          Arguments.of("temperature", 2.5, TOO_BIG),
          Arguments.of("maxTokens", 0, TOO_SMALL),
          Arguments.of("maxTokens", -3, TOO_SMALL),
          Arguments.of("seed", -1L, TOO_SMALL),
          Arguments.of("topK", 0, TOO_SMALL),
          Arguments.of("topK", 101, TOO_BIG),
          Arguments.of("logitBias", 0.0, TOO_BIG),
          Arguments.of("logitBias", 1.5, TOO_BIG));
    }

    @Test
    void rangeOnADoubleNamesBothBounds() {
      Violation violation = onlyViolation(validator.parse(sampling("temperature", 2.5)), "/temperature", TOO_BIG);
      assertThat(violation.message()).startsWith("must be between 0").contains(" and 2").endsWith(", was 2.5");
    }

    @Test
    void constraintOnAListElementTypeAppliesToEachElement() {
      Violation violation = onlyViolation(validator.parse(sampling("stopTokenIds", arr(2, 0, 13))), "/stopTokenIds/1", TOO_SMALL);
      assertThat(violation.message()).endsWith("was 0");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void boundariesAreAllowed(String field, Object wire) {
      parseValid(validator, sampling(field, wire));
    }

    static Stream<Arguments> boundariesAreAllowed() {
      return Stream.of(
          Arguments.of("temperature", 0.0),
          Arguments.of("temperature", 2.0),
          Arguments.of("temperature", 2),
          Arguments.of("maxTokens", 1),
          Arguments.of("seed", 0L),
          Arguments.of("topK", 1),
          Arguments.of("topK", 100),
          Arguments.of("logitBias", -0.001));
    }

    @Test
    void allNumericViolationsAreCollected() {
      assertViolations(validator.parse(obj("temperature", 3, "maxTokens", 0, "seed", -1L, "topK", 0, "logitBias", 1.0)),
          tuple("/temperature", TOO_BIG), tuple("/maxTokens", TOO_SMALL), tuple("/seed", TOO_SMALL),
          tuple("/topK", TOO_SMALL), tuple("/logitBias", TOO_BIG));
    }
  }
}
