package dev.eventschema.engine.stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the JVM-wide setting of the JDK's HTTP server ({@code com.sun.net.httpserver}) that a
 * long-lived event stream depends on.
 *
 * <p>The JDK server reads {@code sun.net.httpserver.maxRspTime} (seconds) once, when the first server
 * of the process is made, and from then on closes every response that lasts longer, whichever server
 * it belongs to. It is unlimited by default, but the Prometheus client's {@code HTTPServer} sets it to
 * 600 when its class is loaded and finds it unset: an SSE stream would be cut every ten minutes. So
 * the engine sets it to {@code -1} (unlimited) before it starts any server (this class's static
 * initializer, and {@link #ensureStreamFriendly()} which the engine, the stream server and the command
 * line call first); the Prometheus server then finds it set and leaves it alone. If some other code
 * set a limit and the JDK server had already read it, streams are cut at that limit and clients
 * resume with {@code Last-Event-ID}, losing nothing the history still holds; a warning says so.
 */
public final class JdkHttpServerSettings {

  /** The JDK property: seconds a response may take before its connection is closed; -1 = unlimited. */
  public static final String MAX_RSP_TIME = "sun.net.httpserver.maxRspTime";

  private static final Logger LOG = LoggerFactory.getLogger(JdkHttpServerSettings.class);

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
