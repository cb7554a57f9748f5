package dev.eventschema.engine.backend;

import java.util.Objects;
import java.util.Optional;

/**
 * A model that a backend holds.
 *
 * @param modelId the id it was loaded under
 * @param modelPath where it was loaded from
 * @param quantization how its weights are stored, when that means anything (such as {@code q4})
 * @param parameters the model's size: weights for a neural model, stored n-gram counts for the
 *     n-gram model
 */
public record LoadedModel(String modelId, String modelPath, Optional<String> quantization, long parameters) {

  public LoadedModel {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(modelPath, "modelPath");
    Objects.requireNonNull(quantization, "quantization");
    if (parameters < 0) {
      throw new IllegalArgumentException("parameters must be >= 0, was " + parameters);
    }
  }
}
