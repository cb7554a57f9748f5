package dev.eventschema.engine.http;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the requests each client address has in progress, so that one client cannot take every
 * connection of a server. An address leaves the map when its count falls to zero, so the map holds
 * at most one entry per request in progress.
 */
final class ClientLimiter {

  private final int maxPerClient;
  private final ConcurrentHashMap<InetAddress, Integer> inProgress = new ConcurrentHashMap<>();

  ClientLimiter(int maxPerClient) {
    this.maxPerClient = maxPerClient;
  }

  /** Takes a slot for {@code client}; false when it has {@code maxPerClient} already. */
  boolean tryAcquire(InetAddress client) {
    AtomicBoolean taken = new AtomicBoolean();
    inProgress.compute(client, (address, count) -> {
      int now = count == null ? 0 : count;
      if (now >= maxPerClient) {
        return now;
      }
      taken.set(true);
      return now + 1;
    });
    return taken.get();
  }

  void release(InetAddress client) {
    inProgress.computeIfPresent(client, (address, count) -> count <= 1 ? null : count - 1);
  }

  int maxPerClient() {
    return maxPerClient;
  }
}
