package dev.eventschema.processor;

import static dev.eventschema.processor.TestSchemas.CONTAINERS;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.LENIENT;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.SAMPLING;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static dev.eventschema.processor.TestSchemas.UNION_CONTAINERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Payloads, builders and assertions shared by the tests of generated code: one valid payload per
 * schema of {@link TestSchemas}, with overrides, and small JSON helpers.
 */
final class Payloads {

  private Payloads() {}

  static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

  // =============================================================================================
  // Schemas and payloads

  /** Every schema of {@link TestSchemas}: group, interface, expected wire name. */
  static Stream<Arguments> allSchemas() {
    return Stream.of(
        Arguments.of(TELEMETRY, "TelemetryConfig", "telemetryConfig"),
        Arguments.of(TOKENS, "TokenEvent", "token"),
        Arguments.of(TOKENS, "ModelLoadedEvent", "modelLoaded"),
        Arguments.of(TOKENS, "ModelUnloadedEvent", "modelUnloaded"),
        Arguments.of(JOBS, "Resources", "resources"),
        Arguments.of(JOBS, "Step", "step"),
        Arguments.of(JOBS, "JobUpdatedEvent", "job.updated"),
        Arguments.of(SAMPLING, "SamplingParams", "samplingParams"),
        Arguments.of(PROMPTS, "TextPrompt", "text"),
        Arguments.of(PROMPTS, "TemplatePrompt", "template"),
        Arguments.of(PROMPTS, "GenerationRequestedEvent", "generationRequested"),
        Arguments.of(CONTAINERS, "Point", "point"),
        Arguments.of(CONTAINERS, "InventoryEvent", "inventory"),
        Arguments.of(UNION_CONTAINERS, "ConversationEvent", "conversation"),
        Arguments.of(LENIENT, "NodeInfo", "nodeInfo"),
        Arguments.of(LENIENT, "HeartbeatEvent", "heartbeat"));
  }

  /** Marks a key to remove in {@link #with}. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "ABSENT";
    }
  };

  static Map<String, Object> telemetry(Object... overrides) {
    return with(obj(
        "enabled", true,
        "serviceName", "inference-gateway",
        "prometheusPort", 9464,
        "exportIntervalMs", 15_000L,
        "labels", obj("region", "eu-west-1", "team", "ml")), overrides);
  }

  static GeneratedBuilder telemetryBuilder() {
    return TELEMETRY.code().builder("TelemetryConfig")
        .set("enabled", true)
        .set("serviceName", "inference-gateway")
        .set("prometheusPort", 9464)
        .set("exportIntervalMs", 15_000L)
        .set("putLabels", "region", "eu-west-1")
        .set("putLabels", "team", "ml");
  }

  static Map<String, Object> token(Object... overrides) {
    return with(obj(
        "requestId", "req-42",
        "index", 3,
        "token", "Hello",
        "logprob", -0.25,
        "metadata", obj("model", "llama-3", "scores", arr(1, 2.5, null), "cache", obj("hit", true)),
        "elapsedMs", 12.5), overrides);
  }

  static Map<String, Object> resources(Object... overrides) {
    return with(obj("cpus", 4, "memoryBytes", 8_589_934_592L, "gpu", "a100"), overrides);
  }

  static Map<String, Object> step(String name, Object... overrides) {
    return with(obj("name", name, "durationSec", 12, "logs", arr("javac: ok")), overrides);
  }

  static Map<String, Object> job(Object... overrides) {
    return with(obj(
        "jobId", "job-7",
        "status", "running",
        "previousStatus", "queued",
        "resources", resources(),
        "steps", arr(step("compile"), step("test")),
        "tags", arr("nightly", "gpu")), overrides);
  }

  /** A builder for {@link #job()} without its steps and tags. */
  static GeneratedBuilder jobBuilder() {
    GeneratedCode code = JOBS.code();
    Object resources = code.builder("Resources").set("cpus", 4).set("memoryBytes", 8_589_934_592L).set("gpu", "a100").build();
    Object running = code.validator("JobUpdatedEvent").parse(job()).orElseThrow();
    return code.builder("JobUpdatedEvent")
        .set("jobId", "job-7")
        .set("status", field(running, "status"))
        .set("previousStatus", field(running, "previousStatus"))
        .set("resources", resources);
  }

  static Map<String, Object> point(int x, int y) {
    return obj("x", x, "y", y);
  }

