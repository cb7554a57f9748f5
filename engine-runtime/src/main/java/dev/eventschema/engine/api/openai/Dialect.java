package dev.eventschema.engine.api.openai;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the two generation endpoints shape their answers: {@code text_completion} ({@code
 * /v1/completions}, text in {@code choices[].text}, the legacy log-probability lists) and {@code
 * chat.completion} ({@code /v1/chat/completions}, a {@code message} or {@code delta}, log-probabilities
 * per token in {@code logprobs.content}).
 */
enum Dialect {

  TEXT("cmpl-", "text_completion", "text_completion") {
    @Override
    Map<String, Object> choice(String text, List<TokenLogprob> logprobs, boolean withLogprobs, String finish,
        boolean chunk) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", 0);
      choice.put("text", text);
      choice.put("logprobs", withLogprobs ? legacyLogprobs(logprobs) : null);
      choice.put("finish_reason", finish);
      return choice;
    }
  },

  CHAT("chatcmpl-", "chat.completion", "chat.completion.chunk") {
    @Override
    Map<String, Object> choice(String text, List<TokenLogprob> logprobs, boolean withLogprobs, String finish,
        boolean chunk) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", 0);
      Map<String, Object> message = new LinkedHashMap<>();
      if (!chunk) {
        message.put("role", "assistant");
      }
      if (!chunk || !text.isEmpty()) {
        message.put("content", text);
      }
      choice.put(chunk ? "delta" : "message", message);
      choice.put("logprobs", withLogprobs ? Map.of("content", logprobs.stream().map(Dialect::chatLogprob).toList())
          : null);
      choice.put("finish_reason", finish);
      return choice;
    }

    @Override
    Map<String, Object> firstChunkChoice() {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", 0);
      choice.put("delta", Map.of("role", "assistant", "content", ""));
      choice.put("logprobs", null);
      choice.put("finish_reason", null);
      return choice;
    }
  };

  /**
   * One generated token's log-probability.
   *
   * @param logprob null when the backend did not report it
   * @param textOffset where the token starts in the answer's text
   */
  record TokenLogprob(String token, Double logprob, int textOffset) {}

  private final String idPrefix;
  private final String object;
  private final String chunkObject;

  Dialect(String idPrefix, String object, String chunkObject) {
    this.idPrefix = idPrefix;
    this.object = object;
    this.chunkObject = chunkObject;
  }

  /** A choice of a whole answer ({@code chunk} false) or of a stream chunk. */
  abstract Map<String, Object> choice(String text, List<TokenLogprob> logprobs, boolean withLogprobs,
      String finish, boolean chunk);

  /** The choice of the chunk that opens a stream, or null when the dialect sends none. */
  Map<String, Object> firstChunkChoice() {
    return null;
  }

  /** The answer's {@code id}: the prefix OpenAI uses, then the engine's generation id. */
  String id(String generationId) {
    return idPrefix + generationId;
  }

  /** The envelope shared by answers and chunks; {@code choices} empty for the usage chunk. */
  Map<String, Object> envelope(String id, long created, String model, List<Map<String, Object>> choices,
      boolean chunk) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("object", chunk ? chunkObject : object);
    body.put("created", created);
    body.put("model", model);
    body.put("choices", choices);
    return body;
  }

  static Map<String, Object> usage(long promptTokens, long completionTokens) {
    Map<String, Object> usage = new LinkedHashMap<>();
    usage.put("prompt_tokens", promptTokens);
    usage.put("completion_tokens", completionTokens);
    usage.put("total_tokens", promptTokens + completionTokens);
    return usage;
  }

  private static Map<String, Object> legacyLogprobs(List<TokenLogprob> logprobs) {
    List<String> tokens = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    for (TokenLogprob entry : logprobs) {
      tokens.add(entry.token());
      values.add(entry.logprob());
      offsets.add(entry.textOffset());
    }
    Map<String, Object> legacy = new HashMap<>();
    legacy.put("tokens", tokens);
    legacy.put("token_logprobs", values);
    legacy.put("top_logprobs", null);
    legacy.put("text_offset", offsets);
    return legacy;
  }

  private static Map<String, Object> chatLogprob(TokenLogprob entry) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("token", entry.token());
    map.put("logprob", entry.logprob());
    byte[] utf8 = entry.token().getBytes(StandardCharsets.UTF_8);
    List<Integer> bytes = new ArrayList<>(utf8.length);
    for (byte b : utf8) {
      bytes.add(b & 0xff);
    }
    map.put("bytes", bytes);
    map.put("top_logprobs", List.of());
    return map;
  }
}
