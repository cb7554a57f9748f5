package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;
import java.util.Optional;

/** A model was unloaded on request. Wire name {@code modelUnloaded}. */
@EventSchema
public interface ModelUnloadedEvent {

  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** Why, when the caller said. */
  @Size(min = 1, max = 1024) Optional<String> reason();
}
