package dev.eventschema.monitor.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** An engine's address as a user types it: checked with a reason in words, then parsed. */
public final class EngineAddress {

  private EngineAddress() {}

  /** Why {@code text} is not an engine address, in words; {@code null} if it is one. */
  public static String check(String text) {
    if (text == null || text.isBlank()) {
      return "Enter the engine's address, such as http://127.0.0.1:8080/";
    }
    URI uri;
    try {
      uri = new URI(withScheme(text.trim()));
    } catch (URISyntaxException e) {
      return "This is not a valid address: " + e.getReason() + ".";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "The address must start with http:// or https://.";
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      return "The address needs a host, such as 127.0.0.1.";
    }
    if (uri.getPort() == -1 && scheme.equals("http")) {
      return "Add the engine's port, such as http://" + uri.getHost() + ":8080/.";
    }
    return null;
  }

  /** The URI of a checked address ({@code http://} added when no scheme was typed). */
  public static URI parse(String text) {
    return URI.create(withScheme(text.trim()));
  }

  private static String withScheme(String text) {
    return text.contains("://") ? text : "http://" + text;
  }
}
