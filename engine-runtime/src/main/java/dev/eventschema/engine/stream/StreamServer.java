package dev.eventschema.engine.stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's HTTP server (the JDK's {@code com.sun.net.httpserver}): {@code GET /events} as
 * Server-Sent Events from a {@link StreamHub} (docs/stream-protocol.md), {@code GET /rejections} and
 * {@code GET /health}.
 *
 * <p>Each streaming client gets one thread of a bounded pool (at most {@link StreamSettings#maxClients()}
 * streams; one more is answered 503), which writes the frames of its bounded queue and a heartbeat
 * comment when nothing else was sent for {@link StreamSettings#heartbeatMs()}. A client that leaves is noticed
 * at the next write and forgotten.
 *
 * <p>Security: loopback by default; with a bearer token every endpoint requires {@code Authorization:
 * Bearer <token>} (401 otherwise, compared in constant time); a non-loopback address is refused without
 * a token unless {@link StreamSettings#allowRemoteWithoutToken()}. Without a token, a request whose {@code
 * Host} is not a loopback name is refused (403), so that a web page cannot reach the server through
 * DNS rebinding. Payloads are JSON written by Jackson, never interpreted.
 */
public final class StreamServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);
  private static final AtomicInteger SERVERS = new AtomicInteger();
  private static final byte[] PREAMBLE = ": connected\nretry: 1000\n\n".getBytes(StandardCharsets.US_ASCII);
  /** Short requests beside the streams: /health, /rejections, refusals. */
  private static final int SPARE_THREADS = 4;

  private final StreamSettings settings;
  private final StreamHub hub;
  private final Supplier<?> health;
  private final Supplier<? extends List<?>> rejections;
  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final Semaphore streamSlots;
  private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
  private final byte[] expectedAuthorization;
  private final URI baseUri;
  private final InetAddress address;
  private volatile boolean closed;

  private StreamServer(StreamSettings settings, StreamHub hub, Supplier<?> health,
      Supplier<? extends List<?>> rejections) throws IOException {
    this.settings = settings;
    this.hub = hub;
    this.health = health;
    this.rejections = rejections;
    this.streamSlots = new Semaphore(settings.maxClientsOrDefault());
    this.expectedAuthorization = settings.token()
        .map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8)).orElse(null);
    int serverNumber = SERVERS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "engine-stream-" + serverNumber + "-" + threads.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    int poolSize = settings.maxClientsOrDefault() + SPARE_THREADS;
    this.executor = new ThreadPoolExecutor(poolSize, poolSize, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(256), factory, new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    this.address = address(settings.hostOrDefault());
    this.server = HttpServer.create(new InetSocketAddress(address, settings.portOrDefault()), 64);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    this.baseUri = URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
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
    JdkHttpServerSettings.ensureStreamFriendly();
    try {
      return new StreamServer(settings, hub, health, rejections);
    } catch (IOException e) {
      throw new EngineException(ErrorCode.RUNTIME_ERROR, "cannot serve the event stream on "
          + settings.hostOrDefault() + ":" + settings.portOrDefault() + ": " + e.getMessage(),
          Map.of("host", settings.hostOrDefault(), "port", settings.portOrDefault()), e);
    }
  }

  /** The port bound (the real one when {@link StreamSettings#port()} was 0). */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port/}: the events are at {@code baseUri().resolve("events")}. */
  public URI baseUri() {
    return baseUri;
  }

  /** Streaming clients connected now. */
  public int streamingClients() {
    return sessions.size();
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
    for (ClientSession session : sessions) {
      session.close();
    }
    try {
      if (streamSlots.tryAcquire(settings.maxClientsOrDefault(), 2, TimeUnit.SECONDS)) {
        streamSlots.release(settings.maxClientsOrDefault());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("stream server threads still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!hostAllowed(exchange)) {
        sendText(exchange, 403, "forbidden host\n");
        return;
      }
      if (!authorized(exchange)) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"eventschema-engine\"");
        sendText(exchange, 401, "a bearer token is required: Authorization: Bearer <token>\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      if (!path.equals("/events") && !path.equals("/rejections") && !path.equals("/health")) {
        sendText(exchange, 404, "not found; try /events, /rejections or /health\n");
        return;
      }
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        sendText(exchange, 405, "only GET\n");
        return;
      }
      switch (path) {
        case "/events" -> stream(exchange);
        case "/rejections" -> sendJson(exchange, rejections.get());
        default -> sendJson(exchange, health.get());
      }
    } catch (IOException e) {
      LOG.debug("client left: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("request {} failed", exchange.getRequestURI(), e);
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    if (closed || !streamSlots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      sendText(exchange, 503, "too many stream clients (at most " + settings.maxClientsOrDefault() + ")\n");
      return;
    }
    ClientSession session = null;
    try {
      session = hub.connect(lastEventId(exchange.getRequestHeaders()));
      sessions.add(session);
      if (closed) {
        session.close();
      }
      Headers headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "text/event-stream; charset=utf-8");
      headers.set("Cache-Control", "no-cache");
      headers.set("X-Content-Type-Options", "nosniff");
      headers.set("X-Accel-Buffering", "no");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(PREAMBLE);
      out.flush();
      long heartbeatNanos = settings.heartbeat().toNanos();
      while (true) {
        SseFrame frame = session.next(heartbeatNanos, hub::droppedFrame);
        if (frame == ClientSession.END) {
          break;
        }
        if (frame == null) {
          out.write(SseFrame.HEARTBEAT);
          out.flush();
          continue;
        }
        out.write(frame.bytes());
        // write what is already queued, then flush once
        for (int i = 0; i < 256; i++) {
          SseFrame more = session.next(0, hub::droppedFrame);
          if (more == null || more == ClientSession.END) {
            if (more == ClientSession.END) {
              out.flush();
              return;
            }
            break;
          }
          out.write(more.bytes());
        }
        out.flush();
      }
      out.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (session != null) {
        sessions.remove(session);
        hub.disconnect(session);
      }
      streamSlots.release();
    }
  }

  private boolean authorized(HttpExchange exchange) {
    if (expectedAuthorization == null) {
      return true;
    }
    String given = exchange.getRequestHeaders().getFirst("Authorization");
    return given != null && MessageDigest.isEqual(expectedAuthorization, given.getBytes(StandardCharsets.UTF_8));
  }

  /** Without a token, only loopback names may be asked for (DNS-rebinding defence). */
  private boolean hostAllowed(HttpExchange exchange) {
    if (expectedAuthorization != null || !address.isLoopbackAddress()) {
      return true;
    }
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null) {
      return true; // HTTP/1.0; browsers always send Host
    }
    String name = host.startsWith("[") ? host.substring(0, Math.max(host.indexOf(']') + 1, 1))
        : host.contains(":") ? host.substring(0, host.indexOf(':')) : host;
    name = name.toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
  }

  private static OptionalLong lastEventId(Headers headers) {
    String value = headers.getFirst("Last-Event-ID");
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  private static void sendJson(HttpExchange exchange, Object body) throws IOException {
    byte[] bytes = StreamHub.encode(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sendText(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * Refuses a non-loopback address without a token, unless explicitly allowed; binds nothing. This
   * rule joins two settings, so the schema cannot state it.
   *
   * @throws EngineException {@code INVALID_CONFIG} naming the address
   */
  public static void checkSecurity(StreamSettings settings) {
    String host = settings.hostOrDefault();
    if (!address(host).isLoopbackAddress() && settings.token().isEmpty()
        && !settings.allowRemoteWithoutTokenOrDefault()) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "refusing to serve the event stream on non-loopback address "
          + host + " without a token: set a token (--token, stream.token), or force it with"
          + " --allow-remote-without-token", Map.of("host", host));
    }
  }

  /** The address to bind. */
  private static InetAddress address(String host) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "unknown stream host '" + host + "'", Map.of("host", host), e);
    }
  }
}
