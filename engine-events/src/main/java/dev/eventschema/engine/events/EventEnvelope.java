package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.Optional;

/**
 * One message of the live stream (see docs/stream-protocol.md): a payload in the wire form of its
 * schema, with the stream's sequence number and acceptance time. Wire name {@code envelope}.
 */
@EventSchema("envelope")
public interface EventEnvelope {

  /** Strictly increasing per engine, shared by every kind of message; also the SSE id. */
  @Positive long seq();

  /** When the engine accepted the message, as an ISO-8601 UTC instant. */
  @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z",
      message = "an ISO-8601 UTC instant such as 2026-11-27T15:04:07.123Z")
  String time();

  /** The wire name of what {@link #payload()} holds, such as {@code tokenGenerated}. */
  @Pattern(regexp = "[a-z][A-Za-z0-9]*", message = "a wire name such as 'tokenGenerated'")
  String type();

  /** Set on generation events, so that concurrent generations can be told apart. */
  @Size(min = 1, max = 128) Optional<String> generationId();

  /** The message in the wire form of its schema. */
  Map<String, Object> payload();
}
