package dev.eventschema.processor.rendering;

import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.Rule;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Renders a schema's wire form as JSON Schema (draft 2020-12). Nested schemas and union members go
 * to {@code $defs}, by wire name, so that recursive schemas are fine.
 */
public final class JsonSchemaRenderer {

  /**
   * {@code @NotBlank}: some character is not whitespace in {@link String#isBlank()}'s sense
   * ({@link Character#isWhitespace}), spelled out because ECMA-262's {@code \\s} is another set.
   */
  static final String NOT_BLANK = "[^\\t\\n\\u000B\\f\\r\\u001C-\\u0020\\u1680\\u2000-\\u2006\\u2008-\\u200A"
      + "\\u2028\\u2029\\u205F\\u3000]";

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private final Function<String, Optional<SchemaModel>> schemasByType;

  /** @param schemasByType the model of a schema by its interface's canonical name, where known */
  public JsonSchemaRenderer(Function<String, Optional<SchemaModel>> schemasByType) {
    this.schemasByType = schemasByType;
  }

  public String render(SchemaModel schema) {
    Map<String, Object> defs = new LinkedHashMap<>();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("$schema", DIALECT);
    root.put("$id", "urn:eventschema:" + schema.wireName());
    root.put("title", schema.wireName());
    root.put("description", "Wire form of " + schema.type().canonicalName());
    root.putAll(object(schema, defs));
    defs.remove(schema.wireName()); // a self-reference points at the root
    if (!defs.isEmpty()) {
      root.put("$defs", defs);
    }
    return Json.write(root);
  }

