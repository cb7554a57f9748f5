package dev.eventschema.engine.emit;

/** A listener's registration; closing it stops delivery (and, for an asynchronous one, its thread). */
public interface Subscription extends AutoCloseable {

  /** Messages this subscriber missed because its queue was full; always 0 for a synchronous one. */
  long dropped();

  /** Stops delivery. Idempotent. */
  @Override
  void close();
}
