package dev.eventschema.engine.emit;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fan-out of one kind of message to isolated subscribers: a listener that throws is counted and the
 * others still get the message; an asynchronous subscriber has its own bounded queue and thread, and
 * a full queue drops (and counts) rather than slowing the publisher.
 *
 * @param <T> the message type
 */
public final class Subscribers<T> {

  private static final Logger LOG = LoggerFactory.getLogger(Subscribers.class);

  private final String name;
  private final SubscriberStats stats;
  private final List<SyncSubscription> synchronous = new CopyOnWriteArrayList<>();
  private final List<AsyncSubscription<T>> asynchronous = new CopyOnWriteArrayList<>();

  /**
   * @param name what is delivered, for thread names and logs, such as {@code events}
   * @param stats where drops and failures are counted
   */
  public Subscribers(String name, SubscriberStats stats) {
    this.name = Objects.requireNonNull(name, "name");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /** Calls {@code listener} on the publishing thread for every message, until closed. */
  public Subscription subscribe(Consumer<? super T> listener) {
    SyncSubscription subscription = new SyncSubscription(Objects.requireNonNull(listener, "listener"));
    synchronous.add(subscription);
    return subscription;
  }

  /**
   * Calls {@code listener} on a thread of its own, through a queue of {@code queueCapacity} messages;
   * when the queue is full a message is dropped for this subscriber and counted.
   */
  public Subscription subscribeAsync(int queueCapacity, Consumer<? super T> listener) {
    AsyncSubscription<T> subscription = new AsyncSubscription<>(
        name, queueCapacity, Objects.requireNonNull(listener, "listener"), stats, asynchronous::remove);
    asynchronous.add(subscription);
    subscription.start();
    return subscription;
  }

  /**
   * Queues {@code message} for every asynchronous subscriber, without blocking. Publishers that need
   * the queues in a given order (the stream's sequence order) call this under their own lock.
   */
  public void enqueue(T message) {
    for (AsyncSubscription<T> subscription : asynchronous) {
      subscription.offer(message);
    }
  }

  /** Calls every synchronous listener with {@code message}, each isolated from the others' failures. */
  public void deliver(T message) {
    for (SyncSubscription subscription : synchronous) {
      subscription.deliver(message);
    }
  }

  /** {@link #enqueue} then {@link #deliver}. */
  public void publish(T message) {
    enqueue(message);
    deliver(message);
  }

  /** How many subscribers, synchronous and asynchronous, are registered. */
  public int size() {
    return synchronous.size() + asynchronous.size();
  }

  /** Closes every subscription. */
  public void closeAll() {
    synchronous.clear();
    for (AsyncSubscription<T> subscription : asynchronous) {
      subscription.close();
    }
  }

  private final class SyncSubscription implements Subscription {
    private final Consumer<? super T> listener;
    private final FailureLog failureLog;

    SyncSubscription(Consumer<? super T> listener) {
      this.listener = listener;
      this.failureLog = new FailureLog(name, stats);
    }

    void deliver(T message) {
      try {
        listener.accept(message);
      } catch (RuntimeException | Error failure) {
        failureLog.record(failure);
      }
    }

    @Override
    public long dropped() {
      return 0;
    }

    @Override
    public void close() {
      synchronous.remove(this);
    }
  }

  /**
   * Counts a subscriber's failures; logs the first at WARN and the rest at DEBUG, so that a listener
   * that always throws does not flood the log at the rate of events.
   */
  static final class FailureLog {
    private final String name;
    private final SubscriberStats stats;
    private boolean warned;

    FailureLog(String name, SubscriberStats stats) {
      this.name = name;
      this.stats = stats;
    }

    synchronized void record(Throwable failure) {
      stats.recordFailure();
      if (!warned) {
        warned = true;
        LOG.warn("A subscriber to {} threw; it stays subscribed, and further failures are logged at DEBUG", name,
            failure);
      } else {
        LOG.debug("A subscriber to {} threw again", name, failure);
      }
    }
  }
}
