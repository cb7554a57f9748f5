package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;
import java.util.List;

/** A prompt of several parts, in order: text and images. */
@EventSchema(value = "multimodal", version = 2)
public non-sealed interface MultimodalPrompt extends Prompt {

  /** At least one part; the cap keeps one event from carrying an unbounded list. */
  @Size(min = 1, max = 256) List<PromptPart> parts();
}
