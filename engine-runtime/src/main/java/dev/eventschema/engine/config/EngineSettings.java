package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Range;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code engine} section of {@link EngineConfig}. An absent limit leaves the engine's own default
 * ({@code Engine.DEFAULT_MAX_CONCURRENT}, {@code Engine.DEFAULT_MAX_WAITING}). Wire name
 * {@code engineSettings}.
 */
@EventSchema(value = "engineSettings", version = 2)
public interface EngineSettings {

  /** Generations running at once. */
  @Range(min = 1, max = 1024) OptionalInt maxConcurrent();

  /** Generations waiting beyond those; more are refused with {@code queue_full}. */
  @Range(min = 0, max = 1_000_000) OptionalInt maxWaiting();

  /**
   * An external runtime to serve the models (JSON-RPC over stdin/stdout); absent for the embedded
   * n-gram backend.
   */
  Optional<RuntimeSettings> runtime();
}
