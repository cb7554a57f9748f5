package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.OptionalDouble;

/**
 * The result of {@code generate}, sent at once, before the stream's notifications: {@code
 * {"stream_id": "s-1", "started_at": 1767000000.25}} ({@code started_at} in seconds).
 */
@EventSchema("generate.result")
public interface GenerateResult {

  @Size(max = 128) String stream_id();

  @PositiveOrZero OptionalDouble started_at();
}
