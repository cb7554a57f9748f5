package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.NegativeOrZero;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.Optional;
import java.util.OptionalDouble;

/** One token of a {@link StreamChunkBatch}; the same fields as a {@link StreamChunk}, mostly optional. */
@EventSchema("stream.chunk.token")
public interface BatchedToken {

  @AllowEmpty @Size(max = 4096) String token();

  @PositiveOrZero int token_id();

  @NegativeOrZero OptionalDouble logprob();

  Optional<Boolean> is_final();

  Optional<String> cumulative_text();

  @Size(max = 128) Optional<String> stream_id();
}
