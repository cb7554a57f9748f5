package dev.eventschema.engine.api.openai;

/** Who wrote a chat message; {@code tool} messages are not accepted (tool calls are not supported). */
public enum ChatRole {
  SYSTEM,
  DEVELOPER,
  USER,
  ASSISTANT
}
