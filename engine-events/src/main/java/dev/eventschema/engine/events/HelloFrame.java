package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Size;
import java.util.Map;

/**
 * The payload of the {@code hello} frame that opens every live stream (docs/stream-protocol.md):
 * which engine speaks, and the version of every schema it writes on the stream, so that a reader
 * built against older schemas can say so instead of only failing on keys it does not know. Wire
 * name {@code hello}.
 */
@EventSchema("hello")
public interface HelloFrame {

  /** The engine's name, such as {@code eventschema-engine}. */
  @Size(max = 128) String engine();

  /**
   * The {@code @EventSchema(version)} of each schema of the stream, by wire name: the envelope, the
   * frames' payloads and the engine events ({@link StreamSchemas}).
   */
  @Size(min = 1, max = 256) Map<String, @Positive Integer> schemas();
}
