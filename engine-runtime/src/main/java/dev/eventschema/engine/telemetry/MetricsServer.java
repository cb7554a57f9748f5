package dev.eventschema.engine.telemetry;

import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.http.GuardedHttpServer;
import dev.eventschema.engine.http.HttpPolicy;
import dev.eventschema.engine.http.HttpResponses;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;

/**
 * Serves {@code GET /metrics} (and {@code HEAD}): Prometheus text, or OpenMetrics when the scraper
 * asks for it, on a {@link GuardedHttpServer}, so that it follows the same {@link HttpPolicy} as the
 * event stream (Host allow-list, bearer token, header limits, per-client cap).
 */
final class MetricsServer implements AutoCloseable {

  static final String PATH = "/metrics";
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  static final String OPENMETRICS_TEXT = "application/openmetrics-text; version=1.0.0; charset=utf-8";

  private final GuardedHttpServer server;

  private MetricsServer(GuardedHttpServer server) {
    this.server = server;
  }

  /**
   * Binds {@code address:port} and starts serving.
   *
   * @throws EngineException with code {@code RUNTIME_ERROR}, naming the port, when it cannot be bound
   *     (in use, or the address is not local)
   */
  static MetricsServer start(PrometheusMeterRegistry registry, InetAddress address, int port, HttpPolicy policy) {
    try {
      return new MetricsServer(GuardedHttpServer.start("metrics", address, port, policy,
          exchange -> handle(registry, exchange)));
    } catch (IOException failure) {
      // Mostly a BindException: the port is in use, or the address is not one of this machine's
      throw new EngineException(ErrorCode.RUNTIME_ERROR, "Cannot bind port " + port + " on "
          + address.getHostAddress() + " to serve " + PATH + ": " + failure.getMessage()
          + " (set prometheusPort to a free port)", Map.of("port", port, "bindAddress", address.getHostAddress()),
          failure);
    }
  }

  /** The port actually bound. */
  int port() {
    return server.port();
  }

  private static void handle(PrometheusMeterRegistry registry, HttpExchange exchange) throws IOException {
    if (!exchange.getRequestURI().getPath().equals(PATH)) {
      HttpResponses.text(exchange, 404, "not found; try " + PATH + "\n");
      return;
    }
    if (!HttpResponses.allowGetOrHead(exchange)) {
      return;
    }
    String accept = exchange.getRequestHeaders().getFirst("Accept");
    String contentType = accept != null && accept.contains("application/openmetrics-text")
        ? OPENMETRICS_TEXT : PROMETHEUS_TEXT;
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    registry.scrape(body, contentType);
    HttpResponses.send(exchange, 200, contentType, body.toByteArray());
  }

  @Override
  public void close() {
    server.close();
  }
}
