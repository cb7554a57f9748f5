package dev.eventschema.bench.model;

import dev.eventschema.engine.events.GenerationCompletedEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.OptionalDouble;

/** A hand-written implementation of {@link GenerationCompletedEvent}; see {@link TokenRecord}. */
@Valid
public record CompletedRecord(
    @NotEmpty @Size(max = 256) String model,
    @PositiveOrZero long tokensGenerated,
    @PositiveOrZero double durationMs,
    @PositiveOrZero OptionalDouble throughput,
    @NotNull Map<String, Object> metadata) implements GenerationCompletedEvent {

  public CompletedRecord {
    throughput = throughput == null ? OptionalDouble.empty() : throughput;
    metadata = metadata == null ? Map.of() : metadata;
  }
}
