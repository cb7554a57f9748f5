package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;

/** The result of {@code cancel}: {@code {"stream_id": "s-1"}}. */
@EventSchema("cancel.result")
public interface CancelResult {

  @Size(max = 128) String stream_id();
}
