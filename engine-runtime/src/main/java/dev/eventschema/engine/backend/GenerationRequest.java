package dev.eventschema.engine.backend;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What to generate.
 *
 * @param modelId a loaded model
 * @param prompt the text to continue; may be empty
 * @param maxTokens at most this many tokens, the end-of-sequence token included; then the
 *     generation finishes with {@link FinishReason#LENGTH}
 * @param temperature 0 picks the most likely token every time; 1 samples the model as it is;
 *     higher flattens the distribution
 * @param seed makes sampling repeatable: the same seed, model, prompt and settings give the same
 *     tokens; empty means a random seed
 * @param tokensPerSecond paces the stream so that it looks like real serving; empty means as fast
 *     as possible
 * @param topP nucleus sampling: only the most likely tokens whose (tempered) probabilities add up
 *     to {@code topP} are drawn from; 1 (the default) turns it off; in {@code (0, 1]}
 * @param requestId the caller's id for the request (an HTTP {@code x-request-id}), carried in the
 *     {@code generationStarted} event's metadata so that the generation's events can be found by it
 * @param topLogprobs how many of the most likely tokens to report with each token, in {@code [0,
 *     }{@value #MAX_TOP_LOGPROBS}{@code ]}; 0 (the default) reports none and costs nothing
 */
public record GenerationRequest(
    String modelId, String prompt, int maxTokens, double temperature, OptionalLong seed,
    OptionalDouble tokensPerSecond, double topP, Optional<String> requestId, int topLogprobs) {

  /** The most alternatives per token a request may ask for, as OpenAI allows. */
  public static final int MAX_TOP_LOGPROBS = 20;

  public GenerationRequest {
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(tokensPerSecond, "tokensPerSecond");
    Objects.requireNonNull(requestId, "requestId");
    if (maxTokens < 1) {
      throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("temperature must be finite and >= 0, was " + temperature);
    }
    if (tokensPerSecond.isPresent() && !(tokensPerSecond.getAsDouble() > 0)) {
      throw new IllegalArgumentException("tokensPerSecond must be > 0, was " + tokensPerSecond.getAsDouble());
    }
    if (!(topP > 0 && topP <= 1)) {
      throw new IllegalArgumentException("topP must be in (0, 1], was " + topP);
    }
    if (topLogprobs < 0 || topLogprobs > MAX_TOP_LOGPROBS) {
      throw new IllegalArgumentException("topLogprobs must be in [0, " + MAX_TOP_LOGPROBS + "], was " + topLogprobs);
    }
  }

  /** A request without alternatives per token. */
  public GenerationRequest(String modelId, String prompt, int maxTokens, double temperature, OptionalLong seed,
      OptionalDouble tokensPerSecond, double topP, Optional<String> requestId) {
    this(modelId, prompt, maxTokens, temperature, seed, tokensPerSecond, topP, requestId, 0);
  }

  /** A request without nucleus sampling, request id or alternatives per token. */
  public GenerationRequest(String modelId, String prompt, int maxTokens, double temperature, OptionalLong seed,
      OptionalDouble tokensPerSecond) {
    this(modelId, prompt, maxTokens, temperature, seed, tokensPerSecond, 1.0, Optional.empty());
  }

  /** An unpaced request with a fixed seed. */
  public static GenerationRequest of(String modelId, String prompt, int maxTokens, double temperature, long seed) {
    return new GenerationRequest(modelId, prompt, maxTokens, temperature, OptionalLong.of(seed),
        OptionalDouble.empty());
  }

  /** The same request, paced at {@code tokensPerSecond}. */
  public GenerationRequest paced(double tokensPerSecond) {
    return new GenerationRequest(modelId, prompt, maxTokens, temperature, seed, OptionalDouble.of(tokensPerSecond),
        topP, requestId, topLogprobs);
  }

  /** The same request with nucleus sampling at {@code newTopP}. */
  public GenerationRequest withTopP(double newTopP) {
    return new GenerationRequest(modelId, prompt, maxTokens, temperature, seed, tokensPerSecond, newTopP, requestId,
        topLogprobs);
  }

  /** The same request carrying the caller's {@code newRequestId}. */
  public GenerationRequest withRequestId(String newRequestId) {
    return new GenerationRequest(modelId, prompt, maxTokens, temperature, seed, tokensPerSecond, topP,
        Optional.of(newRequestId), topLogprobs);
  }

  /** The same request, reporting the {@code k} most likely tokens with each token. */
  public GenerationRequest withTopLogprobs(int k) {
    return new GenerationRequest(modelId, prompt, maxTokens, temperature, seed, tokensPerSecond, topP, requestId, k);
  }
}
