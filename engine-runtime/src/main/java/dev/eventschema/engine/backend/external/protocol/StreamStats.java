package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;

/**
 * The params of a {@code stream.stats} notification, sent before a stream's completion: {@code
 * {"stream_id": "s-1", "tokens_generated": 12, "tokens_per_second": 250.0, "time_to_first_token":
 * 0.004, "total_time": 0.048}}. Times are in seconds, as in the origin.
 */
@EventSchema("stream.stats")
public interface StreamStats {

  @Size(max = 128) String stream_id();

  @PositiveOrZero long tokens_generated();

  @PositiveOrZero double tokens_per_second();

  @PositiveOrZero double time_to_first_token();

  @PositiveOrZero double total_time();
}
