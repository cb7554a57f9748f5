package dev.eventschema.engine.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an {@link HttpPolicy} to every request before its route sees it, in this order:
 * <ol>
 *   <li>headers larger than {@link HttpPolicy#maxHeaderBytes()}, or more than {@value #MAX_HEADERS}
 *       header lines: {@code 431};
 *   <li>no {@code Host} on HTTP/1.1, or several: {@code 400};
 *   <li>a {@code Host} the {@link HostAllowList} does not hold: {@code 421 Misdirected Request} (the
 *       server does not answer for that name; a DNS-rebinding page gets nothing);
 *   <li>a token is required and not presented: {@code 401} with {@code WWW-Authenticate: Bearer};
 *   <li>the client address already has {@link HttpPolicy#maxRequestsPerClient()} requests in
 *       progress: {@code 429} with {@code Retry-After}.
 * </ol>
 * Then the route runs; an exception it throws is logged and answered {@code 500} when nothing was
 * sent yet. Refusal bodies are short fixed texts: nothing from the request is echoed.
 */
public final class GuardedHandler implements HttpHandler {

  /** More header lines than any legitimate client sends; the JDK itself cuts at 200. */
  static final int MAX_HEADERS = 100;

  private static final Logger LOG = LoggerFactory.getLogger(GuardedHandler.class);

  private final HostAllowList hosts;
  private final Optional<BearerToken> token;
  private final int maxHeaderBytes;
  private final ClientLimiter limiter;
  private final HttpHandler routes;

  public GuardedHandler(HttpPolicy policy, InetAddress bound, HttpHandler routes) {
    this.hosts = HostAllowList.of(policy.allowedHosts(), bound);
    this.token = policy.token().map(BearerToken::of);
    this.maxHeaderBytes = policy.maxHeaderBytes();
    this.limiter = new ClientLimiter(policy.maxRequestsPerClient());
    this.routes = routes;
  }

  private GuardedHandler(GuardedHandler shared, HttpHandler routes) {
    this.hosts = shared.hosts;
    this.token = shared.token;
    this.maxHeaderBytes = shared.maxHeaderBytes;
    this.limiter = shared.limiter;
    this.routes = routes;
  }

  /**
   * The same policy in front of other routes (another context of the same server), sharing the
   * per-client count: a client's requests to every context add up.
   */
  public GuardedHandler guarding(HttpHandler otherRoutes) {
    return new GuardedHandler(this, otherRoutes);
  }

  @Override
  public void handle(HttpExchange exchange) {
    try (exchange) {
      if (!admitted(exchange)) {
        return;
      }
      InetAddress client = exchange.getRemoteAddress().getAddress();
      if (!limiter.tryAcquire(client)) {
        exchange.getResponseHeaders().set("Retry-After", "1");
        HttpResponses.text(exchange, 429, "too many requests in progress from this address (at most "
            + limiter.maxPerClient() + ")\n");
        return;
      }
      try {
        routes.handle(exchange);
      } finally {
        limiter.release(client);
      }
    } catch (IOException e) {
      LOG.debug("client left: {}", e.toString());
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
      if (exchange.getResponseCode() < 0) {
        try {
          HttpResponses.text(exchange, 500, "internal error\n");
        } catch (IOException ignored) {
          // the client left as well
        }
      }
    }
  }

  /** Answers the refusal and returns false when the policy refuses the request. */
  private boolean admitted(HttpExchange exchange) throws IOException {
    Headers headers = exchange.getRequestHeaders();
    if (headerLines(headers) > MAX_HEADERS || headerBytes(headers) > maxHeaderBytes) {
      exchange.getResponseHeaders().set("Connection", "close");
      HttpResponses.text(exchange, 431, "request headers too large (at most " + maxHeaderBytes + " bytes in at most "
          + MAX_HEADERS + " lines)\n");
      return false;
    }
    List<String> host = headers.get("Host");
    if (host == null ? !"HTTP/1.0".equals(exchange.getProtocol()) : host.size() != 1) {
      HttpResponses.text(exchange, 400, "exactly one Host header is required\n");
      return false;
    }
    if (host != null && !hosts.allows(host.get(0))) {
      HttpResponses.text(exchange, 421, "this server does not answer for that host name; use a loopback address,"
          + " localhost, or a name it is configured to allow\n");
      return false;
    }
    if (token.isPresent() && !token.get().matches(headers.getFirst("Authorization"))) {
      exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"eventschema-engine\"");
      HttpResponses.text(exchange, 401, "a bearer token is required: Authorization: Bearer <token>\n");
      return false;
    }
    return true;
  }

  private static int headerLines(Headers headers) {
    return headers.values().stream().mapToInt(List::size).sum();
  }

  /** The size of the header lines as sent, near enough: {@code Name: value\r\n} each. */
  private static long headerBytes(Headers headers) {
    long bytes = 0;
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      for (String value : header.getValue()) {
        bytes += header.getKey().length() + value.length() + 4;
      }
    }
    return bytes;
  }
}
