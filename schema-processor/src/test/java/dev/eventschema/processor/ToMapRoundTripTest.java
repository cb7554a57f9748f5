package dev.eventschema.processor;

import static dev.eventschema.processor.Payloads.ABSENT;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.generation;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.sampling;
import static dev.eventschema.processor.Payloads.step;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.template;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.SAMPLING;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.eventschema.SchemaValidator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** toMap writes the wire form (absent values left out), and parse(toMap(v)) equals v. */
class ToMapRoundTripTest {

  @Nested
  @DisplayName("TelemetryConfig: optional fields with rules and a constrained map")
  class Telemetry {

    private final SchemaValidator<Object> validator = TELEMETRY.code().validator("TelemetryConfig");

    @Test
    void parsesAFullPayload() {
      Object config = parseValid(validator, telemetry());

      assertThat(field(config, "serviceName")).isEqualTo(Optional.of("inference-gateway"));
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.of(9464));
      assertThat(field(config, "exportIntervalMs")).isEqualTo(OptionalLong.of(15_000));
      assertThat(mapField(config, "labels")).containsExactly(Map.entry("region", "eu-west-1"), Map.entry("team", "ml"));
    }

    @Test
    void toMapWritesTheWireFormInDeclarationOrder() {
      Map<String, Object> wire = validator.toMap(parseValid(validator, telemetry()));

      assertThat(wire).isEqualTo(telemetry());
      assertThat(wire.keySet()).containsExactly("enabled", "serviceName", "prometheusPort", "exportIntervalMs", "labels");
    }

    @Test
    void toMapOmitsEmptyOptionalsAndEmptyMaps() {
      assertThat(validator.toMap(parseValid(validator, obj("enabled", false)))).isEqualTo(Map.of("enabled", false));
    }
  }

  @Nested
  @DisplayName("TokenEvent: an empty-allowed string, an optional double, open metadata")
  class Tokens {

    private final SchemaValidator<Object> validator = TOKENS.code().validator("TokenEvent");

    @Test
    void parsesAndWritesBackAFullToken() {
      Object token = parseValid(validator, token());

      assertThat(field(token, "requestId")).isEqualTo("req-42");
      assertThat(field(token, "index")).isEqualTo(3);
      assertThat(field(token, "logprob")).isEqualTo(OptionalDouble.of(-0.25));
      assertThat(field(token, "elapsedMs")).isEqualTo(12.5);
      assertThat(mapField(token, "metadata")).isEqualTo(token().get("metadata"));
      assertThat(validator.toMap(token)).isEqualTo(token());
      assertThat(validator.toMap(token).keySet()).containsExactly("requestId", "index", "token", "logprob", "metadata", "elapsedMs");
    }

    @Test
    void toMapOfAnInvalidHandWrittenRecordLeavesItsNullFieldsOut() throws ReflectiveOperationException {
      Object handWritten = handWrittenToken(null, 3, "t", null, null, 1.0);

      assertThat(validator.toMap(handWritten)).containsExactly(
          entry("index", 3), entry("token", "t"), entry("elapsedMs", 1.0));
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
    void toMapWritesEnumsInLowerCaseAndNestedValuesAsObjects() {
      Map<String, Object> wire = validator.toMap(parseValid(validator, job()));

      assertThat(wire).isEqualTo(job());
      assertThat(wire.keySet()).containsExactly("jobId", "status", "previousStatus", "resources", "steps", "tags");
    }

    @Test
    void toMapOmitsEmptyListsAndEmptyOptionals() {
      Map<String, Object> payload = job("previousStatus", ABSENT, "steps", arr(), "tags", ABSENT);

      assertThat(validator.toMap(parseValid(validator, payload)).keySet()).containsExactly("jobId", "status", "resources");
    }

    @Test
    void roundTripOfAFullValue() {
      Object job = parseValid(validator, job());
      assertThat(validator.parse(validator.toMap(job)).orElseThrow()).isEqualTo(job);
    }
  }

  @Nested
  @DisplayName("SamplingParams: numbers of every kind")
  class Sampling {

    private final SchemaValidator<Object> validator = SAMPLING.code().validator("SamplingParams");

    @Test
    void roundTrip() {
      Object params = parseValid(validator, sampling());
      assertThat(validator.toMap(params)).isEqualTo(sampling());
      assertThat(validator.parse(validator.toMap(params)).orElseThrow()).isEqualTo(params);
    }
  }

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void toMapWritesTheStringFormMemberAsABareStringAndOthersWithTheirTypeFirst() {
      Object event = parseValid(validator, generation("prompt", obj("type", "text", "text", "Hello")));

      Map<String, Object> wire = validator.toMap(event);

      assertThat(wire.get("prompt")).isEqualTo("Hello");
      assertThat(wire.get("history")).isEqualTo(arr("Hi", template()));
      @SuppressWarnings("unchecked")
      Map<String, Object> template = (Map<String, Object>) ((List<Object>) wire.get("history")).get(1);
      assertThat(template.keySet()).containsExactly("type", "template", "variables");
    }

    @Test
    void roundTrip() {
      for (Object prompt : List.of("Hello", template(), template("variables", ABSENT))) {
        Map<String, Object> payload = generation("prompt", prompt);
        Object event = parseValid(validator, payload);
        assertThat(validator.toMap(event)).isEqualTo(payload);
        assertThat(validator.parse(validator.toMap(event)).orElseThrow()).isEqualTo(event);
      }
    }
  }

  @Nested
  @DisplayName("values of TelemetryConfig, TokenEvent and JobUpdatedEvent")
  class Values {

    @Test
    void toMapWritesAHandWrittenValue() {
      GeneratedCode code = JOBS.code();
      Object running = code.validator("JobUpdatedEvent").parse(job()).orElseThrow();
      Object resources = code.implement("Resources", obj("cpus", 4, "memoryBytes", 8_589_934_592L, "gpu", Optional.of("a100")));
      Object step = code.implement("Step", obj("name", "compile", "durationSec", 12, "logs", List.of("javac: ok")));
      Object job = code.implement("JobUpdatedEvent", obj(
          "jobId", "job-7", "status", field(running, "status"), "resources", resources, "steps", List.of(step)));

      assertThat(code.validator("JobUpdatedEvent").toMap(job)).isEqualTo(obj(
          "jobId", "job-7", "status", "running", "resources", resources(), "steps", arr(step("compile"))));
    }
  }
}
