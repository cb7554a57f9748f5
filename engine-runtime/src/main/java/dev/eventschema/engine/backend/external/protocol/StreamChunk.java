package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.NegativeOrZero;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The params of a single-token {@code stream.chunk} notification, as the origin's runtime sends
 * them: {@code {"stream_id": "s-1", "token": " the", "token_id": 262, "logprob": -0.42,
 * "is_final": false}}. An empty {@code token} is the end-of-sequence token.
 */
@EventSchema("stream.chunk")
public interface StreamChunk {

  @Size(max = 128) String stream_id();

  @AllowEmpty @Size(max = 4096) String token();

  @PositiveOrZero int token_id();

  /** The natural log of the token's probability. */
  @NegativeOrZero OptionalDouble logprob();

  /** Whether this is the stream's last token; the stream ends with its {@code stream.event}. */
  boolean is_final();

  Optional<String> cumulative_text();
}
