package dev.eventschema.engine.api.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.eventschema.engine.error.EngineException;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame every API endpoint shares: the request id (echoed), the method check (405 with {@code
 * Allow}), and every failure turned into OpenAI's error shape, so that an endpoint only says what
 * succeeds. Host and token checks are not here: they belong to the server the handler is mounted on.
 */
public final class ApiHandler implements HttpHandler {

  /** One method of one endpoint. */
  @FunctionalInterface
  public interface Endpoint {
    void serve(HttpExchange exchange, String requestId) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final String path;
  private final boolean withId;
  private final Map<String, Endpoint> byMethod;
  private final String allow;

  private ApiHandler(String path, boolean withId, Map<String, Endpoint> byMethod) {
    this.path = Objects.requireNonNull(path, "path");
    this.withId = withId;
    this.byMethod = Map.copyOf(Objects.requireNonNull(byMethod, "byMethod"));
    this.allow = String.join(", ", new java.util.TreeSet<>(byMethod.keySet()));
  }

  /**
   * Serves {@code path} exactly (a server context also matches longer paths: those get 404).
   *
   * @param byMethod the endpoint of each method ({@code GET}, {@code POST}...); {@code HEAD} follows {@code GET}
   */
  public static ApiHandler exact(String path, Map<String, Endpoint> byMethod) {
    return new ApiHandler(path, false, byMethod);
  }

  /** Serves {@code path/ID} (one non-empty segment, read with {@link #idIn}); {@code path} itself gets 404. */
  public static ApiHandler withId(String path, Map<String, Endpoint> byMethod) {
    return new ApiHandler(path, true, byMethod);
  }

  /** The {@code ID} of {@code path/ID} in the exchange's (decoded) path. */
  public static String idIn(HttpExchange exchange, String path) {
    return exchange.getRequestURI().getPath().substring(path.length() + 1);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String requestId = RequestIds.assign(exchange);
      try {
        String requested = exchange.getRequestURI().getPath();
        boolean matches = withId
            ? requested.startsWith(path + "/") && requested.length() > path.length() + 1
                && requested.indexOf('/', path.length() + 1) < 0
            : requested.equals(path);
        if (!matches) {
          throw new ApiError(404, ApiError.INVALID_REQUEST, "no such endpoint: " + requested, null, "not_found", null);
        }
        String method = exchange.getRequestMethod();
        Endpoint endpoint = byMethod.get("HEAD".equals(method) ? "GET" : method);
        if (endpoint == null) {
          exchange.getResponseHeaders().set("Allow", allow);
          throw new ApiError(405, ApiError.INVALID_REQUEST, "method " + method + " is not allowed here; use "
              + allow, null, "method_not_allowed", null);
        }
        endpoint.serve(exchange, requestId);
      } catch (ApiError error) {
        answer(exchange, error);
      } catch (EngineException error) {
        answer(exchange, EngineErrors.toApiError(error, null));
      } catch (IOException clientGone) {
        LOG.debug("request {}: the client left: {}", requestId, clientGone.toString());
      } catch (RuntimeException bug) {
        LOG.warn("request {} to {} failed", requestId, exchange.getRequestURI().getPath(), bug);
        answer(exchange, new ApiError(500, ApiError.SERVER_ERROR, "internal error (request " + requestId + ")",
            null, "internal", null));
      }
    }
  }

  private static void answer(HttpExchange exchange, ApiError error) {
    if (exchange.getResponseCode() != -1) {
      return; // a stream had already begun: the endpoint reported the error in it
    }
    try {
      HttpJson.send(exchange, error);
    } catch (IOException clientGone) {
      LOG.debug("could not send an error: {}", clientGone.toString());
    }
  }
}
