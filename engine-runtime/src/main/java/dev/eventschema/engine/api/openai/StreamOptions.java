package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
import java.util.Optional;

/** {@code stream_options}: whether a last chunk carries the usage. */
@EventSchema("streamOptions")
public interface StreamOptions {

  Optional<Boolean> include_usage();
}
