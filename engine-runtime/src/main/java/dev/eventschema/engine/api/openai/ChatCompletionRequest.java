package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
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
 * The body of {@code POST /v1/chat/completions}. Accessors are named as OpenAI's wire keys (the
 * processor's wire key is the accessor's name), hence the snake case. Fields that the official
 * clients may send but this server does not implement are declared too, so that a neutral value is
 * accepted and any other refused by {@link Compatibility} with a message naming it; see
 * docs/openai-api.md.
 */
@EventSchema("chatCompletionRequest")
public interface ChatCompletionRequest {

  @Size(max = 256) String model();

  @Size(min = 1, max = OpenAiLimits.MAX_MESSAGES) List<ChatMessage> messages();

  @Range(min = 1, max = OpenAiLimits.MAX_TOKENS) OptionalInt max_tokens();

  @Range(min = 1, max = OpenAiLimits.MAX_TOKENS) OptionalInt max_completion_tokens();

  @Range(min = 0, max = 2) OptionalDouble temperature();

  @Positive @Max(1) OptionalDouble top_p();

  OptionalLong seed();

  /** A single string on the wire is read as a list of one (see {@link OpenAiRequestReader}). */
  @Size(max = OpenAiLimits.MAX_STOP_SEQUENCES)
  List<@Size(min = 1, max = OpenAiLimits.MAX_STOP_CHARS) String> stop();

  Optional<Boolean> stream();

  Optional<StreamOptions> stream_options();

  Optional<Boolean> logprobs();

  @Range(min = 0, max = OpenAiLimits.MAX_TOP_LOGPROBS) OptionalInt top_logprobs();

  // ---- accepted at their neutral value only ----

  @Positive OptionalInt n();

  @Range(min = -2, max = 2) OptionalDouble frequency_penalty();

  @Range(min = -2, max = 2) OptionalDouble presence_penalty();

  @Size(max = 300) Map<String, @Range(min = -100, max = 100) Double> logit_bias();

  Optional<ResponseFormat> response_format();

  @Size(max = 128) List<ToolDefinition> tools();

  // ---- accepted and ignored ----

  @Size(max = 256) Optional<String> user();

  Optional<Boolean> parallel_tool_calls();

  Optional<Boolean> store();

  @Size(max = 16) Map<String, @Size(max = 512) String> metadata();

  @Size(max = 32) Optional<String> service_tier();
}
