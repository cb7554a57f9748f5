package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;
import java.util.Map;

/** A prompt template and the values of its placeholders, such as {@code Hi {name}}. */
@EventSchema("template")
public non-sealed interface TemplatePrompt extends Prompt {

  String template();

  /** Placeholder names are identifiers; values may be empty. */
  @Size(max = 256)
  Map<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_.-]*", message = "an identifier: a letter or '_', then letters,"
      + " digits, '_', '.' or '-'") String, @AllowEmpty String> variables();
}
