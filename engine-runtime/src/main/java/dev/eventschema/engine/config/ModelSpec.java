package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.util.OptionalInt;

/** A model to load at start. Wire name {@code modelSpec}. */
@EventSchema("modelSpec")
public interface ModelSpec {

  @Size(max = 256) String id();

  /** A UTF-8 text file to train the n-gram model on, or {@code classpath:...}. */
  @Size(max = 4096) String path();

  /** The n-gram order, 1 to 4; 3 by default. */
  @Range(min = 1, max = 4) OptionalInt order();
}
