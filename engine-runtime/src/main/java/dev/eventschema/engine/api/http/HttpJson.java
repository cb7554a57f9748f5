package dev.eventschema.engine.api.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reading JSON request bodies (bounded, strict) and writing JSON answers. */
public final class HttpJson {

  /** The largest request body read; a larger one gets 413 without being read to its end. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"a":1,"a":2} is ambiguous: refuse it
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private HttpJson() {}

  /**
   * The body as a JSON object.
   *
   * @throws ApiError 413 when over {@link #MAX_BODY_BYTES}, 400 when not a JSON object
   */
  public static Map<String, Object> readObject(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiError(413, ApiError.INVALID_REQUEST, "the request body is larger than " + MAX_BODY_BYTES
          + " bytes", null, "body_too_large", null);
    }
    Object parsed;
    try {
      parsed = JSON.readValue(body, Object.class);
    } catch (JacksonException notJson) {
      String reason = notJson.getOriginalMessage();
      throw ApiError.invalidRequest(null, "invalid_json", "the body must be a JSON object, was not JSON ("
          + (reason.length() > 200 ? reason.substring(0, 200) + "..." : reason) + ")");
    }
    if (!(parsed instanceof Map<?, ?>)) {
      throw ApiError.invalidRequest(null, "invalid_type", "the body must be a JSON object");
    }
    @SuppressWarnings("unchecked") // Jackson reads JSON objects as maps with String keys
    Map<String, Object> object = (Map<String, Object>) parsed;
    return object;
  }

  /** Encodes {@code value} as JSON bytes. */
  public static byte[] encode(Object value) {
    try {
      return JSON.writeValueAsBytes(value);
    } catch (JacksonException e) {
      throw new IllegalStateException("cannot encode an answer as JSON", e);
    }
  }

  /** Answers {@code status} with {@code body} as JSON. */
  public static void send(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = encode(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.getResponseHeaders().set("Content-Length", String.valueOf(bytes.length));
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Answers with the error's status, body and {@code Retry-After}. */
  public static void send(HttpExchange exchange, ApiError error) throws IOException {
    if (error.retryAfterSeconds() != null) {
      exchange.getResponseHeaders().set("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }
    send(exchange, error.status(), error.body());
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
