package dev.eventschema.monitor.client;

/**
 * Where one engine's messages come from, on a thread of its own: the engine's SSE stream
 * ({@link SseClient}), or its records in a Kafka topic (the fleet's consumer). It hands the messages
 * to the engine's bounded {@link Inbox} and publishes its state as an immutable {@link ConnectionStatus}.
 */
public interface Feed extends AutoCloseable {

  /** Starts delivering; returns this feed. */
  Feed start();

  /** The current state, safe to read from any thread. */
  ConnectionStatus status();

  /** Ends a backoff wait (or a failed state) and tries again at once. */
  void reconnectNow();

  /** Stops delivering; never throws. */
  @Override
  void close();
}
