package dev.eventschema.monitor.client;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A connection thread's pause between attempts or checks: {@link #await} sleeps up to a time and
 * returns early when another thread calls {@link #wake} (reconnect now, check now) or {@link
 * #close}, after which it no longer sleeps. Shared by the SSE client and the fleet's Kafka consumer.
 */
public final class Wakeup {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition woken = lock.newCondition();
  private boolean requested;
  private boolean closed;

  /** Ends the current (or next) {@link #await} now. Never blocks for long. */
  public void wake() {
    lock.lock();
    try {
      requested = true;
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the waiting thread, and every later {@link #await} returns at once. */
  public void close() {
    lock.lock();
    try {
      closed = true;
      woken.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Sleeps up to {@code millis} ({@code Long.MAX_VALUE}: until woken), or less when woken, closed or interrupted. */
  public void await(long millis) {
    lock.lock();
    try {
      long nanos = millis == Long.MAX_VALUE ? Long.MAX_VALUE : TimeUnit.MILLISECONDS.toNanos(millis);
      while (!requested && !closed && nanos > 0) {
        nanos = woken.awaitNanos(nanos);
      }
      requested = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the owner's loop sees it is closing
    } finally {
      lock.unlock();
    }
  }
}
