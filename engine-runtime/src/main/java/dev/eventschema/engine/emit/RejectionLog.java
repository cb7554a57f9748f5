package dev.eventschema.engine.emit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The most recent rejections, bounded: the oldest is forgotten when a new one does not fit. */
public final class RejectionLog {

  private final int capacity;
  private final Deque<RejectedPayload> recent;
  private long total;

  public RejectionLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.recent = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  synchronized void add(RejectedPayload rejection) {
    if (recent.size() == capacity) {
      recent.removeFirst();
    }
    recent.addLast(rejection);
    total++;
  }

  /** The rejections still held, oldest first (newest last). */
  public synchronized List<RejectedPayload> recent() {
    return List.copyOf(recent);
  }

  /** How many rejections are held now. */
  public synchronized int size() {
    return recent.size();
  }

  /** The most this log holds. */
  public int capacity() {
    return capacity;
  }

  /** Every rejection recorded since start, including those no longer held. */
  public synchronized long total() {
    return total;
  }
}
