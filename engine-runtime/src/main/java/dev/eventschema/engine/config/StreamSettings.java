package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code stream} section of {@link EngineConfig}: how the live stream is served. Every field is
 * optional; the {@code ...OrDefault()} methods are the one place its defaults are applied. Wire name
 * {@code streamSettings}.
 *
 * <pre>{@code StreamSettings settings = StreamSettingsBuilder.builder().port(0).build();}</pre>
 */
@EventSchema("streamSettings")
public interface StreamSettings {

  String DEFAULT_HOST = "127.0.0.1";
  int DEFAULT_PORT = 8765;
  int DEFAULT_HISTORY_SIZE = 10_000;
  int DEFAULT_CLIENT_QUEUE = 4_096;
  int DEFAULT_MAX_CLIENTS = 32;
  long DEFAULT_HEARTBEAT_MS = 15_000;
  int DEFAULT_HEADER_TIMEOUT_SECONDS = 10;
  int DEFAULT_MAX_CONNECTIONS = 512;
  /** Half of {@link #DEFAULT_MAX_CONNECTIONS}: one client never holds them all. */
  int DEFAULT_MAX_REQUESTS_PER_CLIENT = 256;

  /** The address to bind: an IP literal or a name. */
  @Size(min = 1, max = 255) Optional<String> host();

  /** The port; 0 picks a free one. */
  @Range(min = 0, max = 65535) OptionalInt port();

  /** The bearer token every endpoint then requires: printable ASCII without spaces. */
  @Size(min = 16, max = 512)
  @Pattern(regexp = "[!-~]+", message = "printable ASCII characters without spaces")
  Optional<String> token();

  /** Allows a non-loopback host without a token (a deliberate choice). */
  Optional<Boolean> allowRemoteWithoutToken();

  /** Messages kept for Last-Event-ID replay. */
  @Range(min = 1, max = 1_000_000) OptionalInt historySize();

  /** Messages one client may have waiting before it misses some. */
  @Range(min = 1, max = 1_000_000) OptionalInt clientQueue();

  /** Streams served at once. */
  @Range(min = 1, max = 1024) OptionalInt maxClients();

  /** Silence after which a heartbeat comment is sent, in milliseconds. */
  @Range(min = 100, max = 3_600_000) OptionalLong heartbeatMs();

  /** Host names answered beside localhost and the loopback literals (no port); others get 421. */
  @Size(max = 32) List<@Size(min = 1, max = 253) @Pattern(regexp = "[A-Za-z0-9.-]+",
      message = "a DNS name: letters, digits, dots and hyphens") String> allowedHosts();

  /** Seconds a client has to send a request's headers before its connection is closed (process-wide). */
  @Range(min = 1, max = 300) OptionalInt headerTimeoutSeconds();

  /** Connections open at once per server, the stream's and /metrics (process-wide). */
  @Range(min = 16, max = 10_000) OptionalInt maxConnections();

  /** Requests, streams included, one client address may have in progress at once; more get 429. */
  @Range(min = 1, max = 10_000) OptionalInt maxRequestsPerClient();

  default int headerTimeoutSecondsOrDefault() {
    return headerTimeoutSeconds().orElse(DEFAULT_HEADER_TIMEOUT_SECONDS);
  }

  default int maxConnectionsOrDefault() {
    return maxConnections().orElse(DEFAULT_MAX_CONNECTIONS);
  }

  default int maxRequestsPerClientOrDefault() {
    return maxRequestsPerClient().orElse(DEFAULT_MAX_REQUESTS_PER_CLIENT);
  }

  default String hostOrDefault() {
    return host().orElse(DEFAULT_HOST);
  }

  default int portOrDefault() {
    return port().orElse(DEFAULT_PORT);
  }

  default boolean allowRemoteWithoutTokenOrDefault() {
    return allowRemoteWithoutToken().orElse(false);
  }

  default int historySizeOrDefault() {
    return historySize().orElse(DEFAULT_HISTORY_SIZE);
  }

  default int clientQueueOrDefault() {
    return clientQueue().orElse(DEFAULT_CLIENT_QUEUE);
  }

  default int maxClientsOrDefault() {
    return maxClients().orElse(DEFAULT_MAX_CLIENTS);
  }

  default Duration heartbeat() {
    return Duration.ofMillis(heartbeatMs().orElse(DEFAULT_HEARTBEAT_MS));
  }
}
