package dev.eventschema.monitor.client;

import java.util.Collection;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The bounded hand-over between a network thread and the FX thread. The producer blocks when it is
 * full (so that TCP back-pressure reaches the engine, which drops for this client and says how many)
 * or, if it can hold back otherwise, offers and holds back when refused; the consumer drains without
 * ever blocking.
 */
public final class Inbox {

  private final BlockingQueue<StreamMessage> queue;

  public Inbox(int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
  }

  /** Hands one message over, waiting while the inbox is full. */
  public void put(StreamMessage message) throws InterruptedException {
    queue.put(message);
  }

  /**
   * Hands one message over if there is room, without waiting; returns whether it did. For producers
   * that can hold back themselves, such as a Kafka consumer that pauses its partitions.
   */
  public boolean offer(StreamMessage message) {
    return queue.offer(message);
  }

  /** Moves up to {@code max} messages into {@code into}, without blocking; returns how many. */
  public int drainTo(Collection<? super StreamMessage> into, int max) {
    return queue.drainTo(into, max);
  }

  /** Messages waiting. */
  public int size() {
    return queue.size();
  }
}
