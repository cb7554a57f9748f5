package dev.eventschema.engine.stream;

import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.engine.telemetry.TelemetryBridge;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live stream of one engine: a {@link StreamHub} fed with every accepted event, every rejection
 * and every telemetry snapshot, served by a {@link StreamServer}.
 *
 * <p>The hub is fed synchronously from the emitter (its work is an encoding and a few queue offers,
 * and it never waits on a client), so nothing the engine emits is lost before it reaches the clients'
 * queues, and the final {@code shutdown} status is on its way to them as soon as it is emitted.
 */
public final class EventStream implements AutoCloseable {

  private final StreamHub hub;
  private final StreamServer server;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private volatile Engine engine;
  private volatile EngineEventEmitter emitter;

  private EventStream(StreamHub hub, StreamServer server) {
    this.hub = hub;
    this.server = server;
  }

  /**
   * Starts serving the stream of {@code engine}.
   *
   * @param telemetry its snapshots go on the stream, when present and enabled
   * @throws dev.eventschema.engine.error.EngineException {@code INVALID_CONFIG} for an unsafe or bad server
   *     option, {@code RUNTIME_ERROR} when the port cannot be bound
   */
  public static EventStream start(StreamSettings settings, Engine engine, Optional<TelemetryBridge> telemetry) {
    Objects.requireNonNull(engine, "engine");
    EventStream stream = start(settings, engine.emitter(), telemetry);
    stream.attach(engine);
    return stream;
  }

  /**
   * Starts serving what {@code emitter} publishes, before the engine exists (so that the stream holds
   * the engine's very first status); {@link #attach} the engine for {@code /health}.
   */
  public static EventStream start(StreamSettings settings, EngineEventEmitter emitter,
      Optional<TelemetryBridge> telemetry) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(emitter, "emitter");
    Objects.requireNonNull(telemetry, "telemetry");
    StreamServer.checkSecurity(settings); // before anything is subscribed
    StreamHub hub = new StreamHub(settings.historySizeOrDefault(), settings.clientQueueOrDefault(),
        emitter.subscriberStats());
    EventStream[] self = new EventStream[1];
    StreamServer server = StreamServer.start(settings, hub, () -> self[0] == null ? Map.of("status", "starting") : self[0].health(), () -> rejections(emitter));
    EventStream stream = new EventStream(hub, server);
    self[0] = stream;
    stream.subscriptions.add(emitter.subscribe(event -> hub.publish(SseFrame.EVENT, event.envelope())));
    stream.subscriptions.add(emitter.subscribeRejections(
        rejection -> hub.publish(SseFrame.REJECTION, rejection.toEnvelope())));
    telemetry.ifPresent(bridge -> stream.subscriptions.add(bridge.subscribeSnapshots(snapshot -> hub.publish(
        SseFrame.TELEMETRY, TelemetrySnapshotValidator.INSTANCE.eventName(), Optional.empty(),
        TelemetrySnapshotValidator.INSTANCE.toMap(snapshot), Instant.now()))));
    stream.emitter = emitter;
    return stream;
  }

  /** The engine whose state {@code GET /health} reports. */
  public void attach(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  public StreamHub hub() {
    return hub;
  }

  public StreamServer server() {
    return server;
  }

  /** {@code http://127.0.0.1:port/}. */
  public URI baseUri() {
    return server.baseUri();
  }

  public int port() {
    return server.port();
  }

  /**
   * Stops feeding the hub, lets every client receive what it has queued (the engine's last messages,
   * if the engine was closed first), then stops the server. Idempotent.
   */
  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
    subscriptions.clear();
    hub.close();
    server.close();
  }

  private Map<String, Object> health() {
    Map<String, Object> health = new LinkedHashMap<>();
    Engine current = engine;
    if (current == null) {
      health.put("status", "starting");
    } else {
      RuntimeStatusEvent status = current.status();
      health.put("status", status.status().name().toLowerCase(java.util.Locale.ROOT));
      health.put("modelsLoaded", status.modelsLoaded());
      health.put("activeTasks", status.activeTasks().orElse(0));
      health.put("requestsRunning", current.runningGenerations());
      health.put("requestsWaiting", current.waitingGenerations());
      health.put("models", List.copyOf(current.loadedModels().keySet()));
    }
    health.put("streamClients", hub.clientCount());
    health.put("lastSeq", hub.lastSeq());
    health.put("droppedFrames", hub.droppedFrames());
    EngineEventEmitter source = emitter;
    health.put("rejections", source == null ? 0 : source.rejectionLog().total());
    return health;
  }

  private static List<Map<String, Object>> rejections(EngineEventEmitter emitter) {
    List<Map<String, Object>> recent = new ArrayList<>();
    for (RejectedPayload rejection : emitter.rejectionLog().recent()) {
      recent.add(RejectionRecordValidator.INSTANCE.toMap(rejection.toRecord()));
    }
    return recent;
  }
}
