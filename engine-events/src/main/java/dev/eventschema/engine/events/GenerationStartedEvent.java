package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.OptionalInt;

/** A generation was accepted and started. Wire name {@code generationStarted}. */
@EventSchema(version = 2)
public interface GenerationStartedEvent {

  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** A bare string, or a {@code template} or {@code multimodal} object. */
  Prompt prompt();

  /** The most tokens the caller allows. */
  @Positive OptionalInt maxTokens();

  Map<String, Object> metadata();
}
