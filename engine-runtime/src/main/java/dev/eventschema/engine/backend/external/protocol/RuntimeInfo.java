package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Size;

/** The result of {@code runtime/info}: {@code {"name": "test-runtime", "version": "1.0", "protocol": 1}}. */
@EventSchema("runtime_info.result")
public interface RuntimeInfo {

  @Size(max = 256) String name();

  @Size(max = 64) String version();

  /** The protocol version the runtime speaks; this engine speaks {@code 1}. */
  @Positive int protocol();
}
