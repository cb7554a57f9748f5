package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_BIG;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.telemetryBuilder;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * validate checks any implementation, hand-written ones included, with the same rules as parse; a
 * generated value is valid at once.
 */
class ValidateTest {

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void validateReportsEveryViolationOfAHandWrittenRecord() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("", 0, "", OptionalDouble.of(0.5), Map.of(), Double.NaN);

      assertThat(validator.validate(handWritten)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", TOO_SMALL), tuple("/logprob", TOO_BIG), tuple("/elapsedMs", NOT_FINITE));
    }

    @Test
    void validateAcceptsAValidHandWrittenRecord() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken("req-1", 0, "", OptionalDouble.empty(), Map.of("k", List.of(1)), 0.0);

      assertThat(validator.validate(handWritten)).isEmpty();
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
    void validateChecksNestedHandWrittenValuesUnderTheirPath() {
      GeneratedCode code = JOBS.code();
      Object badResources = code.implement("Resources", obj("cpus", 0, "memoryBytes", 1L));
      Object goodStep = code.builder("Step").set("name", "compile").set("durationSec", 1).build();
      Object badStep = code.implement("Step", obj("name", "  ", "durationSec", 4000, "logs", List.of("")));
      Object job = code.implement("JobUpdatedEvent", obj(
          "jobId", "job-1", "status", null, "resources", badResources, "steps", List.of(goodStep, badStep), "tags", List.of("UP")));

      assertThat(validator.validate(job)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/status", MISSING),
          tuple("/resources/cpus", TOO_SMALL),
          tuple("/steps/1/name", INVALID_FORMAT),
          tuple("/steps/1/durationSec", TOO_BIG),
          tuple("/steps/1/logs/0", INVALID_FORMAT),
          tuple("/tags/0", INVALID_FORMAT));
    }
  }

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void validateChecksAHandWrittenMember() {
      Object badText = code.implement("TextPrompt", obj("text", ""));
      Object event = code.implement("GenerationRequestedEvent", obj("model", "m", "prompt", badText));

      assertThat(validator.validate(event)).extracting(Violation::path, Violation::code)
          .containsExactly(tuple("/prompt/text", TOO_SMALL));
    }
  }

  @Nested
  @DisplayName("values of TelemetryConfig, TokenEvent and JobUpdatedEvent")
  class Values {

    @Test
    void validateOfAValidValueIsEmpty() {
      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(telemetryBuilder().build())).isEmpty();
      assertThat(JOBS.code().validator("JobUpdatedEvent").validate(parseValid(JOBS.code().validator("JobUpdatedEvent"), job())))
          .isEmpty();
    }

    @Test
    void validateOfAValidValueReturnsTheSharedEmptyList() {
      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(telemetryBuilder().build())).isSameAs(List.of());
    }

    @Test
    void validateOfAnInvalidHandWrittenValueListsEveryViolation() {
      Map<String, Object> seventeen = new LinkedHashMap<>();
      IntStream.range(0, 17).forEach(i -> seventeen.put("l" + i, "v"));
      Object handWritten = TELEMETRY.code().implement("TelemetryConfig", obj(
          "enabled", true, "serviceName", Optional.of(""), "prometheusPort", OptionalInt.of(80), "labels", seventeen));

      assertThat(TELEMETRY.code().validator("TelemetryConfig").validate(handWritten))
          .extracting(Violation::path, Violation::code)
          .contains(tuple("/serviceName", TOO_SMALL), tuple("/prometheusPort", TOO_SMALL), tuple("/labels", TOO_BIG));
    }
  }
}
