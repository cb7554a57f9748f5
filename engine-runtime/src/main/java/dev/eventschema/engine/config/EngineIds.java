package dev.eventschema.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default engine id: this machine's host name, made to fit the id's rules. */
final class EngineIds {

  /** The id when the host name has nothing usable. */
  static final String FALLBACK = "engine";

  private EngineIds() {}

  static String hostName() {
    try {
      return fromHostName(InetAddress.getLocalHost().getHostName());
    } catch (UnknownHostException | SecurityException e) {
      return FALLBACK;
    }
  }

  /** {@code name} with every character the id does not allow made a '-', cut to 128 characters. */
  static String fromHostName(String name) {
    String id = name.replaceAll("[^A-Za-z0-9._~-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
    id = id.length() > 128 ? id.substring(0, 128) : id;
    return id.isEmpty() ? FALLBACK : id;
  }
}
