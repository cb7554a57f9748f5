package com.example.events;

import dev.eventschema.Violation;
import dev.eventschema.support.Pointer;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Reads, checks and writes the members of the union {@link Prompt}.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class PromptUnion {
  private PromptUnion() {
  }

  /**
   * Reads a {@link Prompt}: a bare string (a {@link TextPrompt}), or an object whose {@code type} names the member.
   */
  public static Prompt read(Object wire, String path, WireReader in) {
    if (wire instanceof String) {
      return WireType.stringForm(TextPromptValidator.INSTANCE, "text").read(wire, path, in);
    }
    if (!(wire instanceof Map<?, ?> object)) {
      return in.invalidType(path, "a string or an object", wire);
    }
    Object type = object.get("type");
    if ("text".equals(type)) {
      return WireType.schema(TextPromptValidator.INSTANCE).read(wire, path, in);
    }
    if ("template".equals(type)) {
      return WireType.schema(TemplatePromptValidator.INSTANCE).read(wire, path, in);
    }
    in.report(Pointer.child(path, "type"), Violation.Code.INVALID_UNION,
        "must be one of 'text', 'template', was " + (type == null ? "missing" : Violations.describe(type)));
    return null;
  }

  /**
   * Checks a member with its own validator.
   */
  public static List<Violation> validate(Prompt value) {
    if (value instanceof TextPrompt member) {
      return TextPromptValidator.INSTANCE.validate(member);
    }
    if (value instanceof TemplatePrompt member) {
      return TemplatePromptValidator.INSTANCE.validate(member);
    }
    return List.of(new Violation("", Violation.Code.INVALID_UNION,
        "must be a member of Prompt, was " + value.getClass().getName()));
  }

  /**
   * The wire form of a member: its map with {@code type}, or the bare string of a {@link TextPrompt}.
   */
  public static Object toWire(Prompt value) {
    if (value instanceof TextPrompt member) {
      return member.text();
    }
    if (value instanceof TemplatePrompt member) {
      return TemplatePromptValidator.INSTANCE.toMap(member);
    }
    throw new IllegalArgumentException("not a member of Prompt: " + value.getClass().getName());
  }
}
