package dev.eventschema.engine.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tag values of the message types of a runtime's rejected messages ({@code stream.chunk},
 * {@code stream.stats}, {@code stream.event}, {@code response}, {@code unknown}). The runtime
 * protocol's reader already names them from a closed set; this keeps the first
 * {@value #MAX_TRACKED} distinct well-formed values all the same, so that no other producer can
 * make the tag unbounded, and names the rest {@link MeterNames#UNKNOWN_TYPE}.
 */
final class RuntimeMessageTypes {

  static final int MAX_TRACKED = 16;

  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  String tag(String type) {
    if (type == null || type.isEmpty() || type.length() > 32 || !type.matches("[a-z][a-z_.]*")) {
      return MeterNames.UNKNOWN_TYPE;
    }
    if (seen.contains(type)) {
      return type;
    }
    synchronized (seen) {
      if (seen.size() < MAX_TRACKED) {
        seen.add(type);
        return type;
      }
    }
    return MeterNames.UNKNOWN_TYPE;
  }
}
