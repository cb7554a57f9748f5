package dev.eventschema.processor.evolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded generator of payloads for a JSON Schema of the processor's form, aimed at the edges of a
 * change: numbers and string lengths at and beside every bound of either version, enum values and
 * keys of either version, members of either union, a key the other version has, now and then an
 * unknown key. Most payloads are valid under the schema they are drawn from; the tests keep those
 * that its generated validator accepts. (A compact stand-in until issue 10's corpus generator lands.)
 */
final class PayloadGenerator {

  private final Random random;
  private final Map<String, Object> root;
  private final Map<String, Object> twinRoot;
  private final List<Object> numbers = new ArrayList<>();
  private final List<String> strings = new ArrayList<>(List.of("", " ", "abc", "abc1", "ABC", "a b", "xyz"));

  /** Draws from {@code root}; {@code twin} is the other version of the same schema. */
  PayloadGenerator(long seed, Map<String, Object> root, Map<String, Object> twin) {
    this.random = new Random(seed);
    this.root = root;
    this.twinRoot = twin;
    Set<BigDecimal> bounds = new TreeSet<>(List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.valueOf(-1)));
    collectBounds(root, bounds);
    collectBounds(twin, bounds);
    for (BigDecimal bound : bounds) {
      for (int delta = -1; delta <= 1; delta++) {
        BigDecimal value = bound.add(BigDecimal.valueOf(delta));
        numbers.add(value.longValueExact());
        if (value.abs().compareTo(BigDecimal.valueOf(1000)) < 0) {
          strings.add("a".repeat(value.intValue() < 0 ? 0 : value.intValue()));
        }
      }
    }
    numbers.add(0.5);
    numbers.add(-2.5);
  }

  Map<String, Object> payload() {
    return record(root, root, twinRoot, twinRoot, 0);
  }

  private Object value(Map<String, Object> node, Map<String, Object> nodeRoot, Map<String, Object> twin,
      Map<String, Object> twinRootNow, int depth) {
    node = resolve(node, nodeRoot);
    twin = resolve(twin, twinRootNow);
    if (node.containsKey("oneOf")) {
      List<Object> alternatives = new ArrayList<>(SchemaDiff.list(node.get("oneOf")));
      SchemaDiff.list(twin.get("oneOf")).forEach(a -> alternatives.add(new Twin(SchemaDiff.object(a))));
      Object pick = alternatives.get(random.nextInt(alternatives.size()));
      return pick instanceof Twin other ? value(other.schema(), twinRootNow, Map.of(), twinRootNow, depth)
          : value(SchemaDiff.object(pick), nodeRoot, Map.of(), twinRootNow, depth);
    }
    if (node.containsKey("const")) {
      return node.get("const");
    }
    if (node.containsKey("enum")) {
      List<Object> values = new ArrayList<>(SchemaDiff.list(node.get("enum")));
      values.addAll(SchemaDiff.list(twin.get("enum")));
      return values.get(random.nextInt(values.size()));
    }
    if (node.containsKey("properties")) {
      return record(node, nodeRoot, twin, twinRootNow, depth);
    }
    Object type = node.get("type");
    if (type == null) {
      type = twin.getOrDefault("type", "string");
    }
    return switch (String.valueOf(type)) {
      case "string" -> strings.get(random.nextInt(strings.size()));
      case "boolean" -> random.nextBoolean();
      case "integer", "number" -> {
        Object number = numbers.get(random.nextInt(numbers.size()));
        yield "integer".equals(type) && random.nextInt(10) > 0 && number instanceof Double d ? (long) (double) d : number;
      }
      case "array" -> {
        List<Object> list = new ArrayList<>();
        int size = random.nextInt(depth > 2 ? 2 : 8);
        for (int i = 0; i < size; i++) {
          list.add(value(SchemaDiff.object(node.get("items")), nodeRoot, SchemaDiff.object(twin.get("items")),
              twinRootNow, depth + 1));
        }
        yield list;
      }
      default -> map(node, nodeRoot, twin, twinRootNow, depth);
    };
  }

  private Map<String, Object> map(Map<String, Object> node, Map<String, Object> nodeRoot, Map<String, Object> twin,
      Map<String, Object> twinRootNow, int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth > 2 ? 2 : 8);
    for (int i = 0; i < size; i++) {
      String key = strings.get(random.nextInt(strings.size()));
      Object values = node.get("additionalProperties");
      map.put(key.isEmpty() ? "k" + i : key + i, values instanceof Map<?, ?>
          ? value(SchemaDiff.object(values), nodeRoot, SchemaDiff.object(twin.get("additionalProperties")), twinRootNow,
              depth + 1)
          : random.nextBoolean() ? (Object) "v" : (Object) (long) i);
    }
    return map;
  }

  private Map<String, Object> record(Map<String, Object> node, Map<String, Object> nodeRoot, Map<String, Object> twin,
      Map<String, Object> twinRootNow, int depth) {
    Map<String, Object> record = new LinkedHashMap<>();
    Map<String, Object> properties = SchemaDiff.object(node.get("properties"));
    Map<String, Object> twinProperties = SchemaDiff.object(twin.get("properties"));
    List<Object> required = SchemaDiff.list(node.get("required"));
    properties.forEach((key, schema) -> {
      if (random.nextInt(100) < (required.contains(key) ? 95 : 50)) {
        record.put(key, value(SchemaDiff.object(schema), nodeRoot, SchemaDiff.object(twinProperties.get(key)),
            twinRootNow, depth + 1));
      }
    });
    twinProperties.forEach((key, schema) -> {
      if (!properties.containsKey(key) && random.nextInt(100) < 30) {
        record.put(key, value(SchemaDiff.object(schema), twinRootNow, Map.of(), nodeRoot, depth + 1));
      }
    });
    if (random.nextInt(100) < 5) {
      record.put("unknownKey", 1L);
    }
    return record;
  }

  private static Map<String, Object> resolve(Map<String, Object> node, Map<String, Object> root) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    return "#".equals(ref) ? root
        : SchemaDiff.object(SchemaDiff.object(root.get("$defs")).get(((String) ref).substring("#/$defs/".length())));
  }

  private static void collectBounds(Object node, Set<BigDecimal> bounds) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        if (value instanceof BigDecimal number && String.valueOf(key).matches("(?i).*(min|max).*")
            && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0) {
          bounds.add(number);
        } else {
          collectBounds(value, bounds);
        }
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectBounds(item, bounds));
    }
  }

  /** An alternative of the other version's union. */
  private record Twin(Map<String, Object> schema) {}
}
