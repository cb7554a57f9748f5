package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.Optional;

/**
 * Something failed. Wire name {@code error}. Build one from an exception with
 * {@link dev.eventschema.engine.error.EngineException#toEvent()}.
 */
@EventSchema(version = 2)
public interface ErrorEvent {

  /** The message, for people. */
  @Size(max = 8192) String error();

  /**
   * The closed error code ({@code invalid_event}, {@code model_not_found}...): closed so that errors
   * can be counted by code without unbounded metric tags.
   */
  Optional<ErrorCode> code();

  /** The model concerned, if any. */
  @Size(min = 1, max = ModelIds.MAX_LENGTH) Optional<String> model();

  Map<String, Object> metadata();
}
