package dev.eventschema.engine.export.kafka;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the Kafka sink did with the messages offered to it. Every offered message is counted once in
 * {@link #emitted()} and, once its fate is known, once in {@link #delivered()} or in one of the two
 * drop counts; so after the sink has closed, emitted = delivered + dropped, exactly. Thread-safe.
 */
public final class SinkCounters {

  private final LongAdder emitted = new LongAdder();
  private final LongAdder delivered = new LongAdder();
  private final LongAdder bufferFull = new LongAdder();
  private final LongAdder deliveryFailed = new LongAdder();

  /** Messages offered to the sink: every accepted event and every rejection since it started. */
  public long emitted() {
    return emitted.sum();
  }

  /** Messages the broker acknowledged ({@code acks=all}). */
  public long delivered() {
    return delivered.sum();
  }

  /** Messages dropped because the sink's buffer was full (the broker slow or down). */
  public long droppedBufferFull() {
    return bufferFull.sum();
  }

  /**
   * Messages that reached the producer but were not acknowledged: delivery timed out, the broker
   * refused them, or the sink closed before they could be sent.
   */
  public long droppedDeliveryFailed() {
    return deliveryFailed.sum();
  }

  /** Every drop, whatever its reason. */
  public long dropped() {
    return droppedBufferFull() + droppedDeliveryFailed();
  }

  /** Messages whose fate is not known yet: buffered, or sent and awaiting their acknowledgement. */
  public long pending() {
    return emitted() - delivered() - dropped();
  }

  void recordEmitted() {
    emitted.increment();
  }

  void recordDelivered() {
    delivered.increment();
  }

  void recordBufferFull() {
    bufferFull.increment();
  }

  void recordDeliveryFailed() {
    deliveryFailed.increment();
  }

  @Override
  public String toString() {
    return "emitted " + emitted() + ", delivered " + delivered() + ", dropped " + droppedBufferFull()
        + " (buffer full) + " + droppedDeliveryFailed() + " (delivery failed)";
  }
}
