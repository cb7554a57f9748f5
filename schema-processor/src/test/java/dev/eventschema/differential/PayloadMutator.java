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
 * The mutations of a {@link SchemaCorpus}: a value of a schema broken in one way (boundary and huge
 * numbers, strings at their length limits in surrogate pairs, Unicode spaces and line breaks, unknown
 * keys, type swaps, nulls, missing keys, deep nesting), each recorded by kind in the payload's set.
 *
 * <p>It draws from the corpus's own {@link Random}, in the order it always did, so that a seed still
 * gives the same payloads; the parts of a mutated value that are not broken come from the corpus,
 * where they may be mutated in turn.
 */
final class PayloadMutator {

  /** Length limits beyond this are not approached by the corpus (a 16 MiB string per payload would be). */
  private static final int LONGEST_BOUNDARY = 4096;

  private static final String[] UNICODE_SPACES = {
      "\u00a0", "\u1680", "\u2000", "\u2007", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000",
      "\ufeff", "\u0085", "\u000b", "\u001c", "\u180e", "\t", "\n", "\r", "\f", " "};

  private final SchemaCorpus values;
  private final Random random;
  private Set<String> mutations = new LinkedHashSet<>();

  PayloadMutator(SchemaCorpus values, Random random) {
    this.values = values;
    this.random = random;
  }

  /** Starts a payload: the kinds of mutation it gets from now on are added to the set returned. */
  Set<String> startPayload() {
    mutations = new LinkedHashSet<>();
    return mutations;
  }

  /** A value of {@code schema} broken in one way chosen at random, its kind recorded. */
  Object mutate(JsonNode schema, int depth) {
    JsonNode resolved = schema;
    while (resolved.has("$ref")) {
      resolved = values.resolve(resolved.get("$ref").asString());
    }
    String type = resolved.has("oneOf") ? "union" : resolved.has("enum") || resolved.has("const") ? "enum"
        : resolved.has("type") || resolved.has("properties") ? values.typeOf(resolved) : "any";
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
      case "enum" -> mark("enum-case", values.valid(resolved, depth).toString().toUpperCase() + (random.nextBoolean() ? "" : "x"));
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
    Map<String, Object> object = values.object(schema, depth);
    Set<String> required = SchemaCorpus.names(schema.get("required"));
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
        object.put("extra" + i, values.valid(schema.get("additionalProperties").isObject()
            ? schema.get("additionalProperties") : schema, SchemaCorpus.DEEP));
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
    List<Object> list = values.array(schema, depth);
    int choice = random.nextInt(3);
    if (choice == 0) {
      list.add(null);
      return mark("null-element", list);
    }
    if (choice == 1 && schema.has("maxItems")) {
      while (list.size() <= schema.get("maxItems").asInt()) {
        list.add(schema.has("items") ? values.valid(schema.get("items"), SchemaCorpus.DEEP) : "x");
      }
      return mark("too-many-items", list);
    }
    list.clear();
    return mark("empty-collection", list);
  }

  private Object mutateString(JsonNode schema) {
    int choice = random.nextInt(6);
    String base = values.string(schema);
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
