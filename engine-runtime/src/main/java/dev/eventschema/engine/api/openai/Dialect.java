package dev.eventschema.engine.api.openai;

import dev.eventschema.engine.backend.TokenAlternative;
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
    Map<String, Object> choice(String text, Logprobs logprobs, String finish, boolean chunk) {
      Map<String, Object> choice = new LinkedHashMap<>();
      choice.put("index", 0);
      choice.put("text", text);
      choice.put("logprobs", logprobs == null ? null : legacyLogprobs(logprobs));
      choice.put("finish_reason", finish);
      return choice;
    }
  },

  CHAT("chatcmpl-", "chat.completion", "chat.completion.chunk") {
    @Override
    Map<String, Object> choice(String text, Logprobs logprobs, String finish, boolean chunk) {
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
      choice.put("logprobs", logprobs == null ? null
          : Map.of("content", logprobs.entries().stream().map(Dialect::chatLogprob).toList()));
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
   * @param alternatives the most likely tokens at its step, most likely first (empty when the backend
   *     does not report them)
   */
  record TokenLogprob(String token, Double logprob, int textOffset, List<TokenAlternative> alternatives) {}

  /**
   * A choice's {@code logprobs}, when the request asked for them.
   *
   * @param top how many alternatives per token the request asked for ({@code top_logprobs} of a chat,
   *     {@code logprobs} of a completion); 0 for the chosen tokens' only
   */
  record Logprobs(List<TokenLogprob> entries, int top) {}

  private final String idPrefix;
  private final String object;
  private final String chunkObject;

  Dialect(String idPrefix, String object, String chunkObject) {
    this.idPrefix = idPrefix;
    this.object = object;
    this.chunkObject = chunkObject;
  }

  /**
   * A choice of a whole answer ({@code chunk} false) or of a stream chunk.
   *
   * @param logprobs null gives {@code "logprobs": null}
   */
  abstract Map<String, Object> choice(String text, Logprobs logprobs, String finish, boolean chunk);

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

  /**
   * The legacy shape: parallel lists, {@code top_logprobs} one {@code {token: logprob}} object per
   * token (null when none were asked for). As OpenAI's, an object also holds the chosen token, so
   * it has up to {@code logprobs + 1} entries; most likely first, the chosen token last when it is
   * not among the most likely.
   */
  private static Map<String, Object> legacyLogprobs(Logprobs logprobs) {
    List<String> tokens = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    List<Map<String, Double>> top = logprobs.top() > 0 ? new ArrayList<>() : null;
    for (TokenLogprob entry : logprobs.entries()) {
      tokens.add(entry.token());
      values.add(entry.logprob());
      offsets.add(entry.textOffset());
      if (top != null) {
        Map<String, Double> alternatives = new LinkedHashMap<>();
        entry.alternatives().forEach(alternative -> alternatives.put(alternative.text(), alternative.logprob()));
        if (entry.logprob() != null) {
          alternatives.putIfAbsent(entry.token(), entry.logprob());
        }
        top.add(alternatives);
      }
    }
    Map<String, Object> legacy = new HashMap<>();
    legacy.put("tokens", tokens);
    legacy.put("token_logprobs", values);
    legacy.put("top_logprobs", top);
    legacy.put("text_offset", offsets);
    return legacy;
  }

  /** The chat shape: the chosen token, then {@code top_logprobs} as OpenAI's list of the same entries. */
  private static Map<String, Object> chatLogprob(TokenLogprob entry) {
    Map<String, Object> map = tokenEntry(entry.token(), entry.logprob());
    map.put("top_logprobs", entry.alternatives().stream()
        .map(alternative -> tokenEntry(alternative.text(), alternative.logprob()))
        .toList());
    return map;
  }

  private static Map<String, Object> tokenEntry(String token, Double logprob) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("token", token);
    map.put("logprob", logprob);
    byte[] utf8 = token.getBytes(StandardCharsets.UTF_8);
    List<Integer> bytes = new ArrayList<>(utf8.length);
    for (byte b : utf8) {
      bytes.add(b & 0xff);
    }
    map.put("bytes", bytes);
    return map;
  }
}
