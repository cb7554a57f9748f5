package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;

/**
 * The payload of a {@code dropped} frame of the live stream (docs/stream-protocol.md): this
 * client's queue overflowed and {@link #missed()} messages were not sent to it. Wire name
 * {@code dropped}.
 */
@EventSchema("dropped")
public interface DroppedFrame {

  /** How many messages this client missed at this place of the stream. */
  @Positive long missed();
}
