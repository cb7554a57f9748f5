package dev.eventschema.engine.cli;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Range;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The {@code demo} section of {@link EngineConfig}, read by {@code demo} only. Wire name {@code demoSettings}. */
@EventSchema("demoSettings")
public interface DemoSettings {

  /** The fraction of events followed by a malformed copy, 0 to 1. */
  @PositiveOrZero OptionalDouble faultRate();

  /** Generation loops. */
  @Range(min = 1, max = 256) OptionalInt concurrency();

  /** Each generation's pace. */
  @Positive OptionalDouble tokensPerSecond();

  OptionalLong seed();
}
