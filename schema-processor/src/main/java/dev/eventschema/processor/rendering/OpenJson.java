package dev.eventschema.processor.rendering;

import dev.eventschema.support.JsonValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of the values inside an open {@code Map<String, Object>}, with the validator's
 * depth limit: the open object is depth 1, a container inside a container at depth {@code d} is
 * at depth {@code d + 1}, and no container may be deeper than {@link JsonValues#MAX_DEPTH}. JSON
 * Schema has no counter, so the levels are unrolled into {@code $defs}, one per depth; numbers are
 * kept within the double range, as the validator keeps them.
 */
final class OpenJson {

  private static final String PREFIX = "json-value-depth-";

  private OpenJson() {}

  /** Adds the definitions to {@code defs} (once) and returns the name of the values at depth 2. */
  static String define(Map<String, Object> defs) {
    String first = PREFIX + 2;
    if (defs.containsKey(first)) {
      return first;
    }
    for (int depth = 2; depth <= JsonValues.MAX_DEPTH + 1; depth++) {
      Map<String, Object> value = new LinkedHashMap<>();
      boolean containers = depth <= JsonValues.MAX_DEPTH;
      value.put("type", containers ? List.of("null", "boolean", "number", "string", "array", "object")
          : List.of("null", "boolean", "number", "string"));
      value.put("minimum", -Double.MAX_VALUE);
      value.put("maximum", Double.MAX_VALUE);
      if (containers) {
        Map<String, Object> deeper = Map.of("$ref", "#/$defs/" + PREFIX + (depth + 1));
        value.put("items", deeper);
        value.put("additionalProperties", deeper);
      }
      defs.put(PREFIX + depth, value);
    }
    return first;
  }
}