  private Map<String, Object> object(SchemaModel schema, Map<String, Object> defs) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    if (schema.union().isPresent()) {
      properties.put(UnionModel.DISCRIMINATOR, Map.of("const", schema.wireName()));
    }
    for (FieldModel field : schema.fields()) {
      properties.put(field.name(), type(field.type(), defs, schema));
      if (field.requiredOnWire()) {
        required.add(field.name());
      }
    }
    object.put("properties", properties);
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    if (schema.strict()) {
      object.put("additionalProperties", false);
    }
    return object;
  }

  private Map<String, Object> type(ValueType type, Map<String, Object> defs, SchemaModel root) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (type instanceof ValueType.Scalar scalar) {
      switch (scalar.kind()) {
        case STRING -> json.put("type", "string");
        case BOOLEAN -> json.put("type", "boolean");
        case INT -> number(json, "integer", Integer.MIN_VALUE, Integer.MAX_VALUE);
        case LONG -> number(json, "integer", Long.MIN_VALUE, Long.MAX_VALUE);
        case DOUBLE -> number(json, "number", -Double.MAX_VALUE, Double.MAX_VALUE);
      }
    } else if (type instanceof ValueType.EnumRef enumRef) {
      json.put("type", "string");
      json.put("enum", enumRef.wireValues());
    } else if (type instanceof ValueType.SchemaRef ref) {
      json.put("$ref", reference(ref.type().canonicalName(), ref.wireName(), defs, root));
    } else if (type instanceof ValueType.UnionRef unionRef) {
      List<Object> oneOf = new ArrayList<>();
      for (UnionModel.Member member : unionRef.union().members()) {
        if (member.stringField().isPresent()) {
          oneOf.add(stringFormOf(member, defs, root));
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("$ref", reference(member.type().canonicalName(), member.wireName(), defs, root));
        object.put("required", List.of(UnionModel.DISCRIMINATOR));
        oneOf.add(object);
      }
      json.put("oneOf", oneOf);
    } else if (type instanceof ValueType.ListOf list) {
      json.put("type", "array");
      json.put("items", type(list.element(), defs, root));
    } else if (type instanceof ValueType.MapOf map) {
      json.put("type", "object");
      if (!map.keyRules().isEmpty()) {
        Map<String, Object> names = new LinkedHashMap<>();
        addRules(map.keyRules(), names, "Length");
        json.put("propertyNames", names);
      }
      json.put("additionalProperties", type(map.value(), defs, root));
    } else if (type instanceof ValueType.JsonObject) {
      json.put("type", "object");
      json.put("additionalProperties", Map.of("$ref", "#/$defs/" + OpenJson.define(defs)));
    } else if (type instanceof ValueType.OptionalOf optional) {
      return type(optional.value(), defs, root);
    }
    String sizeSuffix = type instanceof ValueType.Scalar ? "Length"
        : type instanceof ValueType.ListOf ? "Items" : "Properties";
    addRules(type.rules(), json, sizeSuffix);
    return json;
  }

  /** The string schema of a {@code @StringForm} member: its one field's rules, on the bare string. */
  private Map<String, Object> stringFormOf(UnionModel.Member member, Map<String, Object> defs, SchemaModel root) {
    return schemasByType.apply(member.type().canonicalName())
        .flatMap(schema -> schema.fields().stream().filter(f -> f.name().equals(member.stringField().get())).findFirst())
        .map(field -> type(field.type(), defs, root))
        .orElseGet(() -> new LinkedHashMap<>(Map.of("type", "string")));
  }

  private String reference(String canonicalName, String wireName, Map<String, Object> defs, SchemaModel root) {
    if (wireName.equals(root.wireName())) {
      return "#";
    }
    if (!defs.containsKey(wireName)) {
      defs.put(wireName, Map.of()); // placeholder: a recursive reference stops here
      Optional<SchemaModel> schema = schemasByType.apply(canonicalName);
      defs.put(wireName, schema.isPresent() ? object(schema.get(), defs) : Map.of("type", "object"));
    }
    return "#/$defs/" + wireName;
  }

  /** A number of a Java type: its type's range, which the rules' bounds may narrow. */
  private static void number(Map<String, Object> json, String type, Number min, Number max) {
    json.put("type", type);
    json.put("minimum", min);
    json.put("maximum", max);
  }

  /** Sets a bound unless the one already there is tighter ({@code direction} 1: a minimum, -1: a maximum). */
  private static void narrow(Map<String, Object> json, String keyword, long bound, int direction) {
    Object present = json.get(keyword);
    if (present == null || new BigDecimal(bound).compareTo(new BigDecimal(present.toString())) * direction > 0) {
      json.put(keyword, bound);
    }
  }

  private static void addRules(List<Rule> rules, Map<String, Object> json, String sizeSuffix) {
    List<String> patterns = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule instanceof Rule.NonEmpty) {
        json.merge("min" + sizeSuffix, 1, (a, b) -> Math.max((Integer) a, (Integer) b));
      } else if (rule instanceof Rule.NotBlank) {
        patterns.add(NOT_BLANK);
      } else if (rule instanceof Rule.Size size) {
        json.merge("min" + sizeSuffix, size.min(), (a, b) -> Math.max((Integer) a, (Integer) b));
        if (size.max() != Integer.MAX_VALUE) {
          json.put("max" + sizeSuffix, size.max());
        }
      } else if (rule instanceof Rule.Pattern pattern) {
        patterns.add("^(?:" + pattern.regexp() + ")$");
      } else if (rule instanceof Rule.ContentEncoding encoding) {
        json.put("contentEncoding", encoding.encoding());
      } else if (rule instanceof Rule.Bound bound) {
        if (bound.min() != null) {
          narrow(json, bound.minExclusive() ? "exclusiveMinimum" : "minimum", bound.min(), 1);
        }
        if (bound.max() != null) {
          narrow(json, bound.maxExclusive() ? "exclusiveMaximum" : "maximum", bound.max(), -1);
        }
      }
    }
    if (Integer.valueOf(0).equals(json.get("min" + sizeSuffix))) {
      json.remove("min" + sizeSuffix);
    }
    if (patterns.size() == 1) {
      json.put("pattern", patterns.get(0));
    } else if (patterns.size() > 1) {
      json.put("allOf", patterns.stream().map(p -> Map.of("pattern", p)).toList());
    }
  }
}
