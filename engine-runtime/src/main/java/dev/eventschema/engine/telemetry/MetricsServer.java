package dev.eventschema.engine.telemetry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves {@code GET /metrics} (Prometheus text, or OpenMetrics when the scraper asks for it) from a
 * JDK {@link HttpServer} with an executor of its own, so that a slow scrape never runs on the
 * server's dispatcher thread.
 */
final class MetricsServer implements AutoCloseable {

  static final String PATH = "/metrics";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final HttpServer server;
  private final ExecutorService executor;

  private MetricsServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Binds {@code address:port} and starts serving.
   *
   * @throws EngineException with code {@code RUNTIME_ERROR}, naming the port, when it cannot be bound
   *     (in use, or the address is not local)
   */
  static MetricsServer start(PrometheusMeterRegistry registry, InetAddress address, int port) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 0);
    } catch (IOException failure) {
      // Mostly a BindException: the port is in use, or the address is not one of this machine's
      throw new EngineException(ErrorCode.RUNTIME_ERROR, "Cannot bind port " + port + " on "
          + address.getHostAddress() + " to serve " + PATH + ": " + failure.getMessage()
          + " (set prometheusPort to a free port)", Map.of("port", port, "bindAddress", address.getHostAddress()),
          failure);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2, task -> Thread.ofPlatform().daemon()
        .name("eventschema-metrics-http-" + THREAD_NUMBER.incrementAndGet()).unstarted(task));
    server.setExecutor(executor);
    server.createContext(PATH, exchange -> handle(registry, exchange));
    server.start();
    return new MetricsServer(server, executor);
  }

  /** The port actually bound. */
  int port() {
    return server.getAddress().getPort();
  }

  private static void handle(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestURI().getPath().equals(PATH)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.getResponseHeaders().set("Allow", "GET");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      String contentType = accept != null && accept.contains("application/openmetrics-text")
          ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
      ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
      registry.scrape(body, contentType);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(200, body.size());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
