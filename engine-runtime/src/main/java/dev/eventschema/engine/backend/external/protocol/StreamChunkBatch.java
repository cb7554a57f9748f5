package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The params of a batched {@code stream.chunk} notification: several tokens of one stream at once,
 * {@code {"stream_id": "s-1", "tokens": [{...}, {...}], "batch_size": 2, "is_batch": true}}. Told
 * apart from a single-token chunk by its {@code tokens} key.
 */
@EventSchema("stream.chunk.batch")
public interface StreamChunkBatch {

  @Size(max = 128) String stream_id();

  @Size(min = 1, max = 1024) List<BatchedToken> tokens();

  @Positive OptionalInt batch_size();

  Optional<Boolean> is_batch();
}
