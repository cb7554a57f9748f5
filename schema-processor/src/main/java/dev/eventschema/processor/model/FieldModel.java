package dev.eventschema.processor.model;

/**
 * One field of a schema: an accessor of the interface.
 *
 * @param name the accessor's name, which is also the wire key
 * @param type the field's type and rules
 */
public record FieldModel(String name, ValueType type) {

  /** Whether the wire form must contain this key (it is not optional, nor a list or a map). */
  public boolean required() {
    return !(type instanceof ValueType.OptionalOf)
        && !(type instanceof ValueType.ListOf)
        && !(type instanceof ValueType.MapOf)
        && !(type instanceof ValueType.JsonObject);
  }

  /**
   * Whether the wire form must contain this key: a required field, or a list or map with
   * {@code @Size(min >= 1)}, whose absence (read as empty) could never be valid.
   */
  public boolean requiredOnWire() {
    return required() || type.rules().stream().anyMatch(rule -> rule instanceof Rule.Size size && size.min() >= 1);
  }

  /** The name with a capital first letter, for method names such as {@code checkModel}. */
  public String capitalized() {
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }

  /** The JSON Pointer of this field within its object. */
  public String pointer() {
    return "/" + name.replace("~", "~0").replace("/", "~1");
  }
}
