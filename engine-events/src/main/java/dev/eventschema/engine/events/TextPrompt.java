package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.StringForm;
import dev.eventschema.constraints.AllowEmpty;

/** A plain text prompt; travels as a bare string. Empty is allowed (unconditional generation). */
@StringForm
@EventSchema("text")
public non-sealed interface TextPrompt extends Prompt {

  @AllowEmpty String text();
}
