package dev.eventschema.processor.evolution;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two object schemas with declared fields: which keys were added or removed, which became
 * required or optional, and whether the content model opened or closed. As in Confluent's
 * {@code ObjectSchemaDiff}, an added key is judged by the baseline's content model and a removed key
 * by the current one: a strict (closed) baseline rejects unknown keys, so a key added to it breaks
 * FORWARD whether it is optional or not.
 */
final class ObjectDiff {

  private final SchemaDiff diff;
  private final Map<String, Object> before;
  private final Map<String, Object> after;

  ObjectDiff(SchemaDiff diff, Map<String, Object> before, Map<String, Object> after) {
    this.diff = diff;
    this.before = before;
    this.after = after;
  }

  void compare(SchemaDiff.Place place) {
    Map<String, Object> oldProperties = SchemaDiff.object(before.get("properties"));
    Map<String, Object> newProperties = SchemaDiff.object(after.get("properties"));
    List<Object> oldRequired = SchemaDiff.list(before.get("required"));
    List<Object> newRequired = SchemaDiff.list(after.get("required"));
    boolean oldClosed = closed(before);
    boolean newClosed = closed(after);
    if (oldClosed && !newClosed) {
      diff.add(DifferenceCode.ADDITIONAL_PROPERTIES_ADDED, place, "\"additionalProperties\": false", "unknown keys allowed");
    } else if (!oldClosed && newClosed) {
      diff.add(DifferenceCode.ADDITIONAL_PROPERTIES_REMOVED, place, "unknown keys allowed", "\"additionalProperties\": false");
    }
    Set<String> keys = new LinkedHashSet<>(oldProperties.keySet());
    keys.addAll(newProperties.keySet());
    for (String key : keys) {
      boolean wasRequired = oldRequired.contains(key);
      boolean isRequired = newRequired.contains(key);
      if (!newProperties.containsKey(key)) {
        diff.addForProperty(newClosed ? DifferenceCode.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL
            : DifferenceCode.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL, place, key, describe(key, wasRequired), "absent");
        if (wasRequired) {
          diff.addForProperty(DifferenceCode.REQUIRED_ATTRIBUTE_REMOVED, place, key, "required", "absent");
        }
      } else if (!oldProperties.containsKey(key)) {
        DifferenceCode code = oldClosed
            ? (isRequired ? DifferenceCode.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL
                : DifferenceCode.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL)
            : (isRequired ? DifferenceCode.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL
                : DifferenceCode.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
        diff.addForProperty(code, place, key, "absent", describe(key, isRequired));
      } else {
        if (wasRequired && !isRequired) {
          diff.addForProperty(DifferenceCode.REQUIRED_ATTRIBUTE_REMOVED, place, key, "required", "optional");
        } else if (!wasRequired && isRequired) {
          diff.addForProperty(DifferenceCode.REQUIRED_ATTRIBUTE_ADDED, place, key, "optional", "required");
        }
        diff.compareProperty(oldProperties.get(key), newProperties.get(key), place, key);
      }
    }
  }

  private static boolean closed(Map<String, Object> schema) {
    return Boolean.FALSE.equals(schema.get("additionalProperties"));
  }

  private static String describe(String key, boolean required) {
    return (required ? "required" : "optional") + " key '" + key + "'";
  }
}
