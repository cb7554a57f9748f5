package dev.eventschema.processor.evolution;

import static dev.eventschema.processor.evolution.DifferenceCode.*;
import static dev.eventschema.processor.evolution.SchemaChange.change;

import java.util.ArrayList;
import java.util.List;

/** The catalogue of changes that the evolution tests compile, at least one for every {@link DifferenceCode}. */
final class SchemaChanges {

  private SchemaChanges() {}

  private static final String IMAGE = "@EventSchema(\"$.image\") non-sealed interface Image extends Media { String url(); }\n";
  private static final String IMAGE_WITH_ALT =
      "@EventSchema(\"$.image\") non-sealed interface Image extends Media { String url(); String alt(); }\n";
  private static final String AUDIO = "@EventSchema(\"$.audio\") non-sealed interface Audio extends Media { long seconds(); }\n";
  private static final String SOUND = "@EventSchema(\"$.sound\") non-sealed interface Sound extends Media { long seconds(); }\n";
  private static final String TEXT = "@EventSchema(\"$.text\") non-sealed interface Text extends Media { String text(); }\n";

  private static final String NESTED = """
      @EventSchema("$.resources") interface Resources { %s }
      Resources resources();
      """;

  static final List<SchemaChange> ALL = all();

  private static List<SchemaChange> all() {
    List<SchemaChange> all = new ArrayList<>();
    // Keys and the content model
    all.add(change("an optional field added to a strict schema", "String a();", "String a(); Optional<String> b();",
        "F", OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL));
    all.add(change("a required field added to a strict schema", "String a();", "String a(); long b();",
        "BF", REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL));
    all.add(change("an optional field added to an open schema", "open:String a();", "open:String a(); OptionalLong b();",
        "B", OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL));
    all.add(change("a required field added to an open schema", "open:String a();", "open:String a(); long b();",
        "B", REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL));
    all.add(change("an optional field removed from a strict schema", "String a(); OptionalLong b();", "String a();",
        "B", PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL));
    all.add(change("a required field removed from a strict schema", "String a(); long b();", "String a();",
        "BF", PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, REQUIRED_ATTRIBUTE_REMOVED));
    all.add(change("an optional field removed from an open schema", "open:String a(); OptionalLong b();",
        "open:String a();", "F", PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL));
    all.add(change("a required field made optional", "int a();", "OptionalInt a();", "F", REQUIRED_ATTRIBUTE_REMOVED));
    all.add(change("an optional field made required", "OptionalInt a();", "int a();", "B", REQUIRED_ATTRIBUTE_ADDED));
    all.add(change("a strict schema opened", "String a();", "open:String a();", "F", ADDITIONAL_PROPERTIES_ADDED));
    all.add(change("an open schema made strict", "open:String a();", "String a();", "B", ADDITIONAL_PROPERTIES_REMOVED));
    all.add(change("an open object made a map of strings", "Map<String, Object> m();", "Map<String, String> m();",
        "B", TYPE_NARROWED));
    all.add(change("a map of strings made an open object", "Map<String, String> m();", "Map<String, Object> m();",
        "F", TYPE_EXTENDED));
    all.add(change("a reserved key released", "reserved:old|String a();", "String a();", "BF", RESERVED_PROPERTY_REMOVED));
    all.add(change("a key reserved", "String a();", "reserved:old|String a();", ""));
    all.add(change("nothing changed", "String a(); OptionalLong b();", "String a(); OptionalLong b();", ""));

    // Types
    all.add(change("a string made a long", "String a();", "long a();", "BF", TYPE_CHANGED));
    all.add(change("a long made a double", "long a();", "double a();", "F", TYPE_EXTENDED, MINIMUM_DECREASED,
        MAXIMUM_INCREASED));
    all.add(change("a double made a long", "double a();", "long a();", "B", TYPE_NARROWED, MINIMUM_INCREASED,
        MAXIMUM_DECREASED));
    all.add(change("an int made a long", "int a();", "long a();", "F", MINIMUM_DECREASED, MAXIMUM_INCREASED));
    all.add(change("a long made an int", "long a();", "int a();", "B", MINIMUM_INCREASED, MAXIMUM_DECREASED));
    all.add(change("a string made a nested schema", "String a();",
        "@EventSchema(\"$.inner\") interface Inner { long x(); } Inner a();", "BF", TYPE_CHANGED));
    all.add(change("a list's elements made longs", "List<String> a();", "List<Long> a();", "BF", TYPE_CHANGED));
    all.add(change("an enum value added", "enum Level { LOW, HIGH } Level a();", "enum Level { LOW, HIGH, MAX } Level a();",
        "F", ENUM_VALUE_ADDED));
    all.add(change("an enum value removed", "enum Level { LOW, HIGH } Level a();", "enum Level { LOW } Level a();",
        "B", ENUM_VALUE_REMOVED));
    all.add(change("an enum value renamed", "enum Level { LOW, HIGH } Level a();", "enum Level { LOW, TOP } Level a();",
        "BF", ENUM_VALUE_REMOVED, ENUM_VALUE_ADDED));

    // Unions and nested schemas
    all.add(change("a union member added", union(IMAGE, AUDIO), union(IMAGE, AUDIO, TEXT), "F", UNION_MEMBER_ADDED));
    all.add(change("a union member removed", union(IMAGE, AUDIO), union(IMAGE), "B", UNION_MEMBER_REMOVED));
    all.add(change("a union member renamed", union(IMAGE, AUDIO), union(IMAGE, SOUND), "BF",
        UNION_MEMBER_REMOVED, UNION_MEMBER_ADDED));
    all.add(change("a required field added to a union member", union(IMAGE, AUDIO), union(IMAGE_WITH_ALT, AUDIO),
        "BF", REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL));
    all.add(change("a nested schema's string bound lowered", NESTED.formatted("@Size(max = 64) String host();"),
        NESTED.formatted("@Size(max = 32) String host();"), "B", MAX_LENGTH_DECREASED));
    all.add(change("a nested schema's field removed", NESTED.formatted("String host(); long cpus();"),
        NESTED.formatted("String host();"), "BF", PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, REQUIRED_ATTRIBUTE_REMOVED));
    all.add(change("a map key's bound lowered", "Map<@Size(max = 8) String, String> m();",
        "Map<@Size(max = 4) String, String> m();", "B", MAX_LENGTH_DECREASED));

    // Patterns
    all.add(change("a pattern added", "String a();", "@Pattern(regexp = \"[a-z]+\") String a();", "B", PATTERN_ADDED));
    all.add(change("a pattern removed", "@Pattern(regexp = \"[a-z]+\") String a();", "String a();", "F", PATTERN_REMOVED));
    all.add(change("a pattern changed", "@Pattern(regexp = \"[a-z]+\") String a();",
        "@Pattern(regexp = \"[a-z0-9]+\") String a();", "BF", PATTERN_CHANGED));

    // Bounds: string lengths, list sizes, map sizes, numbers
    bounds(all, "length", "@AllowEmpty %s String a();", "@Size(min = %d)", "@Size(max = %d)", "LENGTH");
    bounds(all, "list size", "%s List<String> a();", "@Size(min = %d)", "@Size(max = %d)", "ITEMS");
    bounds(all, "map size", "%s Map<String, String> a();", "@Size(min = %d)", "@Size(max = %d)", "PROPERTIES");
    bounds(all, "number", "%s long a();", "@Min(%d)", "@Max(%d)", "");
    all.add(change("an exclusive minimum added", "long a();", "@Positive long a();", "B", EXCLUSIVE_MINIMUM_ADDED));
    all.add(change("an exclusive minimum removed", "@Positive long a();", "long a();", "F", EXCLUSIVE_MINIMUM_REMOVED));
    all.add(change("an exclusive minimum raised", "@Positive long a();", "@Positive long a();", "B",
        EXCLUSIVE_MINIMUM_INCREASED).edit("\"exclusiveMinimum\": 0", "\"exclusiveMinimum\": -5"));
    all.add(change("an exclusive minimum lowered", "@Positive long a();", "@Positive long a();", "F",
        EXCLUSIVE_MINIMUM_DECREASED).edit("\"exclusiveMinimum\": 0", "\"exclusiveMinimum\": 5"));
    all.add(change("an exclusive maximum added", "long a();", "@Negative long a();", "B", EXCLUSIVE_MAXIMUM_ADDED));
    all.add(change("an exclusive maximum removed", "@Negative long a();", "long a();", "F", EXCLUSIVE_MAXIMUM_REMOVED));
    all.add(change("an exclusive maximum raised", "@Negative long a();", "@Negative long a();", "F",
        EXCLUSIVE_MAXIMUM_INCREASED).edit("\"exclusiveMaximum\": 0", "\"exclusiveMaximum\": -5"));
    all.add(change("an exclusive maximum lowered", "@Negative long a();", "@Negative long a();", "B",
        EXCLUSIVE_MAXIMUM_DECREASED).edit("\"exclusiveMaximum\": 0", "\"exclusiveMaximum\": 5"));
    return List.copyOf(all);
  }

