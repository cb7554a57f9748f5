package dev.eventschema.engine.api.http;

import com.sun.net.httpserver.HttpExchange;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The {@code x-request-id} of an exchange: the client's, when it is a sane token, else a fresh one.
 * It is echoed in the response and carried in {@code generationStarted}'s {@code metadata.requestId}.
 */
public final class RequestIds {

  public static final String HEADER = "x-request-id";

  /** What a client's id may look like: a header value that cannot smuggle anything into a log. */
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:/+=-]{1,128}");

  private RequestIds() {}

  /** The client's id if sane, else a new {@code req-} followed by 16 hex digits; echoed at once. */
  public static String assign(HttpExchange exchange) {
    String given = exchange.getRequestHeaders().getFirst(HEADER);
    String id = given != null && SANE.matcher(given).matches() ? given : fresh();
    exchange.getResponseHeaders().set(HEADER, id);
    return id;
  }

  static String fresh() {
    return "req-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
