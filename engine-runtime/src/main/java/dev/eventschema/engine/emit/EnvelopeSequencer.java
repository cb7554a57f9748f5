package dev.eventschema.engine.emit;

import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out the stream's sequence numbers and times. One per engine, shared by everything that puts
 * messages on the stream (events, rejections, telemetry snapshots), so that {@code seq} is strictly
 * increasing across all kinds of message.
 */
public final class EnvelopeSequencer {

  private final AtomicLong lastSeq = new AtomicLong();
  private final AtomicLong lastMillis = new AtomicLong(Long.MIN_VALUE);
  private final Clock clock;

  public EnvelopeSequencer() {
    this(Clock.systemUTC());
  }

  public EnvelopeSequencer(Clock clock) {
    this.clock = clock;
  }

  /** The next sequence number: 1, 2, 3... */
  public long nextSeq() {
    return lastSeq.incrementAndGet();
  }

  /** The last sequence number handed out; 0 before the first. */
  public long lastSeq() {
    return lastSeq.get();
  }

  /**
   * The current time, to the millisecond as the wire shows it, never earlier than a time this
   * sequencer handed out before (the wall clock may be stepped back), so that messages stamped in
   * sequence order have times that never decrease.
   */
  public Instant now() {
    return Instant.ofEpochMilli(lastMillis.accumulateAndGet(clock.millis(), Math::max));
  }

  /** A new envelope with the next sequence number and the current time. */
  public EventEnvelope next(String type, Optional<String> generationId, Map<String, Object> payload) {
    return envelope(nextSeq(), now(), type, generationId, payload);
  }

  /**
   * The envelope of an accepted event, with the next sequence number and the current time, not
   * checked again: see {@link AcceptedEnvelope}. {@code type} must be an {@code EventType}'s wire
   * name, {@code generationId} 1 to 128 characters, and {@code payload} an immutable copy of the
   * wire form of a valid event.
   */
  EventEnvelope nextAccepted(String type, Optional<String> generationId, Map<String, Object> payload) {
    return new AcceptedEnvelope(nextSeq(), format(now()), type, generationId, payload);
  }

  /** An envelope with the given sequence number and time. */
  public static EventEnvelope envelope(
      long seq, Instant time, String type, Optional<String> generationId, Map<String, Object> payload) {
    EventEnvelopeBuilder builder = EventEnvelopeBuilder.builder().seq(seq).time(format(time)).type(type).payload(payload);
    generationId.ifPresent(builder::generationId);
    return builder.build();
  }

  /** An instant as the envelope's {@code time}: ISO-8601 UTC, in milliseconds. */
  static String format(Instant time) {
    return time.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