  /** A field {@code media} whose type is a union of {@code members}. */
  private static String union(String... members) {
    List<String> names = java.util.Arrays.stream(members)
        .map(m -> "Media." + m.substring(m.indexOf("interface ") + 10, m.indexOf(" extends"))).toList();
    return "sealed interface Media permits " + String.join(", ", names) + " {\n" + String.join("", members)
        + "}\nMedia media();";
  }

  /**
   * The eight changes of a lower and an upper bound: added, removed, raised, lowered. A number always
   * has bounds in its JSON Schema (those of its Java type), so there adding a bound raises or lowers
   * one; a collection with a minimum size above 0 is required.
   */
  private static void bounds(List<SchemaChange> all, String what, String field, String min, String max, String kind) {
    boolean number = kind.isEmpty();
    boolean collection = kind.equals("ITEMS") || kind.equals("PROPERTIES");
    String minCode = number ? "MINIMUM" : "MIN_" + kind;
    String maxCode = number ? "MAXIMUM" : "MAX_" + kind;
    String none = field.formatted("");
    all.add(new SchemaChange("a minimum " + what + " added", none, field.formatted(min.formatted(2)),
        codes(valueOf(minCode + (number ? "_INCREASED" : "_ADDED")), collection ? REQUIRED_ATTRIBUTE_ADDED : null), "B",
        List.of()));
    all.add(new SchemaChange("a minimum " + what + " removed", field.formatted(min.formatted(2)), none,
        codes(valueOf(minCode + (number ? "_DECREASED" : "_REMOVED")), collection ? REQUIRED_ATTRIBUTE_REMOVED : null),
        "F", List.of()));
    all.add(change("a minimum " + what + " raised", field.formatted(min.formatted(2)), field.formatted(min.formatted(3)),
        "B", valueOf(minCode + "_INCREASED")));
    all.add(change("a minimum " + what + " lowered", field.formatted(min.formatted(3)), field.formatted(min.formatted(2)),
        "F", valueOf(minCode + "_DECREASED")));
    all.add(change("a maximum " + what + " added", none, field.formatted(max.formatted(5)), "B",
        valueOf(maxCode + (number ? "_DECREASED" : "_ADDED"))));
    all.add(change("a maximum " + what + " removed", field.formatted(max.formatted(5)), none, "F",
        valueOf(maxCode + (number ? "_INCREASED" : "_REMOVED"))));
    all.add(change("a maximum " + what + " raised", field.formatted(max.formatted(5)), field.formatted(max.formatted(6)),
        "F", valueOf(maxCode + "_INCREASED")));
    all.add(change("a maximum " + what + " lowered", field.formatted(max.formatted(6)), field.formatted(max.formatted(5)),
        "B", valueOf(maxCode + "_DECREASED")));
  }

  private static java.util.Set<DifferenceCode> codes(DifferenceCode code, DifferenceCode orNull) {
    return orNull == null ? java.util.Set.of(code) : java.util.Set.of(code, orNull);
  }
}
