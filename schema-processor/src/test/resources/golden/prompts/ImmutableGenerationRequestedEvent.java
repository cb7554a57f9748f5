package com.example.events;

import dev.eventschema.support.Copies;
import java.util.List;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * The immutable {@link GenerationRequestedEvent} that {@link GenerationRequestedEventBuilder} builds
 * and {@link GenerationRequestedEventValidator} parses.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
final record ImmutableGenerationRequestedEvent(String model, Prompt prompt,
    List<Prompt> history) implements GenerationRequestedEvent {
  ImmutableGenerationRequestedEvent {
    history = Copies.list(history);
  }

  @Override
  public String toString() {
    StringJoiner fields = new StringJoiner(", ", "GenerationRequestedEvent{", "}");
    fields.add("model=" + this.model);
    fields.add("prompt=" + this.prompt);
    if (!this.history.isEmpty()) {
      fields.add("history=" + this.history);
    }
    return fields.toString();
  }
}
