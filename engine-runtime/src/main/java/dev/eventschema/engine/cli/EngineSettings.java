package dev.eventschema.engine.cli;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.util.List;
import java.util.OptionalInt;

/** The {@code engine} section of {@link EngineConfig}. Wire name {@code engineSettings}. */
@EventSchema("engineSettings")
public interface EngineSettings {

  /** Generations running at once. */
  @Range(min = 1, max = 1024) OptionalInt maxConcurrent();

  /** Generations waiting beyond those; more are refused with {@code queue_full}. */
  @Range(min = 0, max = 1_000_000) OptionalInt maxWaiting();

  /**
   * An external runtime to serve the models (program and arguments), speaking JSON-RPC over
   * stdin/stdout; empty for the embedded n-gram backend.
   */
  @Size(max = 256) List<@Size(max = 4096) String> runtimeCommand();
}
