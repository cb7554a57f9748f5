package dev.eventschema.engine.backend;

import java.util.Map;
import java.util.Objects;

/**
 * A model to load.
 *
 * @param modelId the id the engine will use for it; unique per backend
 * @param modelPath where the model is: a file path, or what the backend understands. A path starting
 *     {@value #CLASSPATH_PREFIX} names a resource on the engine's own class path: only the embedded
 *     n-gram backend reads those; an external runtime refuses them, since it runs in another process
 * @param options backend-specific settings (the n-gram backend reads {@code order}), passed as is
 */
public record LoadRequest(String modelId, String modelPath, Map<String, Object> options) {

  /** How a model path names a resource on the engine's class path, such as the shipped corpus. */
  public static final String CLASSPATH_PREFIX = "classpath:";

  public LoadRequest {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelPath, "modelPath");
    options = Map.copyOf(options);
  }

  /** Whether the path names a resource inside the engine ({@value #CLASSPATH_PREFIX}), not a file. */
  public boolean isEngineResource() {
    return modelPath.startsWith(CLASSPATH_PREFIX);
  }

  /** A request without options. */
  public static LoadRequest of(String modelId, String modelPath) {
    return new LoadRequest(modelId, modelPath, Map.of());
  }
}
