package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The current meter values, sent on the live stream every {@code exportIntervalMs}
 * (docs/stream-protocol.md). Wire name {@code telemetrySnapshot}.
 */
@EventSchema("telemetrySnapshot")
public interface TelemetrySnapshot {

  /** The period it covers, in milliseconds. */
  @PositiveOrZero long intervalMs();

  @PositiveOrZero int modelsLoaded();

  @PositiveOrZero int requestsRunning();

  @PositiveOrZero int requestsWaiting();

  /** Tokens generated since start. */
  @PositiveOrZero long tokensGenerated();

  /** Tokens generated per second over the last interval. */
  @PositiveOrZero double tokensPerSecond();

  /** Median time to first token over the last interval; absent if no generation started. */
  @PositiveOrZero OptionalDouble timeToFirstTokenP50Ms();

  /** 95th percentile of the time to first token over the last interval; absent if no generation started. */
  @PositiveOrZero OptionalDouble timeToFirstTokenP95Ms();

  /** Events accepted since start, by event type. */
  Map<String, @PositiveOrZero Long> eventsByType();

  /** Rejections since start, by the event type they claimed. */
  Map<String, @PositiveOrZero Long> rejectionsByType();

  /** Rejections since start, by violation code. */
  Map<String, @PositiveOrZero Long> rejectionsByCode();

  /** Messages dropped by slow subscribers since start. */
  @PositiveOrZero long subscriberDrops();
}
