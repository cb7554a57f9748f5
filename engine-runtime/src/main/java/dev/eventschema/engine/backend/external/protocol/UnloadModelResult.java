package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;

/** The result of {@code unload_model}: {@code {"model_id": "m1"}}. */
@EventSchema("unload_model.result")
public interface UnloadModelResult {

  @Size(max = 256) String model_id();
}
