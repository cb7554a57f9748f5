package dev.eventschema.engine.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Complete responses on a JDK {@link HttpExchange}, for {@code GET} and {@code HEAD} alike: a
 * {@code HEAD} gets the same status and headers, {@code Content-Length} included, and no body.
 */
public final class HttpResponses {

  public static final String TEXT = "text/plain; charset=utf-8";
  public static final String JSON = "application/json";
  public static final String ALLOW_GET = "GET, HEAD";

  private HttpResponses() {}

  /** Whether the request is a {@code HEAD}. */
  public static boolean isHead(HttpExchange exchange) {
    return "HEAD".equals(exchange.getRequestMethod());
  }

  /**
   * Answers {@code 405} with {@code Allow: GET, HEAD} unless the method is one of them.
   *
   * @return whether the request may go on
   */
  public static boolean allowGetOrHead(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", ALLOW_GET);
    text(exchange, 405, "only GET and HEAD\n");
    return false;
  }

  public static void text(HttpExchange exchange, int status, String body) throws IOException {
    send(exchange, status, TEXT, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code body}, or only its length for a {@code HEAD}. */
  public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if (isHead(exchange)) {
      // the JDK sends no Content-Length for HEAD by itself: say what a GET would get
      exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }
}
