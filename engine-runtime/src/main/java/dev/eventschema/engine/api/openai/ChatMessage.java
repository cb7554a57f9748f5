package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.Size;
import java.util.Optional;

/**
 * One message of a chat completion request. {@code content} is a string: the array-of-parts form is
 * refused before parsing with a clear message (see {@link OpenAiRequestReader}).
 */
@EventSchema("chatMessage")
public interface ChatMessage {

  ChatRole role();

  @AllowEmpty @Size(max = OpenAiLimits.MAX_TEXT_CHARS) String content();

  /** A participant's name: accepted, and ignored by the prompt template. */
  Optional<@Size(max = 64) String> name();
}
