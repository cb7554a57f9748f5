package dev.eventschema.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * Everything the renderers need to know about one {@code @EventSchema} interface, read once.
 *
 * @param type the interface
 * @param wireName the event's wire name
 * @param version {@code @EventSchema(version)}, at least 1
 * @param strict whether unknown keys are rejected
 * @param fields the accessors, supertypes' first, in declaration order
 * @param union the union this schema is a member of, if any; its wire form then carries
 *     {@link UnionModel#DISCRIMINATOR}
 */
public record SchemaModel(
    ClassName type, String wireName, int version, boolean strict, List<FieldModel> fields, Optional<ClassName> union) {

  public ClassName validator() {
    return GeneratedNames.validator(type);
  }

  public ClassName builder() {
    return GeneratedNames.builder(type);
  }

  public ClassName value() {
    return GeneratedNames.value(type);
  }

  public ClassName codec() {
    return GeneratedNames.codec(type);
  }
}
