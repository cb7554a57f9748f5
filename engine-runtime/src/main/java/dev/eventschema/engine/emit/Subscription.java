package dev.eventschema.engine.emit;

import java.util.Objects;

/** A listener's registration; closing it stops delivery (and, for an asynchronous one, its thread). */
public interface Subscription extends AutoCloseable {

  /** Messages this subscriber missed because its queue was full; always 0 for a synchronous one. */
  long dropped();

  /** Stops delivery. Idempotent. */
  @Override
  void close();

  /**
   * The subscription of a synchronous listener (it misses nothing), which {@code close} ends; {@code
   * close} must be idempotent.
   */
  static Subscription of(Runnable close) {
    Objects.requireNonNull(close, "close");
    return new Subscription() {
      @Override
      public long dropped() {
        return 0;
      }

      @Override
      public void close() {
        close.run();
      }
    };
  }
}
