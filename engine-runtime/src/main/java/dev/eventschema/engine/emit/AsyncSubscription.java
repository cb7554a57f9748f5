package dev.eventschema.engine.emit;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** One asynchronous subscriber: a bounded queue drained by a daemon thread of its own. */
final class AsyncSubscription<T> implements Subscription {

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  private final BlockingQueue<T> queue;
  private final Consumer<? super T> listener;
  private final SubscriberStats stats;
  private final Subscribers.FailureLog failureLog;
  private final Consumer<AsyncSubscription<T>> onClose;
  private final LongAdder dropped = new LongAdder();
  private final Thread thread;
  private volatile boolean closed;

  AsyncSubscription(String name, int queueCapacity, Consumer<? super T> listener, SubscriberStats stats,
      Consumer<AsyncSubscription<T>> onClose) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
    }
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.listener = listener;
    this.stats = stats;
    this.failureLog = new Subscribers.FailureLog(name, stats);
    this.onClose = onClose;
    this.thread = Thread.ofPlatform().daemon()
        .name("eventschema-" + name + "-subscriber-" + THREAD_NUMBER.incrementAndGet())
        .unstarted(this::drain);
  }

  void start() {
    thread.start();
  }

  /** Queues {@code message}, or drops and counts it when the queue is full. Never blocks. */
  void offer(T message) {
    if (closed) {
      return;
    }
    if (!queue.offer(message)) {
      dropped.increment();
      stats.recordDrops(1);
    }
  }

  private void drain() {
    try {
      while (!closed) {
        T message = queue.take();
        try {
          listener.accept(message);
        } catch (RuntimeException | Error failure) {
          failureLog.record(failure);
        }
      }
    } catch (InterruptedException closing) {
      // close() interrupts the thread: what is still queued is discarded with the subscription
    }
  }

  @Override
  public long dropped() {
    return dropped.sum();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onClose.accept(this);
    thread.interrupt();
    queue.clear();
  }
}
