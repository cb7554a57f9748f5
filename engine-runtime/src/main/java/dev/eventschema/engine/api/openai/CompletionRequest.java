package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.Max;
import dev.eventschema.constraints.Positive;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The body of {@code POST /v1/completions} (OpenAI's legacy completions). Snake-case accessors are
 * the wire keys. {@code prompt} is one string: a list holding one string is read as that string,
 * a batch is refused by {@link OpenAiRequestReader}.
 */
@EventSchema("completionRequest")
public interface CompletionRequest {

  @Size(max = 256) String model();

  @AllowEmpty @Size(max = OpenAiLimits.MAX_TEXT_CHARS) String prompt();

  @Range(min = 1, max = OpenAiLimits.MAX_TOKENS) OptionalInt max_tokens();

  @Range(min = 0, max = 2) OptionalDouble temperature();

  @Positive @Max(1) OptionalDouble top_p();

  OptionalLong seed();

  @Size(max = OpenAiLimits.MAX_STOP_SEQUENCES)
  List<@Size(min = 1, max = OpenAiLimits.MAX_STOP_CHARS) String> stop();

  Optional<Boolean> stream();

  Optional<StreamOptions> stream_options();

  /** How many alternatives to list per token; 0 lists only the chosen token's log-probability. */
  @Range(min = 0, max = OpenAiLimits.MAX_COMPLETION_LOGPROBS) OptionalInt logprobs();

  /** Whether the text starts with the prompt. */
  Optional<Boolean> echo();

  // ---- accepted at their neutral value only ----

  @Positive OptionalInt n();

  @Positive OptionalInt best_of();

  @Range(min = -2, max = 2) OptionalDouble frequency_penalty();

  @Range(min = -2, max = 2) OptionalDouble presence_penalty();

  @Size(max = 300) Map<String, @Range(min = -100, max = 100) Double> logit_bias();

  @AllowEmpty @Size(max = OpenAiLimits.MAX_TEXT_CHARS) Optional<String> suffix();

  // ---- accepted and ignored ----

  @Size(max = 256) Optional<String> user();
}
