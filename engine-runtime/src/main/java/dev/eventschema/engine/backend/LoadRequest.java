package dev.eventschema.engine.backend;

import java.util.Map;
import java.util.Objects;

/**
 * A model to load.
 *
 * @param modelId the id the engine will use for it; unique per backend
 * @param modelPath where the model is: a file path, or what the backend understands (the n-gram
 *     backend also reads {@code classpath:} resources)
 * @param options backend-specific settings (the n-gram backend reads {@code order}), passed as is
 */
public record LoadRequest(String modelId, String modelPath, Map<String, Object> options) {

  public LoadRequest {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelPath, "modelPath");
    options = Map.copyOf(options);
  }

  /** A request without options. */
  public static LoadRequest of(String modelId, String modelPath) {
    return new LoadRequest(modelId, modelPath, Map.of());
  }
}
