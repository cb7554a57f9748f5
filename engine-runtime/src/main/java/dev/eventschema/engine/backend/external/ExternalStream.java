package dev.eventschema.engine.backend.external;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.StreamingGeneration;
import java.util.OptionalDouble;

/** One generation running in the runtime, known by the stream id the engine gave it. */
final class ExternalStream {

  private final String streamId;
  private final StreamingGeneration generation;
  private volatile long lastHeardNanos = System.nanoTime();
  /** Written and read by the channel's reader thread only. */
  private boolean endOfSequenceSeen;

  ExternalStream(String streamId, StreamingGeneration generation) {
    this.streamId = streamId;
    this.generation = generation;
  }

  String streamId() {
    return streamId;
  }

  StreamingGeneration generation() {
    return generation;
  }

  /** Notes that the runtime said something about this stream now. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /** Whether the runtime has said nothing about this stream for {@code idleNanos}. */
  boolean silentFor(long idleNanos, long nowNanos) {
    return nowNanos - lastHeardNanos >= idleNanos;
  }

  /** Passes a token on; false once the generation has ended. */
  boolean token(String text, OptionalDouble logprob) {
    heard();
    endOfSequenceSeen |= text.isEmpty();
    return generation.emit(text, logprob);
  }

  /**
   * Ends the generation because the runtime said it stopped naturally. The engine's contract wants
   * the end-of-sequence token last; a runtime that did not stream one gets one added, without a
   * log-probability (the runtime did not give one).
   */
  void stopped() {
    if (!endOfSequenceSeen) {
      token("", OptionalDouble.empty());
    }
    generation.finish(FinishReason.STOP);
  }
}
