package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.FinishReason;
import java.util.Objects;

/**
 * How a generation ended without an error.
 *
 * @param generationId the id its events carry
 * @param modelId the model it ran on
 * @param finishReason {@code STOP} (end of sequence, or stopped at one of the request's stop sequences:
 *     {@link GenerationHandle#stopAtSequence}), {@code LENGTH} ({@code maxTokens} reached) or {@code
 *     CANCELLED}
 * @param tokensGenerated tokens produced, the end-of-sequence token not counted (as in {@code
 *     generationCompleted})
 * @param text the tokens' texts concatenated (tokens carry their own leading white space)
 * @param durationMs from the start (leaving the queue) to the end
 * @param started whether it left the queue and ran at all (a request cancelled while waiting did not)
 */
public record GenerationResult(String generationId, String modelId, FinishReason finishReason, long tokensGenerated,
    String text, double durationMs, boolean started) {

  public GenerationResult {
    Objects.requireNonNull(generationId, "generationId");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(finishReason, "finishReason");
    Objects.requireNonNull(text, "text");
  }

  /** Tokens per second; 0 when nothing was generated or no time passed. */
  public double throughput() {
    return durationMs > 0 ? tokensGenerated / (durationMs / 1000.0) : 0;
  }
}
