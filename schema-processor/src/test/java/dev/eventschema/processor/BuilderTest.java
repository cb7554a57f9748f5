package dev.eventschema.processor;

import static dev.eventschema.Violation.Code.INVALID_FORMAT;
import static dev.eventschema.Violation.Code.INVALID_TYPE;
import static dev.eventschema.Violation.Code.MISSING;
import static dev.eventschema.Violation.Code.NOT_FINITE;
import static dev.eventschema.Violation.Code.TOO_SMALL;
import static dev.eventschema.processor.Payloads.arr;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.job;
import static dev.eventschema.processor.Payloads.jobBuilder;
import static dev.eventschema.processor.Payloads.listField;
import static dev.eventschema.processor.Payloads.mapField;
import static dev.eventschema.processor.Payloads.obj;
import static dev.eventschema.processor.Payloads.parseValid;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.telemetry;
import static dev.eventschema.processor.Payloads.telemetryBuilder;
import static dev.eventschema.processor.Payloads.template;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.SchemaValidator;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated builders: documented setters that chain, build() checks every rule and reports all
 * violations, from() copies.
 */
class BuilderTest {

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void builderTakesAnyMemberForAUnionField() {
      Object text = code.builder("TextPrompt").set("text", "Hello").build();
      Object template = code.builder("TemplatePrompt").set("template", "Hi {name}").set("putVariables", "name", "Ada").build();

      Object event = code.builder("GenerationRequestedEvent")
          .set("model", "llama-3").set("prompt", text).set("addHistory", template).build();

      assertThat(validator.toMap(event)).isEqualTo(obj(
          "model", "llama-3", "prompt", "Hello",
          "history", arr(obj("type", "template", "template", "Hi {name}", "variables", obj("name", "Ada")))));
    }
  }

  @Nested
  @DisplayName("builders of TelemetryConfig, TokenEvent and JobUpdatedEvent")
  class Builders {

    @Test
    void buildsAValidatedValueOfTheSchemaInterface() {
      GeneratedCode code = TELEMETRY.code();
      Object config = telemetryBuilder().build();

      assertThat(config).isInstanceOf(code.type("TelemetryConfig"));
      assertThat(config).isEqualTo(parseValid(code.validator("TelemetryConfig"), telemetry()));
    }

    @Test
    void settersChainOnTheBuilder() {
      Class<?> builderClass = TELEMETRY.code().type("TelemetryConfigBuilder");
      Object builder = TELEMETRY.code().builder("TelemetryConfig").builder();

      assertThat(builder).isInstanceOf(builderClass);
      assertThat(ReflectiveCalls.call(builder, "enabled", true)).isInstanceOf(builderClass);
      assertThat(ReflectiveCalls.call(builder, "putLabels", "a", "b")).isInstanceOf(builderClass);
    }

    @ParameterizedTest(name = "{0}.{1}({2})")
    @MethodSource
    void settersHaveTheDocumentedSignatures(TestSchemas group, String schema, String method, List<Class<?>> parameters)
        throws NoSuchMethodException {
      Class<?> builderClass = group.code().type(schema + "Builder");
      Class<?>[] resolved = parameters.stream().map(p -> p == Placeholder.class ? group.code().type(placeholderName(method)) : p)
          .toArray(Class<?>[]::new);

      assertThat(Modifier.isPublic(builderClass.getMethod(method, resolved).getModifiers())).isTrue();
    }

    /** Stands for a type generated from the test sources (it only exists at run time). */
    private interface Placeholder {}

    private static String placeholderName(String method) {
      return switch (method) {
        case "resources" -> "Resources";
        case "addSteps" -> "Step";
        case "status", "previousStatus" -> "JobStatus";
        default -> throw new IllegalArgumentException(method);
      };
    }

    static Stream<Arguments> settersHaveTheDocumentedSignatures() {
      return Stream.of(
          Arguments.of(TELEMETRY, "TelemetryConfig", "enabled", List.of(boolean.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "serviceName", List.of(String.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "serviceName", List.of(Optional.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "prometheusPort", List.of(int.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "prometheusPort", List.of(OptionalInt.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "exportIntervalMs", List.of(long.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "exportIntervalMs", List.of(OptionalLong.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "labels", List.of(Map.class)),
          Arguments.of(TELEMETRY, "TelemetryConfig", "putLabels", List.of(String.class, String.class)),
          Arguments.of(TOKENS, "TokenEvent", "index", List.of(int.class)),
          Arguments.of(TOKENS, "TokenEvent", "logprob", List.of(double.class)),
          Arguments.of(TOKENS, "TokenEvent", "logprob", List.of(OptionalDouble.class)),
          Arguments.of(TOKENS, "TokenEvent", "metadata", List.of(Map.class)),
          Arguments.of(TOKENS, "TokenEvent", "putMetadata", List.of(String.class, Object.class)),
          Arguments.of(TOKENS, "TokenEvent", "elapsedMs", List.of(double.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "status", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "previousStatus", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "previousStatus", List.of(Optional.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "resources", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "steps", List.of(Iterable.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "addSteps", List.of(Placeholder.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "tags", List.of(Iterable.class)),
          Arguments.of(JOBS, "JobUpdatedEvent", "addTags", List.of(String.class)));
    }

    @Test
    void optionalSettersAreEquivalentToPlainOnes() {
      Object plain = telemetryBuilder().build();
      Object viaOptionals = TELEMETRY.code().builder("TelemetryConfig")
          .set("enabled", true)
          .set("serviceName", Optional.of("inference-gateway"))
          .set("prometheusPort", OptionalInt.of(9464))
          .set("exportIntervalMs", OptionalLong.of(15_000L))
          .set("labels", obj("region", "eu-west-1", "team", "ml"))
          .build();

      assertThat(viaOptionals).isEqualTo(plain);
    }

    @Test
    void emptyOptionalSetterClearsTheField() {
      Object config = telemetryBuilder().set("serviceName", Optional.empty()).set("prometheusPort", OptionalInt.empty()).build();

      assertThat(field(config, "serviceName")).isEqualTo(Optional.empty());
      assertThat(field(config, "prometheusPort")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void addAndPutAccumulate() {
      Object job = jobBuilder().set("addTags", "a").set("addTags", "b").build();
      Object config = TELEMETRY.code().builder("TelemetryConfig").set("enabled", true)
          .set("putLabels", "a", "1").set("putLabels", "b", "2").build();

      assertThat(listField(job, "tags")).containsExactly("a", "b");
      assertThat(mapField(config, "labels")).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
    }

    @Test
    void buildFailsWithEveryViolation() {
      SchemaViolationException failure = TELEMETRY.code().builder("TelemetryConfig")
          .set("enabled", true)
          .set("serviceName", "inference gateway!")
          .set("prometheusPort", 80)
          .set("exportIntervalMs", 10L)
          .set("putLabels", "__internal", "x")
          .buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/serviceName", INVALID_FORMAT),
          tuple("/prometheusPort", TOO_SMALL),
          tuple("/exportIntervalMs", TOO_SMALL),
          tuple("/labels/__internal", INVALID_FORMAT));
      assertThat(failure.getMessage()).startsWith("4 schema violations:").contains("must be between 1024 and 65535, was 80");
    }

    @Test
    void missingRequiredPrimitiveIsReported() {
      SchemaViolationException failure = TELEMETRY.code().builder("TelemetryConfig").set("serviceName", "svc").buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactly(tuple("/enabled", MISSING));
    }

    @Test
    void everyMissingRequiredFieldIsReported() {
      SchemaViolationException failure = TOKENS.code().builder("TokenEvent").set("logprob", -1.0).buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", MISSING), tuple("/index", MISSING), tuple("/token", MISSING), tuple("/elapsedMs", MISSING));
    }

    @Test
    void builderChecksEveryRuleThatParseChecks() {
      SchemaViolationException failure = TOKENS.code().builder("TokenEvent")
          .set("requestId", "")
          .set("index", 0)
          .set("token", "")
          .set("logprob", Double.NaN)
          .set("putMetadata", "when", new java.util.Date(0))
          .set("elapsedMs", Double.POSITIVE_INFINITY)
          .buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
          tuple("/requestId", TOO_SMALL),
          tuple("/logprob", NOT_FINITE),
          tuple("/metadata/when", INVALID_TYPE),
          tuple("/elapsedMs", NOT_FINITE));
    }

    @Test
    void fromCopiesAValue() {
      GeneratedCode code = TELEMETRY.code();
      Object original = telemetryBuilder().build();

      Object copy = code.from("TelemetryConfig", original).build();
      Object changed = code.from("TelemetryConfig", original).set("prometheusPort", 9100).build();

      assertThat(copy).isEqualTo(original);
      assertThat(field(changed, "prometheusPort")).isEqualTo(OptionalInt.of(9100));
      assertThat(field(changed, "serviceName")).isEqualTo(Optional.of("inference-gateway"));
      assertThat(field(original, "prometheusPort")).isEqualTo(OptionalInt.of(9464));
    }

    @Test
    void fromCopiesAHandWrittenValueAndValidatesIt() {
      GeneratedCode code = TELEMETRY.code();
      Object handWritten = code.implement("TelemetryConfig", obj(
          "enabled", true, "serviceName", Optional.of("svc"), "labels", Map.of("team", "ml")));

      Object copy = code.from("TelemetryConfig", handWritten).build();
      assertThat(copy).isEqualTo(code.builder("TelemetryConfig").set("enabled", true).set("serviceName", "svc")
          .set("putLabels", "team", "ml").build());

      Object invalid = code.implement("TelemetryConfig", obj("enabled", false, "prometheusPort", OptionalInt.of(1)));
      assertThat(code.from("TelemetryConfig", invalid).buildFailure().violations())
          .extracting(Violation::path, Violation::code).containsExactly(tuple("/prometheusPort", TOO_SMALL));
    }

    @Test
    void buildRejectsAnInvalidHandWrittenNestedValue() {
      Object badResources = JOBS.code().implement("Resources", obj("cpus", 0, "memoryBytes", -1L));

      SchemaViolationException failure = jobBuilder().set("resources", badResources).buildFailure();

      assertThat(failure.violations()).extracting(Violation::path, Violation::code)
          .containsExactlyInAnyOrder(tuple("/resources/cpus", TOO_SMALL), tuple("/resources/memoryBytes", TOO_SMALL));
    }

    @Test
    void buildsNestedValuesAndLists() {
      Object job = jobBuilder()
          .set("addSteps", JOBS.code().builder("Step").set("name", "compile").set("durationSec", 12).set("addLogs", "javac: ok").build())
          .set("addSteps", JOBS.code().builder("Step").set("name", "test").set("durationSec", 12).set("logs", List.of("javac: ok")).build())
          .set("tags", List.of("nightly", "gpu"))
          .build();

      assertThat(JOBS.code().validator("JobUpdatedEvent").toMap(job)).isEqualTo(job());
    }
  }
}
