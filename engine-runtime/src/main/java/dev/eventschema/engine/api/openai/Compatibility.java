package dev.eventschema.engine.api.openai;

import dev.eventschema.engine.api.http.Problems;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What the official clients may send and this server does not implement, decided field by field:
 * accepted at the neutral value (and then it changes nothing), refused otherwise with a message
 * naming the field. The table in docs/openai-api.md lists the same decisions.
 */
final class Compatibility {

  private static final String UNSUPPORTED = "unsupported_value";

  private Compatibility() {}

  static void check(ChatCompletionRequest request, Problems problems) {
    onlyOne("n", request.n(), problems);
    neutralPenalty("frequency_penalty", request.frequency_penalty(), problems);
    neutralPenalty("presence_penalty", request.presence_penalty(), problems);
    noBias(request.logit_bias(), problems);
    request.response_format().filter(format -> !format.type().equals("text")).ifPresent(format ->
        problems.add("response_format.type", UNSUPPORTED, "only 'text' is supported, was '" + format.type() + "'"));
    if (!request.tools().isEmpty()) {
      problems.add("tools", UNSUPPORTED, "tool calls are not supported; send no tools (or an empty list)");
    }
    streamOptionsOnlyWhenStreaming(request.stream(), request.stream_options().isPresent(), problems);
    if (request.top_logprobs().isPresent() && !request.logprobs().orElse(false)) {
      problems.add("top_logprobs", "invalid_value", "top_logprobs needs logprobs: true");
    }
    if (request.max_tokens().isPresent() && request.max_completion_tokens().isPresent()
        && request.max_tokens().getAsInt() != request.max_completion_tokens().getAsInt()) {
      problems.add("max_completion_tokens", "invalid_value", "max_tokens and max_completion_tokens disagree ("
          + request.max_tokens().getAsInt() + " and " + request.max_completion_tokens().getAsInt() + "); send one");
    }
  }

  static void check(CompletionRequest request, Problems problems) {
    onlyOne("n", request.n(), problems);
    onlyOne("best_of", request.best_of(), problems);
    neutralPenalty("frequency_penalty", request.frequency_penalty(), problems);
    neutralPenalty("presence_penalty", request.presence_penalty(), problems);
    noBias(request.logit_bias(), problems);
    if (!request.suffix().orElse("").isEmpty()) {
      problems.add("suffix", UNSUPPORTED, "insertion (a suffix) is not supported");
    }
    streamOptionsOnlyWhenStreaming(request.stream(), request.stream_options().isPresent(), problems);
    if (request.echo().orElse(false) && request.logprobs().isPresent()) {
      problems.add("echo", UNSUPPORTED, "echo with logprobs is not supported (the prompt's log-probabilities are"
          + " not computed)");
    }
  }

  static GenerationSpec spec(ChatCompletionRequest request) {
    int maxTokens = request.max_completion_tokens().orElse(request.max_tokens().orElse(
        OpenAiLimits.DEFAULT_CHAT_TOKENS));
    boolean stream = request.stream().orElse(false);
    return new GenerationSpec(request.model(), ChatTemplate.render(request.messages()), maxTokens,
        request.temperature().orElse(GenerationSpec.DEFAULT_TEMPERATURE), request.top_p().orElse(1.0),
        request.seed(), request.stop(), stream, includeUsage(request.stream_options()),
        request.logprobs().orElse(false), request.top_logprobs().orElse(0), Optional.empty());
  }

  static GenerationSpec spec(CompletionRequest request) {
    boolean stream = request.stream().orElse(false);
    Optional<String> echo = request.echo().orElse(false) ? Optional.of(request.prompt()) : Optional.empty();
    return new GenerationSpec(request.model(), request.prompt(),
        request.max_tokens().orElse(OpenAiLimits.DEFAULT_COMPLETION_TOKENS),
        request.temperature().orElse(GenerationSpec.DEFAULT_TEMPERATURE), request.top_p().orElse(1.0),
        request.seed(), request.stop(), stream, includeUsage(request.stream_options()),
        request.logprobs().isPresent(), request.logprobs().orElse(0), echo);
  }

  private static boolean includeUsage(Optional<StreamOptions> options) {
    return options.flatMap(StreamOptions::include_usage).orElse(false);
  }

  private static void onlyOne(String field, OptionalInt value, Problems problems) {
    if (value.isPresent() && value.getAsInt() != 1) {
      problems.add(field, UNSUPPORTED, "only one choice per request is supported (1), was " + value.getAsInt());
    }
  }

  private static void neutralPenalty(String field, OptionalDouble value, Problems problems) {
    if (value.isPresent() && value.getAsDouble() != 0) {
      problems.add(field, UNSUPPORTED, "penalties are not supported; only 0 is accepted, was " + value.getAsDouble());
    }
  }

  private static void noBias(Map<String, Double> bias, Problems problems) {
    if (!bias.isEmpty()) {
      problems.add("logit_bias", UNSUPPORTED, "logit_bias is not supported; send none (or {})");
    }
  }

  private static void streamOptionsOnlyWhenStreaming(Optional<Boolean> stream, boolean hasOptions, Problems problems) {
    if (hasOptions && !stream.orElse(false)) {
      problems.add("stream_options", "invalid_value", "stream_options is only allowed when stream is true");
    }
  }
}
