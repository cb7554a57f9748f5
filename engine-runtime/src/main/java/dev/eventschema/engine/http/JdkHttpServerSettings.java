package dev.eventschema.engine.http;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JVM-wide settings of the JDK's HTTP server ({@code com.sun.net.httpserver}) that the engine's
 * servers depend on.
 *
 * <p>The JDK server reads them from system properties once, when the first server of the process is
 * made ({@code sun.net.httpserver.ServerConfig}, the same in JDK 21 and 25), and applies them to every
 * server of the process:
 * <ul>
 *   <li>{@code sun.net.httpserver.maxRspTime} (seconds): a response that lasts longer is cut. It must
 *       stay unlimited ({@code -1}) for the event stream, but the Prometheus client's
 *       {@code HTTPServer} sets it to 600 when its class loads and finds it unset; so it is set to -1
 *       here first.
 *   <li>{@code sun.net.httpserver.maxReqTime} (seconds): the time from a request's first byte until
 *       its headers (and body, if any) are read; a connection still reading after that is closed,
 *       which frees the handler thread blocked on it. This bounds half-sent requests. It never
 *       touches a response, so streams are not cut. A connection that sends nothing at all is closed
 *       after the smaller of this and {@code idleInterval}, checked every {@code clockTick}.
 *   <li>{@code jdk.httpserver.maxConnections}: connections open at once per server; one more is
 *       closed at accept.
 *   <li>{@code sun.net.httpserver.maxReqHeaderSize} (bytes, JDK 21.0.3 and later) and
 *       {@code sun.net.httpserver.maxReqHeaders}: past them the JDK closes the connection without an
 *       answer. They are set above {@link HttpPolicy#maxHeaderBytes()}, so that headers a little too
 *       large get a {@code 431} from the {@link GuardedHandler}, and only absurd ones are cut.
 * </ul>
 * A value the user set on the command line ({@code -D}) is kept. Values asked for after the first
 * server was made cannot take effect; a warning says so.
 */
public final class JdkHttpServerSettings {

  public static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";
  public static final String MAX_REQ_TIME = "sun.net.httpserver.maxReqTime";
  public static final String MAX_CONNECTIONS = "jdk.httpserver.maxConnections";
  public static final String MAX_REQ_HEADER_SIZE = "sun.net.httpserver.maxReqHeaderSize";
  public static final String MAX_REQ_HEADERS = "sun.net.httpserver.maxReqHeaders";
  public static final String CLOCK_TICK = "sun.net.httpserver.clockTick";

  /** Seconds to read a request's headers, unless configured. */
  public static final int DEFAULT_HEADER_TIMEOUT_SECONDS = 10;
  /** Connections open at once per server, unless configured. */
  public static final int DEFAULT_MAX_CONNECTIONS = 512;
  /** Past this the JDK closes the connection; up to it, {@link GuardedHandler} answers 431. */
  static final int HARD_MAX_HEADER_BYTES = 256 * 1024;
  static final int HARD_MAX_HEADERS = 200;

  private static final Logger LOG = LoggerFactory.getLogger(JdkHttpServerSettings.class);
  private static Map<String, String> applied;

  static {
    ensureStreamFriendly();
  }

  private JdkHttpServerSettings() {}

  /** Sets the response time limit to unlimited, warning if something had set a limit. Idempotent. */
  public static synchronized void ensureStreamFriendly() {
    String value = System.getProperty(MAX_RSP_TIME);
    if (value != null && !isUnlimited(value)) {
      LOG.warn("{} was {} s; the event stream needs it unlimited, setting it to -1 (if an HTTP server was"
          + " already created in this JVM, the old limit stays and clients resume with Last-Event-ID)",
          MAX_RSP_TIME, value);
    }
    if (!"-1".equals(value)) {
      System.setProperty(MAX_RSP_TIME, "-1");
    }
  }

  /** Applies the defaults, unless something was applied before. */
  public static synchronized void ensureConfigured() {
    if (applied == null) {
      configure(DEFAULT_HEADER_TIMEOUT_SECONDS, DEFAULT_MAX_CONNECTIONS);
    }
  }

  /**
   * Sets the limits every JDK HTTP server of this JVM will have, before the first is made. Called
   * again with other values, it warns that the first ones stay (the JDK read them already).
   *
   * @param headerTimeoutSeconds the time to read a request's headers, at least 1
   * @param maxConnections connections open at once per server, at least 1
   */
  public static synchronized void configure(int headerTimeoutSeconds, int maxConnections) {
    if (headerTimeoutSeconds < 1 || maxConnections < 1) {
      throw new IllegalArgumentException("headerTimeoutSeconds and maxConnections must be >= 1, were "
          + headerTimeoutSeconds + " and " + maxConnections);
    }
    ensureStreamFriendly();
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(MAX_REQ_TIME, String.valueOf(headerTimeoutSeconds));
    wanted.put(MAX_CONNECTIONS, String.valueOf(maxConnections));
    wanted.put(MAX_REQ_HEADER_SIZE, String.valueOf(HARD_MAX_HEADER_BYTES));
    wanted.put(MAX_REQ_HEADERS, String.valueOf(HARD_MAX_HEADERS));
    wanted.put(CLOCK_TICK, "1000"); // notice silent connections within a second of their deadline
    if (applied != null) {
      if (!applied.equals(wanted)) {
        LOG.warn("the JDK HTTP server limits of this JVM were set already ({}); {} cannot take effect", applied, wanted);
      }
      return;
    }
    Map<String, String> effective = new LinkedHashMap<>();
    wanted.forEach((key, value) -> {
      String given = System.getProperty(key);
      if (given == null) {
        System.setProperty(key, value);
      }
      effective.put(key, given == null ? value : given);
    });
    applied = wanted;
    LOG.debug("JDK HTTP server limits: {}", effective);
  }

  /** The connection cap in force (per server), as the JDK reads it; unlimited is {@link Integer#MAX_VALUE}. */
  public static synchronized int maxConnections() {
    ensureConfigured();
    try {
      int value = Integer.parseInt(System.getProperty(MAX_CONNECTIONS, "-1").trim());
      return value > 0 ? value : Integer.MAX_VALUE;
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }

  /** Whether the property now asks the JDK server to limit response times. */
  public static boolean responseTimeLimited() {
    String value = System.getProperty(MAX_RSP_TIME);
    return value != null && !isUnlimited(value);
  }

  private static boolean isUnlimited(String value) {
    try {
      return Long.parseLong(value.trim()) <= 0;
    } catch (NumberFormatException e) {
      return true; // the JDK falls back to its default, unlimited, for a value it cannot read
    }
  }
}
