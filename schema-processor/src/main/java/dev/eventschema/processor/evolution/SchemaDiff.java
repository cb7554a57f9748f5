package dev.eventschema.processor.evolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares two JSON Schema documents of the form the processor writes (objects, scalars with their
 * keywords, enums, lists, maps, unions as {@code oneOf}, nested schemas through {@code $ref} into
 * {@code $defs}) and lists their differences, the way Confluent's {@code SchemaDiff} does for JSON
 * Schema: keyword by keyword, each difference named by a {@link DifferenceCode}. Titles,
 * descriptions and ids are not compared (Confluent treats their changes as compatible).
 */
final class SchemaDiff {

  /** The bounds compared, in the order their differences are listed. */
  private static final List<String> BOUNDS = List.of("minLength", "maxLength", "minItems", "maxItems",
      "minProperties", "maxProperties", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum");

  private static final Set<Object> ALL_TYPES =
      Set.of("null", "boolean", "integer", "number", "string", "array", "object");

  /** The type each bound applies to. */
  private static final Map<String, String> BOUND_TYPES = Map.of("minLength", "string", "maxLength", "string",
      "minItems", "array", "maxItems", "array", "minProperties", "object", "maxProperties", "object",
      "minimum", "number", "maximum", "number", "exclusiveMinimum", "number", "exclusiveMaximum", "number");

  /** Where the comparison is: see {@link Difference} for the meaning of each part. */
  record Place(String path, String owner, String key) {
    Place property(String name) {
      return new Place(path + "/" + name, owner, key == null ? name : key);
    }

    Place element() {
      return new Place(path + "/*", owner, key);
    }

    Place member(String wireName) {
      return new Place(path + "(" + wireName + ")", owner, key);
    }

    Place within(String schema) {
      return new Place(path, schema, null);
    }
  }

  private final Map<String, Object> oldRoot;
  private final Map<String, Object> newRoot;
  private final List<Difference> differences = new ArrayList<>();
  /** Pairs of references already being compared: recursive schemas stop there. */
  private final Set<String> entered = new HashSet<>();

  private SchemaDiff(Map<String, Object> oldRoot, Map<String, Object> newRoot) {
    this.oldRoot = oldRoot;
    this.newRoot = newRoot;
  }

  /** The differences from {@code before} to {@code after}, both the JSON Schema of {@code wireName}. */
  static List<Difference> compare(String wireName, Map<String, Object> before, Map<String, Object> after) {
    SchemaDiff diff = new SchemaDiff(before, after);
    diff.entered.add("# #"); // a self-reference leads back to the root being compared
    diff.compare(before, after, new Place("", wireName, null));
    return List.copyOf(diff.differences);
  }

  private void compare(Object oldNode, Object newNode, Place place) {
    Map<String, Object> before = object(oldNode);
    Map<String, Object> after = object(newNode);
    String oldRef = (String) before.get("$ref");
    String newRef = (String) after.get("$ref");
    if (oldRef != null || newRef != null) {
      if (oldRef != null && newRef != null && !entered.add(oldRef + " " + newRef)) {
        return;
      }
      Place inside = newRef != null ? place.within(schemaName(newRef)) : oldRef != null ? place.within(schemaName(oldRef)) : place;
      compare(oldRef == null ? before : resolve(oldRoot, oldRef), newRef == null ? after : resolve(newRoot, newRef),
          inside);
      return;
    }
    boolean oldUnion = before.containsKey("oneOf");
    boolean newUnion = after.containsKey("oneOf");
    if (oldUnion || newUnion) {
      if (oldUnion && newUnion) {
        compareUnion(before, after, place);
      } else {
        add(DifferenceCode.TYPE_CHANGED, place, describeType(before), describeType(after));
      }
      return;
    }
    if (!compareTypes(before, after, place)) {
      return;
    }
    // Only the keywords of types that both versions accept matter: a number's bounds say nothing
    // about a schema that became a string.
    Set<Object> shared = sharedTypes(before.get("type"), after.get("type"));
    compareEnum(before, after, place);
    if (shared.contains("string")) {
      comparePatterns(before, after, place);
    }
    for (String bound : BOUNDS) {
      if (shared.contains(BOUND_TYPES.get(bound)) || (BOUND_TYPES.get(bound).equals("number") && shared.contains("integer"))) {
        compareBound(bound, before.get(bound), after.get(bound), place);
      }
    }
    if (shared.contains("array") && (before.containsKey("items") || after.containsKey("items"))) {
      compare(before.getOrDefault("items", Map.of()), after.getOrDefault("items", Map.of()), place.element());
    }
    if (!shared.contains("object")) {
      return;
    }
    if (before.containsKey("propertyNames") || after.containsKey("propertyNames")) {
      compare(before.getOrDefault("propertyNames", Map.of()), after.getOrDefault("propertyNames", Map.of()),
          place.property("(key)"));
    }
    if (before.containsKey("properties") && after.containsKey("properties")) {
      new ObjectDiff(this, before, after).compare(place);
    } else {
      compareMapValues(before, after, place);
    }
  }

  /** The types both {@code oldType} and {@code newType} accept; a missing type accepts all. */
  private static Set<Object> sharedTypes(Object oldType, Object newType) {
    Set<Object> shared = new HashSet<>(oldType == null ? ALL_TYPES : types(oldType));
    Set<Object> other = newType == null ? ALL_TYPES : types(newType);
    if (shared.contains("number") && other.contains("integer") || shared.contains("integer") && other.contains("number")) {
      shared.add("integer");
    }
    shared.retainAll(other.contains("number") ? union(other, "integer") : other);
    return shared;
  }

  private static Set<Object> union(Set<Object> types, Object type) {
    Set<Object> union = new HashSet<>(types);
    union.add(type);
    return union;
  }

  /**
   * Compares {@code type} (a name or a list of names; {@code number} includes {@code integer}); false
   * if the types differ so much that nothing else is worth comparing.
   */
  private boolean compareTypes(Map<String, Object> before, Map<String, Object> after, Place place) {
    Object oldType = before.get("type");
    Object newType = after.get("type");
    boolean oldRecord = before.containsKey("properties");
    boolean newRecord = after.containsKey("properties");
    if (Objects.equals(types(oldType), types(newType)) && oldRecord == newRecord) {
      return true;
    }
    if (oldRecord != newRecord) {
      add(DifferenceCode.TYPE_CHANGED, place, describeType(before), describeType(after));
      return false;
    }
    if (oldType == null || (newType != null && covers(types(oldType), types(newType)))) {
      add(DifferenceCode.TYPE_NARROWED, place, describeType(before), describeType(after));
    } else if (newType == null || covers(types(newType), types(oldType))) {
      add(DifferenceCode.TYPE_EXTENDED, place, describeType(before), describeType(after));
    } else {
      add(DifferenceCode.TYPE_CHANGED, place, describeType(before), describeType(after));
      return false;
    }
    return true;
  }

  private static Set<Object> types(Object type) {
    return type instanceof List<?> list ? new HashSet<>(list) : type == null ? Set.of() : Set.of(type);
  }

  /** Whether every value of the types {@code narrow} is a value of the types {@code wide}. */
  private static boolean covers(Set<Object> wide, Set<Object> narrow) {
    return narrow.stream().allMatch(t -> wide.contains(t) || ("integer".equals(t) && wide.contains("number")));
  }

  private void compareEnum(Map<String, Object> before, Map<String, Object> after, Place place) {
    if (!before.containsKey("enum") && !after.containsKey("enum")) {
      return;
    }
    Set<Object> oldValues = new LinkedHashSet<>(list(before.get("enum")));
    Set<Object> newValues = new LinkedHashSet<>(list(after.get("enum")));
    for (Object value : oldValues) {
      if (after.containsKey("enum") && !newValues.contains(value)) {
        add(DifferenceCode.ENUM_VALUE_REMOVED, place, "enum value \"" + value + "\"", "absent");
      }
    }
    for (Object value : newValues) {
      if (before.containsKey("enum") && !oldValues.contains(value)) {
        add(DifferenceCode.ENUM_VALUE_ADDED, place, "absent", "enum value \"" + value + "\"");
      }
    }
  }

  /** A {@code pattern} and the patterns of an {@code allOf} are one set of patterns a value must match. */
  private void comparePatterns(Map<String, Object> before, Map<String, Object> after, Place place) {
    Set<Object> oldPatterns = patterns(before);
    Set<Object> newPatterns = patterns(after);
    if (oldPatterns.equals(newPatterns)) {
      return;
    }
    DifferenceCode code = newPatterns.containsAll(oldPatterns) ? DifferenceCode.PATTERN_ADDED
        : oldPatterns.containsAll(newPatterns) ? DifferenceCode.PATTERN_REMOVED : DifferenceCode.PATTERN_CHANGED;
    add(code, place, describePatterns(oldPatterns), describePatterns(newPatterns));
  }

  private void compareBound(String keyword, Object oldValue, Object newValue, Place place) {
    if (Objects.equals(oldValue, newValue)) {
      return;
    }
    String change;
    if (oldValue == null) {
      change = "ADDED";
    } else if (newValue == null) {
      change = "REMOVED";
    } else {
      int order = ((BigDecimal) oldValue).compareTo((BigDecimal) newValue);
      if (order == 0) {
        return;
      }
      change = order < 0 ? "INCREASED" : "DECREASED";
    }
    add(DifferenceCode.ofBound(keyword, change), place, rule(keyword, oldValue), rule(keyword, newValue));
  }

  /** A map's values ({@code additionalProperties} as a schema) against an open object's or another map's. */
  private void compareMapValues(Map<String, Object> before, Map<String, Object> after, Place place) {
    Object oldValues = before.get("additionalProperties");
    Object newValues = after.get("additionalProperties");
    if (oldValues instanceof Map<?, ?> && newValues instanceof Map<?, ?>) {
      compare(oldValues, newValues, place.element());
    } else if (oldValues == null && newValues instanceof Map<?, ?>) {
      add(DifferenceCode.ADDITIONAL_PROPERTIES_NARROWED, place, "any values", "values of a schema");
    } else if (oldValues instanceof Map<?, ?> && newValues == null) {
      add(DifferenceCode.ADDITIONAL_PROPERTIES_EXTENDED, place, "values of a schema", "any values");
    }
  }

  /**
   * Members are matched by wire name (the name of the {@code $defs} entry they refer to); the bare
   * string of a {@code @StringForm} member is its own alternative.
   */
  private void compareUnion(Map<String, Object> before, Map<String, Object> after, Place place) {
    Map<String, Object> oldMembers = members(before);
    Map<String, Object> newMembers = members(after);
    oldMembers.forEach((name, schema) -> {
      if (!newMembers.containsKey(name)) {
        add(DifferenceCode.UNION_MEMBER_REMOVED, place.member(name), "member " + name, "absent");
      } else {
        compare(schema, newMembers.get(name), place.member(name));
      }
    });
    newMembers.keySet().stream().filter(name -> !oldMembers.containsKey(name))
        .forEach(name -> add(DifferenceCode.UNION_MEMBER_ADDED, place.member(name), "absent", "member " + name));
  }

  private Map<String, Object> members(Map<String, Object> union) {
    Map<String, Object> members = new LinkedHashMap<>();
    for (Object alternative : list(union.get("oneOf"))) {
      Object ref = object(alternative).get("$ref");
      members.put(ref == null ? "bare string" : schemaName((String) ref), alternative);
    }
    return members;
  }

  void add(DifferenceCode code, Place place, String before, String after) {
    differences.add(new Difference(code, place.path().isEmpty() ? "/" : place.path(), place.owner(), place.key(),
        before, after));
  }

  /** Object comparison needs {@link Place}; it lives beside this class to keep each one short. */
  void compareProperty(Object before, Object after, Place place, String name) {
    compare(before, after, place.property(name));
  }

  void addForProperty(DifferenceCode code, Place place, String name, String before, String after) {
    add(code, place.property(name), before, after);
  }

  private static Object resolve(Map<String, Object> root, String ref) {
    if (ref.equals("#")) {
      return root;
    }
    if (ref.startsWith("#/$defs/")) {
      Object schema = object(root.get("$defs")).get(ref.substring("#/$defs/".length()));
      if (schema != null) {
        return schema;
      }
    }
    throw new IllegalArgumentException("the reference " + ref + " does not resolve in its document");
  }

  /** The wire name of the schema {@code ref} points at ({@code #} is the root, named by its title). */
  private String schemaName(String ref) {
    return ref.equals("#") ? String.valueOf(newRoot.getOrDefault("title", oldRoot.get("title")))
        : ref.substring(ref.lastIndexOf('/') + 1);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object node) {
    return node instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object node) {
    return node instanceof List<?> list ? (List<Object>) list : List.of();
  }

  private static Set<Object> patterns(Map<String, Object> schema) {
    Set<Object> patterns = new LinkedHashSet<>();
    if (schema.containsKey("pattern")) {
      patterns.add(schema.get("pattern"));
    }
    list(schema.get("allOf")).forEach(part -> {
      if (object(part).containsKey("pattern")) {
        patterns.add(object(part).get("pattern"));
      }
    });
    return patterns;
  }

  private static String describePatterns(Set<Object> patterns) {
    return patterns.isEmpty() ? "no pattern"
        : String.join(" and ", patterns.stream().map(p -> "\"pattern\": \"" + p + "\"").toList());
  }

  private static String rule(String keyword, Object value) {
    return value == null ? "no " + keyword : "\"" + keyword + "\": " + ((BigDecimal) value).toPlainString();
  }

  static String describeType(Map<String, Object> schema) {
    if (schema.containsKey("oneOf")) {
      return "a union";
    }
    if (schema.containsKey("properties")) {
      return "an object with fields";
    }
    Object type = schema.get("type");
    if ("object".equals(type)) {
      return schema.get("additionalProperties") instanceof Map<?, ?> ? "a map" : "an open object";
    }
    return type == null ? "any" : type instanceof List<?> ? "\"type\": " + type : "\"type\": \"" + type + "\"";
  }
}
