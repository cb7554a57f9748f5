package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.StringForm;

/** A text part of a multimodal prompt; travels as a bare string. */
@StringForm
@EventSchema("textPart")
public non-sealed interface TextPart extends PromptPart {

  String text();
}
