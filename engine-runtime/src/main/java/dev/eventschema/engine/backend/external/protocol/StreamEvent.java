package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;
import java.util.Optional;

/**
 * The params of a {@code stream.event} notification, the last message of a stream: {@code
 * {"stream_id": "s-1", "event": "completed", "finish_reason": "stop", "is_final": true}} or {@code
 * {"stream_id": "s-1", "event": "error", "error": "out of memory", "is_final": true}}.
 *
 * <p>The origin has a union discriminated by {@code event}; the processor's unions are
 * discriminated by {@code type}, so this is one schema, and the one rule it cannot say (an {@code
 * error} event needs {@code error}) is checked by the reader.
 */
@EventSchema("stream.event")
public interface StreamEvent {

  /** What happened to the stream. */
  enum Kind { COMPLETED, ERROR }

  /** Why a completed stream ended; absent means {@code stop}. */
  enum Finish { STOP, LENGTH, CANCELLED }

  @Size(max = 128) String stream_id();

  Kind event();

  Optional<Finish> finish_reason();

  @Size(min = 1, max = 8192) Optional<String> error();

  boolean is_final();
}
