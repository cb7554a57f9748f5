package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.Optional;

/** The result of {@code load_model}: {@code {"model_id": "m1", "parameters": 1200, "quantization": "q8_0"}}. */
@EventSchema("load_model.result")
public interface LoadModelResult {

  @Size(max = 256) String model_id();

  @PositiveOrZero long parameters();

  @Size(min = 1, max = 64) Optional<String> quantization();
}
