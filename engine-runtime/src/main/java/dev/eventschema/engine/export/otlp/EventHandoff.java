package dev.eventschema.engine.export.otlp;

import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.RejectedPayload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded buffer between the emitting threads and the one thread that turns what they emitted
 * into log records, as the Kafka sink has it: an emitting thread only offers the emitter's own object
 * (never a wait; a full buffer drops it and counts it), and everything that costs (the record's body,
 * its time, the SDK's log record and its queue) happens on this class's thread.
 *
 * <p>Every event offered is counted once in {@link #offered()} and then either in {@link #bufferFull()},
 * in {@link #unbuilt()} (its record could not be built), or handed to the SDK, whose counts take it
 * from there; what is still buffered when {@link #close} gives up was handed to nobody.
 */
final class EventHandoff {

  private static final Logger LOG = LoggerFactory.getLogger(EventHandoff.class);

  /** Taken from the buffer at once, at most. */
  private static final int MAX_BATCH = 512;
  /** How long the idle thread waits for an event before it looks whether it is closing. */
  private static final long IDLE_POLL_MS = 50;

  /** What the buffer holds: the emitter's objects as they were handed over. */
  private sealed interface Offered {}

  private record Event(EmittedEvent event) implements Offered {}

  private record Rejection(RejectedPayload rejection) implements Offered {}

  private final BlockingQueue<Offered> buffer;
  private final EventLogRecords records;
  private final int batchSize;
  private final Thread thread;
  private final LongAdder offered = new LongAdder();
  private final LongAdder bufferFull = new LongAdder();
  private final LongAdder unbuilt = new LongAdder();
  private final AtomicBoolean unbuiltLogged = new AtomicBoolean();
  private volatile boolean closing;
  /** Set when {@link #close} stopped waiting: the thread hands nothing more to the SDK. */
  private volatile boolean abandoned;

  EventHandoff(int capacity, EventLogRecords records) {
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.batchSize = Math.min(MAX_BATCH, capacity);
    this.records = records;
    this.thread = Thread.ofPlatform().daemon().name("eventschema-otlp-records").unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Buffers {@code event} for its record, or counts it dropped when the buffer is full. Never blocks. */
  void offer(EmittedEvent event) {
    offer(new Event(event));
  }

  /** As {@link #offer(EmittedEvent)}, for a rejection. */
  void offer(RejectedPayload rejection) {
    offer(new Rejection(rejection));
  }

  private void offer(Offered item) {
    offered.increment();
    if (!buffer.offer(item)) {
      bufferFull.increment();
    }
  }

  /** Events offered so far (accepted events and rejections). */
  long offered() {
    return offered.sum();
  }

  /** Events dropped because the buffer was full: the thread that builds the records was behind. */
  long bufferFull() {
    return bufferFull.sum();
  }

  /** Events whose record could not be built. */
  long unbuilt() {
    return unbuilt.sum();
  }

  /** Events waiting in the buffer now. */
  int buffered() {
    return buffer.size();
  }

  private void run() {
    List<Offered> batch = new ArrayList<>(batchSize);
    while (!abandoned && !(closing && buffer.isEmpty())) {
      Offered first;
      try {
        first = buffer.poll(IDLE_POLL_MS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        continue; // close() decides when to stop, not an interrupt
      }
      if (first == null) {
        continue;
      }
      batch.add(first);
      buffer.drainTo(batch, batchSize - 1);
      for (int i = 0; i < batch.size() && !abandoned; i++) {
        build(batch.get(i));
      }
      batch.clear();
    }
  }

  private void build(Offered item) {
    try {
      switch (item) {
        case Event event -> records.onEvent(event.event());
        case Rejection rejection -> records.onRejection(rejection.rejection());
      }
    } catch (RuntimeException e) {
      unbuilt.increment();
      if (unbuiltLogged.compareAndSet(false, true)) {
        LOG.warn("OTLP log export: could not build a log record; it is counted as failed (logged once)", e);
      }
    }
  }

  /**
   * Stops taking from the buffer once it is empty, waiting at most {@code within} for the thread to
   * hand what is buffered to the SDK (which takes microseconds a record: the SDK's queue never waits).
   * What is left after that stays buffered and is handed to nobody.
   */
  void close(Duration within) {
    closing = true;
    try {
      thread.join(within);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    abandoned = true; // a thread still at work stops at its next event
  }
}
