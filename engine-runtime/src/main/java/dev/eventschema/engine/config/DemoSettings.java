package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Range;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code demo} section of {@link EngineConfig}, read by the {@code demo} command only: the demo
 * workload's shape. The {@code ...OrDefault()} methods are the one place its defaults are applied.
 * Wire name {@code demoSettings}.
 */
@EventSchema("demoSettings")
public interface DemoSettings {

  int DEFAULT_CONCURRENCY = 3;
  double DEFAULT_TOKENS_PER_SECOND = 25;
  long DEFAULT_SEED = 42;

  /** The fraction of accepted events followed by a malformed copy, 0 to 1; none by default. */
  @Range(min = 0, max = 1) OptionalDouble faultRate();

  /** Generation loops on the main model. */
  @Range(min = 1, max = 256) OptionalInt concurrency();

  /** Each generation's pace. */
  @Positive OptionalDouble tokensPerSecond();

  /** The seed of the workload's choices (the fault decisions are not seeded). */
  OptionalLong seed();

  default double faultRateOrDefault() {
    return faultRate().orElse(0);
  }

  default int concurrencyOrDefault() {
    return concurrency().orElse(DEFAULT_CONCURRENCY);
  }

  default double tokensPerSecondOrDefault() {
    return tokensPerSecond().orElse(DEFAULT_TOKENS_PER_SECOND);
  }

  default long seedOrDefault() {
    return seed().orElse(DEFAULT_SEED);
  }
}
