package dev.eventschema.engine.stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.eventschema.engine.http.HttpResponses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The stream server's endpoints, behind the shared HTTP policy: {@code /events} (SSE, at most
 * {@code maxClients} at once, one more is answered 503), {@code /health} and {@code /rejections}
 * (JSON). Each answers {@code GET} and {@code HEAD}; a {@code HEAD} of {@code /events} gets the
 * stream's headers and no stream.
 */
final class StreamRoutes implements HttpHandler {

  private final StreamHub hub;
  private final Supplier<?> health;
  private final Supplier<? extends List<?>> rejections;
  private final int maxClients;
  private final long heartbeatNanos;
  private final Semaphore streamSlots;
  private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  StreamRoutes(StreamHub hub, Supplier<?> health, Supplier<? extends List<?>> rejections, int maxClients,
      long heartbeatNanos) {
    this.hub = hub;
    this.health = health;
    this.rejections = rejections;
    this.maxClients = maxClients;
    this.heartbeatNanos = heartbeatNanos;
    this.streamSlots = new Semaphore(maxClients);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (!path.equals("/events") && !path.equals("/rejections") && !path.equals("/health")) {
      HttpResponses.text(exchange, 404, "not found; try /events, /rejections or /health\n");
      return;
    }
    if (!HttpResponses.allowGetOrHead(exchange)) {
      return;
    }
    switch (path) {
      case "/events" -> stream(exchange);
      case "/rejections" -> json(exchange, rejections.get());
      default -> json(exchange, health.get());
    }
  }

  int streamingClients() {
    return sessions.size();
  }

  /** Ends every stream once its queued frames are written; waits at most {@code millis} for them. */
  void close(long millis) throws InterruptedException {
    closed = true;
    for (ClientSession session : sessions) {
      session.close();
    }
    if (streamSlots.tryAcquire(maxClients, millis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      streamSlots.release(maxClients);
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    if (HttpResponses.isHead(exchange)) {
      SseWriter.streamHeaders(exchange);
      exchange.sendResponseHeaders(200, -1);
      return;
    }
    if (closed || !streamSlots.tryAcquire()) {
      exchange.getResponseHeaders().set("Retry-After", "5");
      HttpResponses.text(exchange, 503, "too many stream clients (at most " + maxClients + ")\n");
      return;
    }
    ClientSession session = null;
    try {
      session = hub.connect(lastEventId(exchange.getRequestHeaders()));
      sessions.add(session);
      if (closed) {
        session.close();
      }
      SseWriter.write(exchange, session, hub, heartbeatNanos);
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

  private static void json(HttpExchange exchange, Object body) throws IOException {
    exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    HttpResponses.send(exchange, 200, HttpResponses.JSON, StreamHub.encode(body).getBytes(StandardCharsets.UTF_8));
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
}
