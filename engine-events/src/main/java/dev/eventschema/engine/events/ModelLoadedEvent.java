package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A model finished loading and can serve generations. Wire name {@code modelLoaded}. */
@EventSchema
public interface ModelLoadedEvent {

  /** The model's id, as later events name it. */
  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** Where the weights were read from: a file path, a directory or a hub reference. */
  @Size(max = 4096) String modelPath();

  /**
   * The quantization scheme, such as {@code int4} or {@code q4_k_m}. A free token rather than an enum,
   * because every runtime names its schemes differently; only the shape is checked.
   */
  @Size(min = 1, max = 64)
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "letters, digits, '_', '.' and '-' only")
  Optional<String> quantization();

  /** The number of parameters. */
  @PositiveOrZero OptionalLong parameters();

  /** Anything else the runtime knows, as JSON values. */
  Map<String, Object> metadata();
}
