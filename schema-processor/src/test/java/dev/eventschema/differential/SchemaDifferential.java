package dev.eventschema.differential;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.JsonNodeException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Judges a seeded corpus of payloads with a generated validator and, independently, with its own
 * exported JSON Schema under networknt's JSON Schema 2020-12 validator using ECMA-262 regexes
 * (joni). Both read the same JSON text, numbers as written ({@code BigDecimal}/{@code BigInteger}).
 */
public final class SchemaDifferential {

  /** Payloads per schema: at least 5,000 in the build, more with {@code -Deventschema.differential.payloads=N}. */
  public static final int PAYLOADS = Integer.getInteger("eventschema.differential.payloads", 5_000);

  /** The most disagreements printed in full; all are counted. */
  private static final int SHOWN = 10;

  private static final JsonMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
      builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
          .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
          .build()));

  /** One payload that the two judged differently. */
  public record Disagreement(String payload, boolean validatorAccepts, List<Violation> violations,
      List<String> schemaErrors, String mutations) {

    @Override
    public String toString() {
      return "payload " + shorten(payload) + "\n  mutations: " + mutations
          + "\n  generated validator: " + (validatorAccepts ? "accepts" : "rejects " + violations)
          + "\n  JSON Schema (networknt): " + (validatorAccepts ? "rejects " + schemaErrors : "accepts");
    }

    /** {@code validator rejects (too_big), schema accepts} or {@code schema rejects (pattern), validator accepts}. */
    public String kind() {
      if (validatorAccepts) {
        return "schema rejects (" + schemaErrors.stream().map(e -> e.substring(e.indexOf(' ') + 1, e.indexOf(':')))
            .distinct().sorted().collect(Collectors.joining(", ")) + "), validator accepts";
      }
      return "validator rejects (" + violations.stream().map(Disagreement::rule).distinct().sorted()
          .collect(Collectors.joining("; ")) + "), schema accepts";
    }

    /** A violation without its values: {@code too_big: must have at most # characters}. */
    private static String rule(Violation violation) {
      String message = violation.message();
      int seen = Math.max(message.lastIndexOf(", was "), message.lastIndexOf(", had "));
      String rule = (seen < 0 ? message : message.substring(0, seen)).replaceAll("-?\\d[\\d.E+]*", "#")
          .replaceAll("'[^']*'", "'#'");
      return violation.code().wireName() + ": " + rule;
    }

    private static String shorten(String text) {
      return text.length() > 600 ? text.substring(0, 600) + "... (" + text.length() + " characters)" : text;
    }
  }

  /** What one schema's run found. */
  public record Outcome(String schema, int payloads, int accepted, List<Disagreement> disagreements) {

    /**
     * Disagreements by class: the rule that rejected (the validator's violation codes, or the JSON
     * Schema keywords) and the side that accepted.
     */
    public Map<String, Long> byClass() {
      return disagreements.stream().collect(Collectors.groupingBy(Disagreement::kind, TreeMap::new, Collectors.counting()));
    }

    /** A readable report: counts, classes and the first disagreements in full. */
    public String report() {
      StringBuilder out = new StringBuilder(schema + ": " + disagreements.size() + " disagreements in " + payloads
          + " payloads (" + accepted + " valid)\n");
      byClass().forEach((kind, count) -> out.append("  ").append(count).append(" x ").append(kind).append('\n'));
      disagreements.stream().limit(SHOWN).forEach(d -> out.append(d).append('\n'));
      return out.toString();
    }
  }

  private SchemaDifferential() {}

  /** Runs {@code payloads} payloads drawn with {@code seed} through {@code validator} and its schema. */
  public static Outcome run(String name, SchemaValidator<?> validator, long seed, int payloads) {
    JsonNode schemaNode = JSON.readTree(validator.jsonSchema());
    Schema schema = REGISTRY.getSchema(schemaNode);
    List<Disagreement> disagreements = new ArrayList<>();
    int accepted = 0;
    for (SchemaCorpus.Payload payload : SchemaCorpus.generate(schemaNode, seed, payloads)) {
      String text = JSON.writeValueAsString(payload.value());
      List<Violation> violations = judge(validator, text);
      List<String> errors = judge(schema, text);
      boolean validatorAccepts = violations.isEmpty();
      accepted += validatorAccepts ? 1 : 0;
      if (validatorAccepts != errors.isEmpty()) {
        disagreements.add(new Disagreement(text, validatorAccepts, violations,
            errors,
            String.join("+", payload.mutations().isEmpty() ? List.of("none") : payload.mutations())));
      }
    }
    return new Outcome(name, payloads, accepted, disagreements);
  }

  /**
   * The same JSON value with every whole number written with a fraction or exponent ({@code 2.0},
   * {@code 1e400}) as an integer node. JSON Schema treats them as equal; networknt 3.0.9 throws on
   * a huge decimal under an integer {@code minimum} ({@code asLong()} out of range), so it is given
   * the integer form, which it compares exactly.
   */
  private static JsonNode integralAsBigInteger(JsonNode node) {
    if (node.isBigDecimal()) {
      BigDecimal value = node.decimalValue();
      boolean integral = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
      if (integral && value.precision() - value.scale() <= 10_000) {
        return JSON.getNodeFactory().numberNode(value.toBigIntegerExact());
      }
      return node;
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> property : object.properties()) {
        property.setValue(integralAsBigInteger(property.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, integralAsBigInteger(array.get(i)));
      }
    }
    return node;
  }

  /**
   * The errors networknt finds, as {@code location keyword: message}. networknt 3.0.9 throws on a
   * fraction beyond the long range under {@code "type": "integer"} with a {@code minimum} (it reads
   * the number with {@code asLong()}); such a number is invalid there by the {@code type} keyword
   * alone, so the exception counts as that {@code type} error.
   */
  private static List<String> judge(Schema schema, String text) {
    try {
      return schema.validate(integralAsBigInteger(JSON.readTree(text))).stream()
          .map(e -> e.getInstanceLocation() + " " + e.getKeyword() + ": " + e.getMessage())
          .toList();
    } catch (JsonNodeException notALong) {
      return List.of("? type: networknt threw " + notALong.getOriginalMessage());
    }
  }

  /** The generated validator's violations of the payload {@code text}; a non-object is one violation. */
  private static List<Violation> judge(SchemaValidator<?> validator, String text) {
    Object value = JSON.readValue(text, Object.class);
    if (!(value instanceof Map<?, ?> map)) {
      return List.of(new Violation("", Violation.Code.INVALID_TYPE, "not an object"));
    }
    try {
      @SuppressWarnings("unchecked") // Jackson reads object keys as strings
      ParseResult<?> result = validator.parse((Map<String, ?>) map);
      return result.violations();
    } catch (RuntimeException e) {
      throw new AssertionError("the generated validator threw on " + text, e);
    }
  }
}
