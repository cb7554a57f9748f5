package dev.eventschema.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded corpus of JSON texts for differential tests: each valid seed payload as it is, and
 * mutants of it (a key removed, an unknown or misspelt key added, a value replaced by another JSON
 * value, an array element added, changed or removed), at any depth.
 *
 * <p>Texts are written by Jackson from maps, so keys are unique; a few values are written raw
 * ({@code 1e400}, a 30-digit integer, a 40-deep array) because a map cannot hold them as written.
 * Compact stand-in until the contract's differential corpus generator (issue 10) lands.
 */
final class JsonCorpus {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RAW = "@raw:";

  /** Values a mutation puts in: every JSON type, edges of each number type, enum and union forms. */
  private static final List<Object> VALUES = List.of(
      "", " ", "x", "low", "RUNNING", "running", "text", "a".repeat(300), "ümlaut \uD83D\uDE00",
      0, -1, 1, 3601, 65536, 2147483647, 2147483648L, -2147483649L, Long.MAX_VALUE, 1.5, 1.0, -0.0, -2.5, 1e10,
      true, false,
      raw("1e400"), raw("-1e400"), raw("123456789012345678901234567890"), raw("1E2"), raw("0.1e-400"),
      raw("[".repeat(40) + "]".repeat(40)),
      List.of(), List.of(1, "a", false), Collections.singletonList(null),
      Map.of(), Map.of("x", 1), Map.of("type", "template", "template", "t"), Map.of("type", "text", "text", "hi"),
      Map.of("type", "bogus"), Map.of("cpus", 0, "memoryBytes", -1), Map.of("x", 1, "y", "2"));

  private final Random random;

  JsonCorpus(long seed) {
    this.random = new Random(seed);
  }

  /** {@code seed} itself, then {@code mutants} mutants of it, as JSON texts. */
  List<String> texts(String seed, int mutants) {
    List<String> texts = new ArrayList<>();
    texts.add(seed);
    for (int i = 0; i < mutants; i++) {
      Map<String, Object> payload = parse(seed);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        mutate(payload);
      }
      texts.add(write(payload));
    }
    return texts;
  }

  @SuppressWarnings("unchecked")
  private void mutate(Map<String, Object> root) {
    // Walk down a random path, then change the container reached.
    Object node = root;
    while (random.nextInt(3) > 0) {
      List<Object> children = containers(node);
      if (children.isEmpty()) {
        break;
      }
      node = children.get(random.nextInt(children.size()));
    }
    if (node instanceof Map<?, ?> map) {
      mutateObject((Map<String, Object>) map);
    } else {
      mutateArray((List<Object>) node);
    }
  }

  private void mutateObject(Map<String, Object> object) {
    List<String> keys = new ArrayList<>(object.keySet());
    switch (random.nextInt(4)) {
      case 0 -> {
        if (!keys.isEmpty()) {
          object.remove(keys.get(random.nextInt(keys.size())));
        }
      }
      case 1 -> object.put(newKey(keys), value());
      default -> {
        if (!keys.isEmpty()) {
          object.put(keys.get(random.nextInt(keys.size())), value());
        }
      }
    }
  }

  private void mutateArray(List<Object> array) {
    int choice = random.nextInt(3);
    if (choice == 0 || array.isEmpty()) {
      array.add(random.nextInt(array.size() + 1), value());
    } else if (choice == 1) {
      array.set(random.nextInt(array.size()), value());
    } else {
      array.remove(random.nextInt(array.size()));
    }
  }

  /** A misspelling of a declared key (for did-you-mean), or a key no schema declares. */
  private String newKey(List<String> keys) {
    String key = keys.isEmpty() ? "" : keys.get(random.nextInt(keys.size()));
    if (key.length() > 1 && random.nextBoolean()) {
      return switch (random.nextInt(3)) {
        case 0 -> key + "s";
        case 1 -> key.substring(1);
        default -> key.toUpperCase(java.util.Locale.ROOT);
      };
    }
    return List.of("type", "unknown", "a/b~c", "", "x").get(random.nextInt(5));
  }

  private Object value() {
    Object value = VALUES.get(random.nextInt(VALUES.size()));
    return value instanceof Map<?, ?> || value instanceof List<?> ? copy(value) : value;
  }

  private static List<Object> containers(Object node) {
    List<Object> children = new ArrayList<>();
    Iterable<?> values = node instanceof Map<?, ?> map ? map.values() : (List<?>) node;
    for (Object value : values) {
      if (value instanceof Map<?, ?> || value instanceof List<?>) {
        children.add(value);
      }
    }
    return children;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }

  private static String raw(String json) {
    return RAW + json;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> parse(String json) {
    try {
      return (Map<String, Object>) copy(MAPPER.readValue(json, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  private static String write(Map<String, Object> payload) {
    try {
      // Raw values travel as marked strings and are put back unquoted.
      return MAPPER.writeValueAsString(payload).replaceAll("\"" + RAW + "([^\"]*)\"", "$1");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
