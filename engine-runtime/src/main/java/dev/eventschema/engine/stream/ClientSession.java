package dev.eventschema.engine.stream;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connected stream client: the frames replayed for it, then a bounded queue of live frames that
 * its own writer thread drains. The publishing side never waits: when the queue is full the frame is
 * dropped for this client only and counted, and at that very place in the queue the writer later
 * finds a gap, which it sends as a {@code dropped} frame telling the client how many it missed.
 */
final class ClientSession {

  /** What {@link #next} returns when the session is over and nothing is left to send. */
  static final SseFrame END = new SseFrame(-1, "end", new byte[0]);

  private final long id;
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition notEmpty = lock.newCondition();
  private final ArrayDeque<SseFrame> replay;
  /** {@link SseFrame}s and {@link Gap}s, in order; at most {@code capacity} frames plus one gap. */
  private final ArrayDeque<Object> live;
  private long totalMissed;
  private long sent;
  private boolean closed;

  ClientSession(long id, int capacity, List<SseFrame> replay) {
    if (capacity < 1) {
      throw new IllegalArgumentException("client queue capacity must be >= 1, was " + capacity);
    }
    this.id = id;
    this.capacity = capacity;
    this.replay = new ArrayDeque<>(replay);
    this.live = new ArrayDeque<>(Math.min(capacity, 1024) + 1);
  }

  long id() {
    return id;
  }

  /**
   * Queues a live frame without ever blocking.
   *
   * @return false if the queue was full and the frame was dropped (and counted) for this client
   */
  boolean offer(SseFrame frame) {
    lock.lock();
    try {
      if (closed) {
        return true;
      }
      if (live.size() >= capacity) {
        totalMissed++;
        if (live.peekLast() instanceof Gap gap) {
          gap.missed++;
          gap.lastSeq = frame.seq();
        } else {
          live.addLast(new Gap(frame.seq()));
        }
        return false;
      }
      live.addLast(frame);
      notEmpty.signal();
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next thing to write: a replayed frame, then live frames and, where frames were dropped, a
   * {@code dropped} notice made by {@code droppedNotice}; {@link #END} once closed and drained; or
   * {@code null} if nothing came within {@code timeoutNanos} (time for a heartbeat).
   */
  SseFrame next(long timeoutNanos, DroppedNotice droppedNotice) throws InterruptedException {
    Gap gap;
    lock.lock();
    try {
      if (!replay.isEmpty()) {
        sent++;
        return replay.pollFirst();
      }
      long remaining = timeoutNanos;
      while (live.isEmpty() && !closed) {
        if (remaining <= 0) {
          return null;
        }
        remaining = notEmpty.awaitNanos(remaining);
      }
      Object head = live.pollFirst();
      if (head == null) {
        return END;
      }
      if (head instanceof SseFrame frame) {
        sent++;
        return frame;
      }
      gap = (Gap) head;
    } finally {
      lock.unlock();
    }
    return droppedNotice.frame(gap.missed, gap.lastSeq);
  }

  /** Ends the session once what is queued has been written. */
  void close() {
    lock.lock();
    try {
      closed = true;
      notEmpty.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Frames dropped for this client since it connected. */
  long totalMissed() {
    lock.lock();
    try {
      return totalMissed;
    } finally {
      lock.unlock();
    }
  }

  /** Frames handed to the writer so far. */
  long sent() {
    lock.lock();
    try {
      return sent;
    } finally {
      lock.unlock();
    }
  }

  /** Makes the frame that tells a client how many messages it missed. */
  @FunctionalInterface
  interface DroppedNotice {
    SseFrame frame(long missed, long lastMissedSeq);
  }

  /** Consecutive frames dropped at one place of the queue. */
  private static final class Gap {
    long missed = 1;
    long lastSeq;

    Gap(long lastSeq) {
      this.lastSeq = lastSeq;
    }
  }
}
