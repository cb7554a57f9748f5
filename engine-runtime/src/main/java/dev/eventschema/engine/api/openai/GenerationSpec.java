package dev.eventschema.engine.api.openai;

import dev.eventschema.engine.backend.GenerationRequest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a completion or chat completion request asks for, once read and checked: the same for both
 * endpoints, which differ only in how they answer ({@link Dialect}).
 *
 * @param prompt the text the model continues (for chat, the rendered {@link ChatTemplate})
 * @param echo text to put before the generated text ({@code echo} of a completion), or empty
 * @param logprobs whether each token's log-probability is returned
 * @param topLogprobs how many alternatives per token (0: the chosen token's only); only read when
 *     {@code logprobs} is true
 */
public record GenerationSpec(String model, String prompt, int maxTokens, double temperature, double topP,
    OptionalLong seed, List<String> stop, boolean stream, boolean includeUsage, boolean logprobs, int topLogprobs,
    Optional<String> echo) {

  /** OpenAI's default temperature. */
  public static final double DEFAULT_TEMPERATURE = 1.0;

  public GenerationSpec {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(seed, "seed");
    stop = List.copyOf(stop);
    Objects.requireNonNull(echo, "echo");
  }

  /** The engine's request, carrying the HTTP request's id; it asks for alternatives only when they are wanted. */
  public GenerationRequest toEngineRequest(String requestId) {
    return new GenerationRequest(model, prompt, maxTokens, temperature, seed, OptionalDouble.empty(), topP,
        Optional.of(requestId), logprobs ? topLogprobs : 0);
  }
}
