package dev.eventschema.processor;

import static dev.eventschema.processor.Payloads.DRAFT_2020_12;
import static dev.eventschema.processor.Payloads.allSchemas;
import static dev.eventschema.processor.Payloads.field;
import static dev.eventschema.processor.Payloads.resources;
import static dev.eventschema.processor.Payloads.template;
import static dev.eventschema.processor.Payloads.token;
import static dev.eventschema.processor.TestSchemas.JOBS;
import static dev.eventschema.processor.TestSchemas.LENIENT;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.SAMPLING;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static dev.eventschema.processor.TestSchemas.TOKENS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exported JSON Schema: draft 2020-12, the generated resource, and the same rules as the
 * validator.
 */
class JsonSchemaTest {

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("dev.eventschema.processor.Payloads#allSchemas")
  void isDraft2020TwelveJsonAndIsTheGeneratedResource(TestSchemas group, String schema, String wireName) {
    GeneratedCode code = group.code();
    String text = code.validator(schema).jsonSchema();

    Map<String, Object> json = MiniJson.parseObject(text);
    assertThat(json).containsEntry("$schema", DRAFT_2020_12).containsKey("properties");
    assertThat(code.resource("META-INF/eventschema/" + wireName + ".schema.json")).hasValue(text);
  }

  @Test
  void describesTypesRequiredFieldsAndConstraints() {
    Map<String, Object> schema = MiniJson.parseObject(TELEMETRY.code().validator("TelemetryConfig").jsonSchema());

    assertThat(schema).containsEntry("type", "object").containsEntry("additionalProperties", false);
    assertThat(schema.get("required")).isEqualTo(List.of("enabled"));
    Map<String, Object> properties = object(schema, "properties");
    assertThat(properties.keySet()).containsExactly("enabled", "serviceName", "prometheusPort", "exportIntervalMs", "labels");
    assertThat(object(properties, "enabled")).containsEntry("type", "boolean");
    assertThat(object(properties, "serviceName"))
        .containsEntry("type", "string").containsEntry("minLength", 1L).containsEntry("maxLength", 100L);
    assertThat(object(properties, "prometheusPort"))
        .containsEntry("type", "integer").containsEntry("minimum", 1024L).containsEntry("maximum", 65535L);
    assertThat(object(properties, "exportIntervalMs"))
        .containsEntry("type", "integer").containsEntry("minimum", 1000L).containsEntry("maximum", 600000L);
    Map<String, Object> labels = object(properties, "labels");
    assertThat(labels).containsEntry("type", "object").containsEntry("maxProperties", 16L);
    assertThat(object(labels, "additionalProperties")).containsEntry("type", "string").containsEntry("maxLength", 128L);
  }

