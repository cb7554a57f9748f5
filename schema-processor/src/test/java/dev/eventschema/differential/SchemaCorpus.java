package dev.eventschema.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A seeded corpus of payloads for one JSON Schema: values drawn from the schema itself, most with a
 * few mutations at random places (boundary and huge numbers, strings at their length limits in
 * surrogate pairs, Unicode spaces and line breaks, unknown keys at any depth, type swaps, nulls,
 * missing keys, deep nesting; see {@link PayloadMutator}). Each payload carries the kinds of
 * mutation it got, so that disagreements can be grouped by what caused them.
 */
public final class SchemaCorpus {

  /** One payload: a JSON value as Java objects (maps, lists, strings, BigDecimal...) and its mutations. */
  public record Payload(Object value, Set<String> mutations) {}

  /** Beyond this depth of schema references, optional fields are left out so that values stay finite. */
  static final int DEEP = 6;

  private static final String[] TEXT_PIECES = {"a", "Z", "7", "_", "-", ".", "é", "ß", "中", "😀", "𝄞", " ", "\u00a0"};

  private final JsonNode root;
  private final Random random;
  private final PayloadMutator mutator;
  private double mutationRate;

  private SchemaCorpus(JsonNode root, long seed) {
    this.root = root;
    this.random = new Random(seed);
    this.mutator = new PayloadMutator(this, random);
  }

