package dev.eventschema.engine.telemetry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generations in progress and when each started and last produced a token, from which the
 * time to first token and the inter-token latency are measured.
 *
 * <p>A generation is known by its generationId; events without one can only be told apart by model,
 * so at most one such generation per model is followed. Bounded, so that generations that never
 * complete cannot grow it without end.
 */
final class GenerationTimings {

  static final int MAX_IN_FLIGHT = 10_000;

  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  /** The key of a generation: its id, or its model's for events that carry no id. */
  static String key(String generationId, String model) {
    return generationId != null ? "id:" + generationId : "model:" + model;
  }

  void started(String key, long nanos) {
    if (inFlight.size() < MAX_IN_FLIGHT || inFlight.containsKey(key)) {
      inFlight.put(key, new InFlight(nanos));
    }
  }

  /**
   * Records a token at {@code nanos}: the gap since the generation started (for its first token) or
   * since its previous token; empty for a generation that was never seen starting.
   */
  Optional<TokenGap> token(String key, long nanos) {
    InFlight generation = inFlight.get(key);
    if (generation == null) {
      return Optional.empty();
    }
    synchronized (generation) {
      boolean first = generation.lastTokenNanos == InFlight.NO_TOKEN;
      long since = first ? generation.startNanos : generation.lastTokenNanos;
      generation.lastTokenNanos = nanos;
      return Optional.of(new TokenGap(nanos - since, first));
    }
  }

  void ended(String key) {
    inFlight.remove(key);
  }

  int running() {
    return inFlight.size();
  }

  /** The time before a token: since the start for the first token, since the previous one after. */
  record TokenGap(long nanos, boolean first) {}

  private static final class InFlight {
    static final long NO_TOKEN = Long.MIN_VALUE;
    final long startNanos;
    long lastTokenNanos = NO_TOKEN;

    InFlight(long startNanos) {
      this.startNanos = startNanos;
    }
  }
}