  @Test
  void patternsAreAnchoredBecauseTheyMustMatchTheWholeString() {
    Map<String, Object> properties = object(MiniJson.parseObject(TELEMETRY.code().validator("TelemetryConfig").jsonSchema()), "properties");
    String pattern = (String) object(properties, "serviceName").get("pattern");
    String keyPattern = (String) object(object(properties, "labels"), "propertyNames").get("pattern");

    assertThat(pattern).startsWith("^").endsWith("$").contains("[A-Za-z0-9_-]+");
    assertThat(keyPattern).startsWith("^").endsWith("$").contains("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
    assertThat(java.util.regex.Pattern.compile(pattern).matcher("svc-1").find()).isTrue();
    Matcher partial = java.util.regex.Pattern.compile(pattern).matcher("svc 1");
    assertThat(partial.find()).as("a pattern that finds only part of 'svc 1'").isFalse();
  }

  @Test
  void describesEnumsNestedSchemasAndLists() {
    Map<String, Object> root = MiniJson.parseObject(JOBS.code().validator("JobUpdatedEvent").jsonSchema());
    Map<String, Object> properties = object(root, "properties");

    assertThat(array(root, "required")).containsExactlyInAnyOrder("jobId", "status", "resources");
    assertThat(resolve(root, object(properties, "status")).get("enum")).isEqualTo(List.of("queued", "running", "succeeded", "failed"));
    Map<String, Object> resources = resolve(root, object(properties, "resources"));
    assertThat(resources).containsEntry("type", "object").containsEntry("additionalProperties", false);
    assertThat(array(resources, "required")).containsExactlyInAnyOrder("cpus", "memoryBytes");
    Map<String, Object> steps = resolve(root, object(properties, "steps"));
    assertThat(steps).containsEntry("type", "array").containsEntry("maxItems", 5L);
    assertThat(object(resolve(root, object(steps, "items")), "properties").keySet()).containsExactly("name", "durationSec", "logs");
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @MethodSource
  void numericBoundsAgreeWithTheValidator(String field, String number, boolean allowed) {
    Map<String, Object> properties = object(MiniJson.parseObject(SAMPLING.code().validator("SamplingParams").jsonSchema()), "properties");
    Map<String, Object> node = "stopTokenIds".equals(field) ? object(object(properties, field), "items") : object(properties, field);

    assertThat(allowsNumber(node, new BigDecimal(number))).isEqualTo(allowed);
  }

  static Stream<Arguments> numericBoundsAgreeWithTheValidator() {
    return Stream.of(
        Arguments.of("temperature", "-0.1", false),
        Arguments.of("temperature", "0", true),
        Arguments.of("temperature", "2", true),
        Arguments.of("temperature", "2.1", false),
        Arguments.of("temperature", "0.5", true),
        Arguments.of("maxTokens", "0", false),
        Arguments.of("maxTokens", "1", true),
        Arguments.of("maxTokens", "1.5", false),
        Arguments.of("seed", "-1", false),
        Arguments.of("seed", "0", true),
        Arguments.of("topK", "0", false),
        Arguments.of("topK", "1", true),
        Arguments.of("topK", "100", true),
        Arguments.of("topK", "101", false),
        Arguments.of("logitBias", "0", false),
        Arguments.of("logitBias", "-0.001", true),
        Arguments.of("stopTokenIds", "0", false),
        Arguments.of("stopTokenIds", "1", true));
  }

  /** Whether a number schema (type, minimum, maximum, exclusiveMinimum, exclusiveMaximum) accepts {@code n}. */
  private boolean allowsNumber(Map<String, Object> node, BigDecimal n) {
    Object type = node.get("type");
    assertThat(type).as("type of %s", node).isIn("integer", "number");
    if ("integer".equals(type) && n.stripTrailingZeros().scale() > 0) {
      return false;
    }
    return bound(node, "minimum", n, c -> c >= 0) && bound(node, "exclusiveMinimum", n, c -> c > 0)
        && bound(node, "maximum", n, c -> c <= 0) && bound(node, "exclusiveMaximum", n, c -> c < 0);
  }

  private boolean bound(Map<String, Object> node, String keyword, BigDecimal n, java.util.function.IntPredicate ok) {
    Object limit = node.get(keyword);
    return limit == null || ok.test(n.compareTo(new BigDecimal(limit.toString())));
  }

  @Test
  void stringLengthsAgreeWithTheValidator() {
    Map<String, Object> root = MiniJson.parseObject(TOKENS.code().validator("TokenEvent").jsonSchema());
    Map<String, Object> properties = object(root, "properties");

    assertThat(array(root, "required")).containsExactlyInAnyOrder("requestId", "index", "token", "elapsedMs");
    assertThat(object(properties, "requestId")).containsEntry("type", "string").containsEntry("minLength", 1L);
    assertThat(object(properties, "token")).containsEntry("type", "string").doesNotContainEntry("minLength", 1L);
    assertThat(object(properties, "metadata")).containsEntry("type", "object");
    assertThat(object(properties, "elapsedMs")).containsEntry("type", "number");
  }

  @Test
  void aUnionIsOneOfItsMembersAndTheStringForm() {
    Map<String, Object> root = MiniJson.parseObject(PROMPTS.code().validator("GenerationRequestedEvent").jsonSchema());
    Map<String, Object> prompt = resolve(root, object(object(root, "properties"), "prompt"));

    Object alternatives = prompt.containsKey("oneOf") ? prompt.get("oneOf") : prompt.get("anyOf");
    assertThat(alternatives).as("oneOf or anyOf of %s", prompt).isInstanceOf(List.class);
    List<String> shapes = new ArrayList<>();
    for (Object alternative : (List<?>) alternatives) {
      @SuppressWarnings("unchecked")
      Map<String, Object> member = resolve(root, (Map<String, Object>) alternative);
      if ("string".equals(member.get("type"))) {
        shapes.add("string");
      } else {
        Map<String, Object> type = object(object(member, "properties"), "type");
        Object tag = type.containsKey("const") ? type.get("const") : ((List<?>) type.get("enum")).get(0);
        shapes.add("object " + tag);
      }
    }
    assertThat(shapes).containsExactlyInAnyOrder("string", "object text", "object template");
  }

  @Test
  void aNonStrictSchemaAllowsAdditionalProperties() {
    Map<String, Object> schema = MiniJson.parseObject(LENIENT.code().validator("HeartbeatEvent").jsonSchema());

    assertThat(schema.get("additionalProperties")).isNotEqualTo(false);
    assertThat(schema.get("required")).isEqualTo(List.of("node", "uptimeMs"));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> object(Map<String, Object> parent, String key) {
    assertThat(parent.get(key)).as("%s in %s", key, parent).isInstanceOf(Map.class);
    return (Map<String, Object>) parent.get(key);
  }

  @SuppressWarnings("unchecked")
  private List<Object> array(Map<String, Object> parent, String key) {
    assertThat(parent.get(key)).as("%s in %s", key, parent).isInstanceOf(List.class);
    return (List<Object>) parent.get(key);
  }

  /** Follows a local {@code $ref} such as {@code #/$defs/Resources}. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> resolve(Map<String, Object> root, Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (!(ref instanceof String pointer)) {
      return node;
    }
    assertThat(pointer).startsWith("#/");
    Object target = root;
    for (String segment : pointer.substring(2).split("/")) {
      target = ((Map<String, Object>) target).get(segment.replace("~1", "/").replace("~0", "~"));
    }
    return resolve(root, (Map<String, Object>) target);
  }
}
