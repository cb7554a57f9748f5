package dev.eventschema.engine.stream;

import com.sun.net.httpserver.HttpHandler;
import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.http.GuardedHttpServer;
import dev.eventschema.engine.http.HttpPolicy;
import dev.eventschema.engine.http.JdkHttpServerSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP server: {@code GET /events} as Server-Sent Events from a {@link StreamHub}
 * (docs/stream-protocol.md), {@code GET /rejections} and {@code GET /health} ({@link StreamRoutes}),
 * on a {@link GuardedHttpServer}, which applies the engine's one {@link HttpPolicy} (Host allow-list,
 * bearer token, header limits, per-client cap) before any route runs.
 *
 * <p>Security: loopback by default; with a bearer token every endpoint requires it; a non-loopback
 * address is refused without a token unless {@link StreamSettings#allowRemoteWithoutToken()}, which warns and
 * still checks {@code Host}. Payloads are JSON written by Jackson, never interpreted.
 */
public final class StreamServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

  private final StreamSettings settings;
  private final StreamRoutes routes;
  private final GuardedHttpServer server;
  private final URI baseUri;
  private volatile boolean closed;

  private StreamServer(StreamSettings settings, StreamRoutes routes, GuardedHttpServer server) {
    this.settings = settings;
    this.routes = routes;
    this.server = server;
    String host = address(settings.hostOrDefault()).getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.baseUri = URI.create("http://" + host + ":" + server.port() + "/");
  }

  /**
   * Starts a server.
   *
   * @param health the body of {@code GET /health}, encoded as JSON
   * @param rejections the body of {@code GET /rejections}: recent rejections, newest last
   * @throws EngineException {@code INVALID_CONFIG} for a non-loopback address without a token (unless
   *     allowed) or a bad token; {@code RUNTIME_ERROR} if the port cannot be bound (the message names it)
   */
  public static StreamServer start(StreamSettings settings, StreamHub hub, Supplier<?> health,
      Supplier<? extends List<?>> rejections) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(hub, "hub");
    checkSecurity(settings);
    // process-wide: the JDK server reads them once, when the first server of the JVM starts
    JdkHttpServerSettings.configure(settings.headerTimeoutSecondsOrDefault(), settings.maxConnectionsOrDefault());
    StreamRoutes routes = new StreamRoutes(hub, health, rejections, settings.maxClientsOrDefault(),
        settings.heartbeat().toNanos());
    String host = settings.hostOrDefault();
    int port = settings.portOrDefault();
    try {
      return new StreamServer(settings, routes,
          GuardedHttpServer.start("stream", address(host), port, policy(settings), routes));
    } catch (IOException e) {
      throw new EngineException(ErrorCode.RUNTIME_ERROR, "cannot serve the event stream on " + host + ":" + port
          + ": " + e.getMessage(), Map.of("host", host, "port", port), e);
    }
  }

  /** The port bound (the real one when {@link StreamSettings#port()} was 0). */
  public int port() {
    return server.port();
  }

  /** {@code http://host:port/}: the events are at {@code baseUri().resolve("events")}. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Serves {@code handler} at {@code path} and below on this server's port, behind the same policy
   * as the stream (Host allow-list, token, header limits, per-client cap): how {@code serve} adds the
   * HTTP API.
   */
  public void mount(String path, HttpHandler handler) {
    server.mount(path, handler);
  }

  /** Streaming clients connected now. */
  public int streamingClients() {
    return routes.streamingClients();
  }

  public StreamSettings settings() {
    return settings;
  }

  /**
   * Ends every stream once its queued frames are written (waiting at most two seconds), then stops
   * the server and its threads. Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      routes.close(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
  }

  /** The policy every request to this server (and to {@code /metrics} beside it) must pass. */
  public static HttpPolicy policy(StreamSettings settings) {
    return new HttpPolicy(settings.token(), settings.allowedHosts(), HttpPolicy.DEFAULT_MAX_HEADER_BYTES,
        settings.maxRequestsPerClientOrDefault());
  }

  /**
   * Refuses a non-loopback address without a token, unless explicitly allowed, and then warns (the
   * {@code Host} check still applies); binds nothing. This rule joins two settings, so the schema
   * cannot state it.
   *
   * @throws EngineException {@code INVALID_CONFIG} naming the address
   */
  public static void checkSecurity(StreamSettings settings) {
    String host = settings.hostOrDefault();
    if (address(host).isLoopbackAddress() || settings.token().isPresent()) {
      return;
    }
    if (!settings.allowRemoteWithoutTokenOrDefault()) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "refusing to serve the event stream on non-loopback address "
          + host + " without a token: set a token (--token, stream.token), or force it with"
          + " --allow-remote-without-token", Map.of("host", host));
    }
    LOG.warn("serving on non-loopback address {} WITHOUT a token (--allow-remote-without-token): anyone who can"
        + " reach it can read the stream; only Host names localhost, loopback literals, {}{} are answered", host, host,
        settings.allowedHosts().isEmpty() ? "" : ", " + String.join(", ", settings.allowedHosts()));
  }

  /** The address to bind. */
  static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "unknown stream host '" + host + "'", Map.of("host", host), e);
    }
  }
}
