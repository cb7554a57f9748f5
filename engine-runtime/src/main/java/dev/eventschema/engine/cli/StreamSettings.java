package dev.eventschema.engine.cli;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The {@code stream} section of {@link EngineConfig}. Wire name {@code streamSettings}. */
@EventSchema("streamSettings")
public interface StreamSettings {

  /** The address to bind; 127.0.0.1 by default. */
  @Size(min = 1, max = 255) Optional<String> host();

  /** The port; 0 picks a free one. */
  @Range(min = 0, max = 65535) OptionalInt port();

  /** The bearer token every endpoint then requires. */
  @Size(min = 16, max = 512) Optional<String> token();

  /** Allows a non-loopback host without a token. */
  Optional<Boolean> allowRemoteWithoutToken();

  /** Messages kept for Last-Event-ID replay. */
  @Range(min = 1, max = 1_000_000) OptionalInt historySize();

  /** Messages one client may have waiting before it misses some. */
  @Range(min = 1, max = 1_000_000) OptionalInt clientQueue();

  /** Streams served at once. */
  @Range(min = 1, max = 1024) OptionalInt maxClients();

  /** Silence after which a heartbeat comment is sent, in milliseconds. */
  @Range(min = 100, max = 3_600_000) OptionalLong heartbeatMs();
}
