package dev.eventschema.engine.api.openai;

import dev.eventschema.ParseResult;
import dev.eventschema.engine.api.http.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request body into a {@link GenerationSpec}: first the few wire forms that OpenAI allows
 * and a strict schema cannot express are brought to one form, then the generated validator parses
 * the body, then {@link Compatibility} checks what is declared but not implemented. Every problem
 * of the three steps is reported together in one 400.
 *
 * <p>The forms brought to one: a {@code null} value means the key is absent (OpenAI's reading); a
 * string {@code stop} is a list of one; a {@code prompt} that is a list of one string is that string;
 * a message {@code content} given as text parts is their texts joined. Fields of OpenAI's API that
 * this server refuses whatever their value are refused here by name, before the schema would call
 * them unknown.
 */
public final class OpenAiRequestReader {

  /** Keys refused whatever their value, with why. */
  private static final Map<String, String> REFUSED = Map.of(
      "functions", "function calling is not supported",
      "function_call", "function calling is not supported",
      "audio", "audio output is not supported",
      "prediction", "predicted outputs are not supported",
      "web_search_options", "web search is not supported",
      "reasoning_effort", "this server's models do not reason");

  private OpenAiRequestReader() {}

  /** A {@code POST /v1/completions} body. */
  public static GenerationSpec completion(Map<String, Object> body) {
    Problems problems = new Problems();
    Map<String, Object> wire = common(body, problems);
    Object prompt = wire.get("prompt");
    if (prompt instanceof List<?> list) {
      if (list.size() == 1 && list.get(0) instanceof String only) {
        wire.put("prompt", only);
      } else {
        wire.remove("prompt");
        problems.add("prompt", "unsupported_value", list.stream().allMatch(String.class::isInstance)
            ? "a batch of " + list.size() + " prompts is not supported; send one string per request"
            : "prompts as token ids are not supported; send a string");
      }
    }
    ParseResult<CompletionRequest> parsed = CompletionRequestValidator.INSTANCE.parse(wire);
    problems.addAll(parsed.violations());
    problems.throwIfAny();
    CompletionRequest request = parsed.orElseThrow();
    Compatibility.check(request, problems);
    problems.throwIfAny();
    return Compatibility.spec(request);
  }

  /** A {@code POST /v1/chat/completions} body. */
  public static GenerationSpec chat(Map<String, Object> body) {
    Problems problems = new Problems();
    Map<String, Object> wire = common(body, problems);
    Object toolChoice = wire.remove("tool_choice");
    if (toolChoice != null && !"none".equals(toolChoice)) {
      problems.add("tool_choice", "unsupported_value", "tool calls are not supported; only 'none' is accepted");
    }
    Object modalities = wire.remove("modalities");
    if (modalities != null && !List.of("text").equals(modalities)) {
      problems.add("modalities", "unsupported_value", "only [\"text\"] is supported");
    }
    if (wire.get("messages") instanceof List<?> messages) {
      wire.put("messages", messages(messages, problems));
    }
    ParseResult<ChatCompletionRequest> parsed = ChatCompletionRequestValidator.INSTANCE.parse(wire);
    problems.addAll(parsed.violations());
    problems.throwIfAny();
    ChatCompletionRequest request = parsed.orElseThrow();
    Compatibility.check(request, problems);
    problems.throwIfAny();
    return Compatibility.spec(request);
  }

  /** A copy without null values, with {@code stop} as a list, and the refused keys reported and removed. */
  private static Map<String, Object> common(Map<String, Object> body, Problems problems) {
    Map<String, Object> wire = withoutNulls(body);
    for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
      if (wire.remove(refused.getKey()) != null) {
        problems.add(refused.getKey(), "unsupported_parameter", refused.getValue());
      }
    }
    if (wire.get("stop") instanceof String single) {
      wire.put("stop", List.of(single));
    }
    return wire;
  }

  private static List<Object> messages(List<?> messages, Problems problems) {
    List<Object> read = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      Object message = messages.get(i);
      if (!(message instanceof Map<?, ?> map)) {
        read.add(message); // the schema says what is wrong with it
        continue;
      }
      @SuppressWarnings("unchecked") // Jackson reads JSON objects as maps with String keys
      Map<String, Object> fields = withoutNulls((Map<String, Object>) map);
      if (fields.get("content") instanceof List<?> parts) {
        fields.put("content", joinTextParts(parts, "messages[" + i + "].content", problems));
      }
      read.add(fields);
    }
    return read;
  }

  /** {@code [{"type":"text","text":"a"}, ...]}: the texts joined by new lines; other parts refused. */
  private static String joinTextParts(List<?> parts, String param, Problems problems) {
    StringBuilder text = new StringBuilder();
    for (int j = 0; j < parts.size(); j++) {
      if (parts.get(j) instanceof Map<?, ?> part && "text".equals(part.get("type")) && part.size() == 2
          && part.get("text") instanceof String partText) {
        text.append(j > 0 ? "\n" : "").append(partText);
      } else {
        problems.add(param + "[" + j + "]", "unsupported_value",
            "only text parts ({\"type\": \"text\", \"text\": ...}) are supported");
      }
    }
    return text.toString();
  }

  private static Map<String, Object> withoutNulls(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((key, value) -> {
      if (value != null) {
        copy.put(key, value);
      }
    });
    return copy;
  }
}
