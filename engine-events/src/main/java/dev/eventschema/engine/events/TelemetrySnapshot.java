package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The current meter values, sent on the live stream every {@code exportIntervalMs}
 * (docs/stream-protocol.md). Wire name {@code telemetrySnapshot}.
 */
@EventSchema(value = "telemetrySnapshot", version = 2)
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

  /** Messages offered to the Kafka sink since start; absent when the engine has none (version 2). */
  @PositiveOrZero OptionalLong kafkaEmitted();

  /** Messages the Kafka broker acknowledged since start; absent without a Kafka sink (version 2). */
  @PositiveOrZero OptionalLong kafkaDelivered();

  /**
   * Messages the Kafka sink dropped since start, its buffer full or their delivery failed; absent
   * without a Kafka sink (version 2). Emitted minus delivered minus dropped is what is still on its way.
   */
  @PositiveOrZero OptionalLong kafkaDropped();
}