  /** A valid inventory: every kind of list and map field, with nested schemas inside them. */
  static Map<String, Object> inventory(Object... overrides) {
    return with(obj(
        "levels", arr("low", "high"),
        "levelByHost", obj("h1", "high"),
        "origin", point(1, 2),
        "path", arr(point(0, 0), point(3, 4)),
        "pointsByName", obj("a", point(0, 1), "b", point(5, 6)),
        "readings", arr(1.5, 2.0),
        "counts", obj("a", 1),
        "flags", obj("on", true, "off", false),
        "codes", arr("ab", "abc"),
        "ids", arr(1L, 2L)), overrides);
  }

  static Map<String, Object> sampling(Object... overrides) {
    return with(obj(
        "temperature", 0.7,
        "maxTokens", 256,
        "seed", 42L,
        "topK", 40,
        "logitBias", -0.5,
        "stopTokenIds", arr(2, 13)), overrides);
  }

  static Map<String, Object> template(Object... overrides) {
    return with(obj("type", "template", "template", "Hi {name}", "variables", obj("name", "Ada")), overrides);
  }

  static Map<String, Object> generation(Object... overrides) {
    return with(obj("model", "llama-3", "prompt", "Hello", "history", arr("Hi", template())), overrides);
  }

  static Map<String, Object> heartbeat(Object... overrides) {
    return with(obj("node", "node-1", "uptimeMs", 1_000L, "info", obj("host", "10.0.0.1")), overrides);
  }

  /** {@code depth} arrays nested in one another, the innermost holding {@code true}. */
  static List<Object> nestedArrays(int depth) {
    List<Object> array = arr(true);
    for (int i = 1; i < depth; i++) {
      array = arr(array);
    }
    return array;
  }

  /** {@code depth} objects nested in one another under the key {@code n}; the outermost is depth 1. */
  static Map<String, Object> nestedObjects(int depth) {
    Map<String, Object> object = obj("leaf", true);
    for (int i = 1; i < depth; i++) {
      object = obj("n", object);
    }
    return object;
  }

  // =============================================================================================
  // Helpers

  /** A mutable JSON object in the given order; values may be {@code null}. */
  static Map<String, Object> obj(Object... keysAndValues) {
    Map<String, Object> object = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      object.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return object;
  }

  /** A mutable JSON array; items may be {@code null}. */
  static List<Object> arr(Object... items) {
    return new ArrayList<>(Arrays.asList(items));
  }

  /** A copy of {@code base} with keys replaced, or removed when the value is {@link #ABSENT}. */
  static Map<String, Object> with(Map<String, Object> base, Object... overrides) {
    Map<String, Object> copy = new LinkedHashMap<>(base);
    for (int i = 0; i < overrides.length; i += 2) {
      String key = (String) overrides[i];
      if (overrides[i + 1] == ABSENT) {
        copy.remove(key);
      } else {
        copy.put(key, overrides[i + 1]);
      }
    }
    return copy;
  }

  static Object parseValid(SchemaValidator<Object> validator, Map<String, ?> payload) {
    ParseResult<Object> result = validator.parse(payload);
    assertThat(result.violations()).as("violations of %s", payload).isEmpty();
    assertThat(result).isInstanceOf(ParseResult.Valid.class);
    return result.orElseThrow();
  }

  /** The one violation of an invalid result. */
  static Violation onlyViolation(ParseResult<?> result) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).hasSize(1);
    return result.violations().get(0);
  }

  /** The one violation of an invalid result, which must be at {@code path} with {@code code}. */
  static Violation onlyViolation(ParseResult<?> result, String path, Code code) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).extracting(Violation::path, Violation::code).containsExactly(tuple(path, code));
    return result.violations().get(0);
  }

  static void assertViolations(ParseResult<?> result, Tuple... pathsAndCodes) {
    assertThat(result.isValid()).as("the payload should be invalid").isFalse();
    assertThat(result.violations()).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(pathsAndCodes);
  }

  static Object field(Object value, String accessor) {
    return ReflectiveCalls.call(value, accessor);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> mapField(Object value, String accessor) {
    return (Map<String, Object>) field(value, accessor);
  }

  @SuppressWarnings("unchecked")
  static List<Object> listField(Object value, String accessor) {
    return (List<Object>) field(value, accessor);
  }
}
