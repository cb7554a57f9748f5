package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.OptionalDouble;

/** A generation finished. Wire name {@code generationCompleted}. */
@EventSchema
public interface GenerationCompletedEvent {

  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** How many tokens were generated; zero when the model stopped at once. */
  @PositiveOrZero long tokensGenerated();

  /** From start to last token, in milliseconds (fractions allowed). */
  @PositiveOrZero double durationMs();

  /** Tokens per second, as the runtime measured it. */
  @PositiveOrZero OptionalDouble throughput();

  Map<String, Object> metadata();
}
