package dev.eventschema.monitor.support;

import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.stream.StreamHub;
import dev.eventschema.engine.stream.StreamServer;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's own stream server (StreamHub + StreamServer of engine-runtime) driven directly by a
 * test: what it publishes is not validated by the engine, so a test can also send what a faulty
 * engine (or a man in the middle) would, and check that the dashboard's own validation catches it.
 */
public final class HubEngine implements AutoCloseable {

  private final StreamHub hub;
  private final StreamServer server;

  private HubEngine(StreamHub hub, StreamServer server) {
    this.hub = hub;
    this.server = server;
  }

  public static HubEngine start(int port, int clientQueue) {
    return start(port, clientQueue, null);
  }

  /** With {@code token}, every request needs {@code Authorization: Bearer token}. */
  public static HubEngine start(int port, int clientQueue, String token) {
    StreamHub hub = new StreamHub(StreamSettings.DEFAULT_HISTORY_SIZE, clientQueue);
    StreamSettings settings = StreamSettingsBuilder.builder().port(port).token(Optional.ofNullable(token)).build();
    StreamServer server = StreamServer.start(settings, hub, () -> Map.of("status", "ready"), List::of);
    return new HubEngine(hub, server);
  }

  public URI baseUri() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  public StreamHub hub() {
    return hub;
  }

  public long event(String type, String generationId, Map<String, Object> payload) {
    return hub.publish("event", type, Optional.ofNullable(generationId), payload, Instant.now());
  }

  public long status(String status, int modelsLoaded) {
    return event("runtimeStatus", null, Map.of("status", status, "modelsLoaded", modelsLoaded));
  }

  public long rejection(String eventType, Map<String, Object> payload, List<Map<String, Object>> violations) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("eventType", eventType);
    record.put("source", "network");
    record.put("payload", payload);
    record.put("violations", violations);
    return hub.publish("rejection", "rejection", Optional.empty(), record, Instant.now());
  }

  @Override
  public void close() {
    server.close();
    hub.close();
  }
}
