package dev.eventschema.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
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
 * missing keys, deep nesting). Each payload carries the kinds of mutation it got, so that
 * disagreements can be grouped by what caused them.
 */
public final class SchemaCorpus {

  /** One payload: a JSON value as Java objects (maps, lists, strings, BigDecimal...) and its mutations. */
  public record Payload(Object value, Set<String> mutations) {}

  /** Length limits beyond this are not approached by the corpus (a 16 MiB string per payload would be). */
  private static final int LONGEST_BOUNDARY = 4096;

  /** Beyond this depth of schema references, optional fields are left out so that values stay finite. */
  private static final int DEEP = 6;

  private static final String[] UNICODE_SPACES = {
      "\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
      "\ufeff", "\u0085", "\u000b", "\u001c", "\u180e", "\t", "\n", "\r", "\f", " "};

  private static final String[] TEXT_PIECES = {"a", "Z", "7", "_", "-", ".", "é", "ß", "中", "😀", "𝄞", " ", "\u00a0"};

  private final JsonNode root;
  private final Random random;
  private double mutationRate;
  private Set<String> mutations;

  private SchemaCorpus(JsonNode root, long seed) {
    this.root = root;
    this.random = new Random(seed);
  }

  /** {@code count} payloads for {@code schema}, the same for the same seed. */
  public static List<Payload> generate(JsonNode schema, long seed, int count) {
    SchemaCorpus corpus = new SchemaCorpus(schema, seed);
    List<Payload> payloads = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      corpus.mutations = new LinkedHashSet<>();
      corpus.mutationRate = i % 5 == 0 ? 0 : 0.02 + corpus.random.nextDouble() * 0.2;
      Object value = corpus.value(schema, 0);
      payloads.add(new Payload(value, corpus.mutations));
    }
    return payloads;
  }

  private Object value(JsonNode schema, int depth) {
    if (mutationRate > 0 && random.nextDouble() < mutationRate) {
      return mutate(schema, depth);
    }
    return valid(schema, depth);
  }

  // ------------------------------------------------------------------------------------------
  // Values drawn from the schema

  private Object valid(JsonNode schema, int depth) {
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

  private String typeOf(JsonNode schema) {
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

  private JsonNode resolve(String reference) {
    if (reference.equals("#")) {
      return root;
    }
    if (!reference.startsWith("#/$defs/")) {
      throw new IllegalArgumentException("unsupported $ref " + reference);
    }
    return root.get("$defs").get(reference.substring("#/$defs/".length()));
  }

  private Map<String, Object> object(JsonNode schema, int depth) {
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

  private List<Object> array(JsonNode schema, int depth) {
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

  private String string(JsonNode schema) {
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

  private static Set<String> names(JsonNode array) {
    Set<String> names = new LinkedHashSet<>();
    if (array != null) {
      for (JsonNode name : array) {
        names.add(name.asString());
      }
    }
    return names;
  }

  // ------------------------------------------------------------------------------------------
  // Mutations

  private Object mutate(JsonNode schema, int depth) {
    JsonNode resolved = schema;
    while (resolved.has("$ref")) {
      resolved = resolve(resolved.get("$ref").asString());
    }
    String type = resolved.has("oneOf") ? "union" : resolved.has("enum") || resolved.has("const") ? "enum"
        : resolved.has("type") || resolved.has("properties") ? typeOf(resolved) : "any";
    int choice = random.nextInt(10);
    if (choice == 0) {
      return mark("null", null);
    }
    if (choice == 1) {
      return mark("type-swap", otherType(type));
    }
    if (choice == 2) {
      return mark("deep-nesting", deep(28 + random.nextInt(8)));
    }
    return switch (type) {
      case "object" -> mutateObject(resolved, depth);
      case "array" -> mutateArray(resolved, depth);
      case "string" -> mutateString(resolved);
      case "integer", "number" -> mark("number-boundary", boundaryNumber(resolved));
      case "enum" -> mark("enum-case", valid(resolved, depth).toString().toUpperCase() + (random.nextBoolean() ? "" : "x"));
      default -> mark("type-swap", otherType(type));
    };
  }

  private Object mark(String mutation, Object value) {
    mutations.add(mutation);
    return value;
  }

  private Object otherType(String type) {
    Object[] values = {"1", BigInteger.ONE, new BigDecimal("1.5"), Boolean.TRUE, new ArrayList<>(), new LinkedHashMap<>(), "true"};
    Object value = values[random.nextInt(values.length)];
    return value;
  }

  /** Containers nested {@code levels} deep: arrays and objects, alternating at random. */
  private Object deep(int levels) {
    Object value = random.nextBoolean() ? "leaf" : BigInteger.ONE;
    for (int i = 0; i < levels; i++) {
      if (random.nextBoolean()) {
        List<Object> list = new ArrayList<>();
        list.add(value);
        value = list;
      } else {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("d" + i, value);
        value = map;
      }
    }
    return value;
  }

  private Object mutateObject(JsonNode schema, int depth) {
    Map<String, Object> object = object(schema, depth);
    Set<String> required = names(schema.get("required"));
    int choice = random.nextInt(4);
    if (choice == 0 && !required.isEmpty()) {
      List<String> names = new ArrayList<>(required);
      object.remove(names.get(random.nextInt(names.size())));
      return mark("missing-key", object);
    }
    if (choice == 1 && schema.has("properties")) {
      // a key that a declared collection could have had: absent collections are the question
      Iterator<Map.Entry<String, JsonNode>> fields = schema.get("properties").properties().iterator();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!required.contains(field.getKey()) && random.nextBoolean()) {
          object.remove(field.getKey());
        }
      }
      return mark("absent-optional", object);
    }
    // a schema without fields (a lenient result such as {}) has no name to nearly miss
    String unknown = schema.has("properties") && !schema.get("properties").isEmpty() && random.nextBoolean()
        ? nearMiss(schema.get("properties").propertyNames().iterator().next()) : "extra" + random.nextInt(10);
    object.put(unknown, unknownValue());
    if (schema.has("maxProperties") && random.nextBoolean()) {
      for (int i = 0; i <= schema.get("maxProperties").asInt(); i++) {
        object.put("extra" + i, valid(schema.get("additionalProperties").isObject()
            ? schema.get("additionalProperties") : schema, DEEP));
      }
      return mark("too-many-entries", object);
    }
    return mark("unknown-key", object);
  }

  /**
   * The value of an unknown key: a strict schema rejects the key whatever it holds, but a lenient one
   * ({@code strict = false}) must ignore even values that would be wrong anywhere else.
   */
  private Object unknownValue() {
    return switch (random.nextInt(5)) {
      case 0 -> "x";
      case 1 -> BigInteger.TEN;
      case 2 -> new BigDecimal(HUGE[random.nextInt(HUGE.length)]);
      case 3 -> deep(28 + random.nextInt(8));
      default -> null;
    };
  }

  private static String nearMiss(String name) {
    return name.length() > 2 ? name.substring(0, name.length() - 1) : name + "x";
  }

  private Object mutateArray(JsonNode schema, int depth) {
    List<Object> list = array(schema, depth);
    int choice = random.nextInt(3);
    if (choice == 0) {
      list.add(null);
      return mark("null-element", list);
    }
    if (choice == 1 && schema.has("maxItems")) {
      while (list.size() <= schema.get("maxItems").asInt()) {
        list.add(schema.has("items") ? valid(schema.get("items"), DEEP) : "x");
      }
      return mark("too-many-items", list);
    }
    list.clear();
    return mark("empty-collection", list);
  }

  private Object mutateString(JsonNode schema) {
    int choice = random.nextInt(6);
    String base = string(schema);
    if (choice <= 1) {
      String space = UNICODE_SPACES[random.nextInt(UNICODE_SPACES.length)];
      int at = random.nextInt(3);
      String mutated = at == 0 ? space + base : at == 1 ? base + space
          : base.isEmpty() ? space : base.substring(0, base.offsetByCodePoints(0, base.codePointCount(0, base.length()) / 2))
              + space + base.substring(base.offsetByCodePoints(0, base.codePointCount(0, base.length()) / 2));
      return mark("unicode-space", random.nextInt(4) == 0 ? space.repeat(1 + random.nextInt(3)) : mutated);
    }
    if (choice == 2) {
      return mark("empty-string", "");
    }
    int limit = schema.has("maxLength") ? schema.get("maxLength").asInt()
        : schema.has("minLength") ? schema.get("minLength").asInt() : 8;
    if (limit > LONGEST_BOUNDARY) {
      // megabyte limits are exercised once, by a test of their own, not thousands of times here
      limit = LONGEST_BOUNDARY;
    }
    int length = Math.max(0, limit + random.nextInt(3) - 1);
    String unit = random.nextBoolean() ? "😀" : random.nextBoolean() ? "é" : "a";
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(i % 3 == 0 ? unit : random.nextBoolean() ? "😀" : "b");
    }
    return mark("length-boundary", text.toString());
  }

  private static final String[] HUGE = {
      "1e400", "-1e400", "1.7976931348623157e308", "-1.7976931348623157e308", "1.7976931348623159e308",
      "1e308", "4.9e-324", "1e-400", "0.0", "-0.0", "1.5", "2.0", "1e2", "2147483647", "2147483648",
      "-2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
      "-9223372036854775809", "1e19", "123456789012345678901234567890"};

  private Object boundaryNumber(JsonNode schema) {
    if (random.nextBoolean()) {
      return new BigDecimal(HUGE[random.nextInt(HUGE.length)]);
    }
    String[] keywords = {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"};
    List<BigDecimal> limits = new ArrayList<>();
    for (String keyword : keywords) {
      if (schema.has(keyword)) {
        limits.add(schema.get(keyword).decimalValue());
      }
    }
    BigDecimal limit = limits.isEmpty() ? BigDecimal.ZERO : limits.get(random.nextInt(limits.size()));
    BigDecimal[] nearby = {limit, limit.add(BigDecimal.ONE), limit.subtract(BigDecimal.ONE),
        limit.add(new BigDecimal("0.5")), limit.subtract(new BigDecimal("1e-9"))};
    return nearby[random.nextInt(nearby.length)];
  }
}
