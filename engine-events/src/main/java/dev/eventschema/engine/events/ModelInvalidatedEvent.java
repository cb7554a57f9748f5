package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;

/**
 * A model's handle became stale without being unloaded on request (the runtime restarted, or the
 * model failed): holders must reload it. Wire name {@code modelInvalidated}.
 */
@EventSchema
public interface ModelInvalidatedEvent {

  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** Why the handle is stale: always given, since users must decide whether to reload. */
  @Size(max = 1024) String reason();
}