  /** {@code count} payloads for {@code schema}, the same for the same seed. */
  public static List<Payload> generate(JsonNode schema, long seed, int count) {
    SchemaCorpus corpus = new SchemaCorpus(schema, seed);
    List<Payload> payloads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Set<String> mutations = corpus.mutator.startPayload();
      corpus.mutationRate = i % 5 == 0 ? 0 : 0.02 + corpus.random.nextDouble() * 0.2;
      Object value = corpus.value(schema, 0);
      payloads.add(new Payload(value, mutations));
    }
    return payloads;
  }

  private Object value(JsonNode schema, int depth) {
    if (mutationRate > 0 && random.nextDouble() < mutationRate) {
      return mutator.mutate(schema, depth);
    }
    return valid(schema, depth);
  }

  // ------------------------------------------------------------------------------------------
  // Values drawn from the schema (package-private ones: the mutator builds on them)

  Object valid(JsonNode schema, int depth) {
    if (schema.has("$ref")) {
      return value(resolve(schema.get("$ref").asString()), depth + 1);
    }
    if (schema.has("oneOf")) {
      JsonNode branch = schema.get("oneOf").get(random.nextInt(schema.get("oneOf").size()));
      return value(branch, depth);
    }
    if (schema.has("const")) {
      return schema.get("const").asString();
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(random.nextInt(schema.get("enum").size())).asString();
    }
    String type = typeOf(schema);
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> array(schema, depth);
      case "string" -> string(schema);
      case "integer" -> integer(schema);
      case "number" -> number(schema);
      case "boolean" -> random.nextBoolean();
      case "null" -> null;
      default -> throw new IllegalArgumentException("no type in " + schema);
    };
  }

  String typeOf(JsonNode schema) {
    JsonNode type = schema.get("type");
    if (type == null) {
      return schema.has("properties") ? "object" : "null";
    }
    if (type.isArray()) {
      // deep enough: prefer scalars, so that open JSON objects end
      int pick = random.nextInt(type.size());
      String chosen = type.get(pick).asString();
      if ((chosen.equals("object") || chosen.equals("array")) && random.nextInt(3) > 0) {
        return type.get(0).asString();
      }
      return chosen;
    }
    return type.asString();
  }

  JsonNode resolve(String reference) {
    if (reference.equals("#")) {
      return root;
    }
    if (!reference.startsWith("#/$defs/")) {
      throw new IllegalArgumentException("unsupported $ref " + reference);
    }
    return root.get("$defs").get(reference.substring("#/$defs/".length()));
  }

  Map<String, Object> object(JsonNode schema, int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    Set<String> required = names(schema.get("required"));
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        boolean include = required.contains(property.getKey()) || (depth < DEEP && random.nextBoolean());
        if (include) {
          object.put(property.getKey(), value(property.getValue(), depth));
        }
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      int min = schema.path("minProperties").asInt(0);
      int max = Math.min(schema.path("maxProperties").asInt(Integer.MAX_VALUE), min + (depth < DEEP ? 3 : 0));
      int count = min + random.nextInt(Math.max(0, max - min) + 1);
      for (int i = 0; i < count; i++) {
        object.put(key(schema.get("propertyNames")), value(additional, depth + 1));
      }
    }
    return object;
  }

  private String key(JsonNode propertyNames) {
    if (propertyNames != null && propertyNames.has("pattern")) {
      return RegexSampler.sample(propertyNames.get("pattern").asString(), random);
    }
    return "k" + random.nextInt(1000);
  }

  List<Object> array(JsonNode schema, int depth) {
    int min = schema.path("minItems").asInt(0);
    int max = Math.min(schema.path("maxItems").asInt(Integer.MAX_VALUE), min + (depth < DEEP ? 3 : 0));
    int count = min + random.nextInt(Math.max(0, max - min) + 1);
    List<Object> list = new ArrayList<>(count);
    JsonNode items = schema.get("items");
    for (int i = 0; i < count; i++) {
      list.add(items == null ? "x" : value(items, depth + 1));
    }
    return list;
  }

  String string(JsonNode schema) {
    String pattern = pattern(schema);
    if (pattern != null) {
      return RegexSampler.sample(pattern, random);
    }
    int min = schema.path("minLength").asInt(0);
    int max = Math.min(schema.path("maxLength").asInt(Integer.MAX_VALUE), min + 12);
    return text(min + random.nextInt(max - min + 1));
  }

  private static String pattern(JsonNode schema) {
    if (schema.has("pattern")) {
      return schema.get("pattern").asString();
    }
    for (JsonNode part : schema.path("allOf")) {
      if (part.has("pattern") && part.get("pattern").asString().startsWith("^")) {
        return part.get("pattern").asString();
      }
    }
    return null;
  }

  /** A text of {@code codePoints} code points, mixing ASCII, accents, CJK and surrogate pairs. */
  private String text(int codePoints) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < codePoints; i++) {
      text.append(i == 0 ? "x" : TEXT_PIECES[random.nextInt(TEXT_PIECES.length)]);
    }
    return text.toString();
  }

  private Object integer(JsonNode schema) {
    BigInteger min = bound(schema, "minimum", "exclusiveMinimum", BigInteger.valueOf(-1000), 1);
    BigInteger max = bound(schema, "maximum", "exclusiveMaximum", BigInteger.valueOf(1000), -1);
    BigInteger low = min.max(BigInteger.valueOf(-1000));
    BigInteger high = max.min(low.add(BigInteger.valueOf(2000)));
    if (high.compareTo(low) < 0) {
      return min;
    }
    return low.add(BigInteger.valueOf(random.nextInt(high.subtract(low).intValueExact() + 1)));
  }

  private static BigInteger bound(JsonNode schema, String inclusive, String exclusive, BigInteger absent, int step) {
    if (schema.has(inclusive)) {
      return schema.get(inclusive).decimalValue().toBigInteger();
    }
    if (schema.has(exclusive)) {
      return schema.get(exclusive).decimalValue().toBigInteger().add(BigInteger.valueOf(step));
    }
    return absent;
  }

  private Object number(JsonNode schema) {
    double min = schema.has("minimum") ? Math.max(schema.get("minimum").asDouble(), -1e6)
        : schema.has("exclusiveMinimum") ? schema.get("exclusiveMinimum").asDouble() + 0.5 : -1e6;
    double max = schema.has("maximum") ? Math.min(schema.get("maximum").asDouble(), 1e6)
        : schema.has("exclusiveMaximum") ? schema.get("exclusiveMaximum").asDouble() - 0.5 : 1e6;
    if (max < min) {
      return BigDecimal.valueOf(min);
    }
    return BigDecimal.valueOf(min + random.nextDouble() * (max - min));
  }

  static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    if (array != null) {
      for (JsonNode name : array) {
        names.add(name.asString());
      }
    }
    return names;
  }
}
