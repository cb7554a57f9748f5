package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.PositiveOrZero;
import java.util.Map;
import java.util.OptionalInt;

/** The engine's state changed, or a periodic report of it. Wire name {@code runtimeStatus}. */
@EventSchema
public interface RuntimeStatusEvent {

  RuntimeStatus status();

  @PositiveOrZero int modelsLoaded();

  /** Generations and other tasks in progress. */
  @PositiveOrZero OptionalInt activeTasks();

  Map<String, Object> metadata();
}
