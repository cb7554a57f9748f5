package dev.eventschema.engine.emit;

import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.Source;
import java.util.Objects;

/**
 * An accepted event, as subscribers receive it: the envelope that goes on the stream, and the typed
 * event for those who want to switch on it ({@code case TokenGeneratedEvent token -> ...}).
 *
 * @param envelope the stream form, with its sequence number and time
 * @param type the event's type
 * @param event the event, an instance of {@code type.javaType()}, valid when emitted
 * @param source where the event came from
 */
public record EmittedEvent(EventEnvelope envelope, EventType type, Object event, Source source) {

  public EmittedEvent {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(source, "source");
  }
}
