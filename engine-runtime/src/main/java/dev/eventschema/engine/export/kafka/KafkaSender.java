package dev.eventschema.engine.export.kafka;

import dev.eventschema.events.kafka.CloudEventMapping;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink's bounded buffer and the one thread that drains it into the Kafka producer. Emitting
 * threads only {@link #offer} (a queue offer: never a wait); everything that can wait (mapping,
 * serializing, {@code send} blocking on metadata or on the producer's full buffer for up to {@code
 * max.block.ms}) happens on the sender thread. Every offered message is counted exactly once as
 * delivered or dropped, including those still buffered when the sender closes.
 */
final class KafkaSender implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSender.class);

  /** Messages taken from the buffer at once, at most: the sender holds no more than the buffer does. */
  private static final int MAX_BATCH = 1024;

  /** How long the idle sender waits for a message before it looks whether it is closing. */
  private static final long IDLE_POLL_MS = 50;

  /** The pause before offering again a message the producer refused without waiting. */
  private static final long RETRY_PAUSE_MS = 100;

  private final BlockingQueue<Outbound> buffer;
  private final Producer<String, CloudEvent> producer;
  private final CloudEventMapping mapping;
  private final String topic;
  private final String rejectionsTopic;
  private final SinkCounters counters;
  private final int batchSize;
  private final Thread thread;
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile boolean closing;
  /** Written before {@link #closing} is set, so a sender that sees {@code closing} sees it too. */
  private volatile long sendDeadlineNanos;

  KafkaSender(int capacity, Producer<String, CloudEvent> producer, CloudEventMapping mapping, String topic,
      String rejectionsTopic, SinkCounters counters) {
    this.buffer = new ArrayBlockingQueue<>(capacity);
    this.batchSize = Math.min(MAX_BATCH, capacity);
    this.producer = producer;
    this.mapping = mapping;
    this.topic = topic;
    this.rejectionsTopic = rejectionsTopic;
    this.counters = counters;
    this.thread = Thread.ofPlatform().daemon().name("eventschema-kafka-sender-" + mapping.engineId())
        .unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  /** Buffers {@code message}, or counts it dropped when the buffer is full. Never blocks. */
  void offer(Outbound message) {
    counters.recordEmitted();
    if (!buffer.offer(message)) {
      counters.recordBufferFull();
    } else if (closing && buffer.remove(message)) {
      // it arrived after close() began; taken back here, or else the sender or close() resolves it
      counters.recordDeliveryFailed();
    }
  }

  /** Messages buffered now. */
  int buffered() {
    return buffer.size();
  }

  private void run() {
    List<Outbound> batch = new ArrayList<>(batchSize);
    while (!(closing && buffer.isEmpty())) {
      Outbound first;
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
      for (Outbound message : batch) {
        send(message);
      }
      batch.clear();
    }
  }

  /**
   * Hands {@code message} to the producer. While the producer refuses it at once (no metadata for the
   * topic yet, or its own buffer full, each after waiting {@code max.block.ms}), the message is held
   * and offered again: the oldest messages wait, and the buffer behind them fills and drops the new.
   */
  private void send(Outbound message) {
    ProducerRecord<String, CloudEvent> record = record(message);
    if (record == null) {
      return;
    }
    while (!pastCloseDeadline()) {
      long start = System.nanoTime();
      if (handOver(record)) {
        return;
      }
      if (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS)) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MS)); // refused without waiting
      }
    }
    counters.recordDeliveryFailed(); // closing, and out of time to send it
  }

  private ProducerRecord<String, CloudEvent> record(Outbound message) {
    try {
      return switch (message) {
        case Outbound.Event event -> new ProducerRecord<>(topic, mapping.key(event.envelope()),
            mapping.event(event.envelope()));
        case Outbound.Rejection rejection -> new ProducerRecord<>(rejectionsTopic, mapping.rejectionKey(),
            mapping.rejection(rejection.rejection().seq(), rejection.rejection().time().toString(),
                rejection.rejection().toRecord()));
        case Outbound.Snapshot snapshot -> new ProducerRecord<>(topic, mapping.telemetryKey(),
            mapping.telemetry(snapshot.seq(), snapshot.time().toString(), snapshot.snapshot()));
      };
    } catch (RuntimeException e) {
      counters.recordDeliveryFailed();
      LOG.warn("Could not map a message to a CloudEvent; it is dropped", e);
      return null;
    }
  }

  /** Whether the producer took {@code record} (its outcome then counted by the callback). */
  private boolean handOver(ProducerRecord<String, CloudEvent> record) {
    Delivery delivery = new Delivery();
    try {
      producer.send(record, delivery);
    } catch (TimeoutException refused) {
      delivery.refuse(refused);
    } catch (RuntimeException e) {
      delivery.handedOver();
      delivery.onCompletion(null, e); // send threw without calling back: counted here, once
      return true;
    }
    delivery.handedOver();
    return !delivery.refused;
  }

  private boolean pastCloseDeadline() {
    return closing && System.nanoTime() - sendDeadlineNanos > 0;
  }

  /**
   * Stops taking new messages, sends what is buffered for up to {@code timeout}, then closes the
   * producer, which fails what it could not deliver by then; what is still buffered after that is
   * counted as a failed delivery.
   */
  void close(Duration timeout) {
    long start = System.nanoTime();
    sendDeadlineNanos = start + timeout.toNanos();
    closing = true;
    try {
      thread.join(timeout.plusMillis(2 * ProducerSettings.MAX_BLOCK_MS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Duration left = timeout.minusNanos(System.nanoTime() - start);
    producer.close(left.isNegative() ? Duration.ZERO : left);
    List<Outbound> stranded = new ArrayList<>();
    buffer.drainTo(stranded);
    stranded.forEach(message -> counters.recordDeliveryFailed());
  }

  @Override
  public void close() {
    close(KafkaSink.DEFAULT_CLOSE_TIMEOUT);
  }

  /**
   * One message's outcome, counted once even if the producer both called back and threw. A
   * {@link TimeoutException} reported during {@code send} on the sender thread is a refusal (the
   * producer kept nothing): not counted, the message is offered again.
   */
  private final class Delivery implements Callback {
    private static final AtomicIntegerFieldUpdater<Delivery> DONE =
        AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "done");

    private final Thread sender = Thread.currentThread();
    private volatile int done;
    private volatile boolean sending = true;
    /** Read and written on the sender thread only. */
    private boolean refused;

    void handedOver() {
      sending = false;
    }

    void refuse(Exception why) {
      refused = true;
      if (failing.compareAndSet(false, true)) {
        LOG.warn("The Kafka producer cannot take messages for {} ({}); the oldest wait, new ones are dropped when"
            + " the buffer is full", topic, why.toString());
      }
    }

    @Override
    public void onCompletion(RecordMetadata metadata, Exception exception) {
      if (exception instanceof TimeoutException && sending && Thread.currentThread() == sender) {
        refuse(exception);
        return;
      }
      if (!DONE.compareAndSet(this, 0, 1)) {
        return;
      }
      if (exception == null) {
        counters.recordDelivered();
        if (failing.compareAndSet(true, false)) {
          LOG.info("Kafka deliveries to {} succeed again ({})", topic, counters);
        }
      } else {
        counters.recordDeliveryFailed();
        if (failing.compareAndSet(false, true)) {
          LOG.warn("Kafka deliveries to {} fail and are counted as dropped until one succeeds again: {}", topic,
              exception.toString());
        }
      }
    }
  }
}
