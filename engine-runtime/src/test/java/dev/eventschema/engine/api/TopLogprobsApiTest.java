package dev.eventschema.engine.api;

import static dev.eventschema.engine.api.ApiFixture.json;
import static dev.eventschema.engine.api.OpenAiApiTest.dataLines;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code top_logprobs} (chat) and {@code logprobs: k} (completions) from the embedded model, over real HTTP. */
@Timeout(60)
@SuppressWarnings("unchecked") // JSON objects read as maps
class TopLogprobsApiTest {

  private static final String CHAT = "{\"model\":\"harbor-trigram\",\"messages\":[{\"role\":\"user\","
      + "\"content\":\"The keeper\"}],\"max_tokens\":12,\"seed\":3,\"temperature\":%s,\"logprobs\":true,"
      + "\"top_logprobs\":%d,\"stream\":%s}";
  private static final String COMPLETION = "{\"model\":\"harbor-trigram\",\"prompt\":\"The keeper\","
      + "\"max_tokens\":12,\"seed\":3,\"logprobs\":%d,\"stream\":%s}";

  private ApiFixture api;

  @BeforeEach
  void start() throws Exception {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void chatTopLogprobsAreTheMostLikelyTokens_descending_withTheSampledTokensEventLogprob(boolean stream)
      throws Exception {
    for (int k : List.of(1, 5, 20)) {
      HttpResponse<String> response = api.post("/v1/chat/completions", CHAT.formatted("1.0", k, stream));
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

      Answer answer = stream ? streamedChat(response.body()) : wholeChat(response.body());
      List<Double> fromEvents = tokenLogprobs(answer.generationId());
      assertThat(answer.entries()).hasSize(fromEvents.size()).isNotEmpty();
      for (int i = 0; i < answer.entries().size(); i++) {
        Map<String, Object> entry = answer.entries().get(i);
        double logprob = number(entry.get("logprob"));
        assertThat(logprob).isEqualTo(fromEvents.get(i));
        assertTokenShape(entry);
        List<Map<String, Object>> top = (List<Map<String, Object>>) entry.get("top_logprobs");
        assertThat(top).hasSize(k); // the default corpus has far more than 20 tokens
        double previous = 0;
        for (Map<String, Object> alternative : top) {
          assertThat(alternative).containsOnlyKeys("token", "logprob", "bytes");
          assertTokenShape(alternative);
          assertThat(number(alternative.get("logprob"))).isLessThanOrEqualTo(previous);
          previous = number(alternative.get("logprob"));
          if (alternative.get("token").equals(entry.get("token"))) {
            assertThat(number(alternative.get("logprob"))).isEqualTo(logprob);
          }
        }
        assertThat(logprob).isLessThanOrEqualTo(number(top.get(0).get("logprob")));
      }
    }
  }

  @Test
  void greedyChatSampledTokenIsTheFirstAlternative() throws Exception {
    HttpResponse<String> response = api.post("/v1/chat/completions", CHAT.formatted("0", 3, false));

    for (Map<String, Object> entry : wholeChat(response.body()).entries()) {
      Map<String, Object> first = ((List<Map<String, Object>>) entry.get("top_logprobs")).get(0);
      assertThat(first).containsEntry("token", entry.get("token")).containsEntry("logprob", entry.get("logprob"));
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void completionTopLogprobsAreOneObjectPerToken_descending_holdingTheSampledToken(boolean stream) throws Exception {
    int k = 5;
    HttpResponse<String> response = api.post("/v1/completions", COMPLETION.formatted(k, stream));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    List<String> tokens = new ArrayList<>();
    List<Double> tokenLogprobs = new ArrayList<>();
    List<Integer> offsets = new ArrayList<>();
    List<Map<String, Object>> top = new ArrayList<>();
    String generationId = null;
    StringBuilder text = new StringBuilder();
    List<String> bodies = stream ? dataLines(response.body()) : List.of(response.body());
    for (String body : bodies) {
      if (body.equals("[DONE]")) {
        continue;
      }
      Map<String, Object> json = json(body);
      generationId = ((String) json.get("id")).substring("cmpl-".length());
      for (Object choiceObject : (List<?>) json.get("choices")) {
        Map<String, Object> choice = (Map<String, Object>) choiceObject;
        Map<String, Object> logprobs = (Map<String, Object>) choice.get("logprobs");
        text.append(choice.get("text"));
        if (logprobs != null) {
          assertThat(logprobs).containsOnlyKeys("tokens", "token_logprobs", "top_logprobs", "text_offset");
          tokens.addAll((List<String>) logprobs.get("tokens"));
          ((List<Number>) logprobs.get("token_logprobs")).forEach(value -> tokenLogprobs.add(value.doubleValue()));
          offsets.addAll((List<Integer>) logprobs.get("text_offset"));
          top.addAll((List<Map<String, Object>>) logprobs.get("top_logprobs"));
        }
      }
    }

    assertThat(tokenLogprobs).isEqualTo(tokenLogprobs(generationId));
    assertThat(top).hasSameSizeAs(tokens).isNotEmpty();
    assertThat(offsets).hasSameSizeAs(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      assertThat(text.substring(offsets.get(i))).startsWith(tokens.get(i));
      Map<String, Object> alternatives = top.get(i);
      assertThat(alternatives.size()).isBetween(k, k + 1); // OpenAI's rule: the sampled token is always there
      assertThat(alternatives).containsKey(tokens.get(i));
      assertThat(number(alternatives.get(tokens.get(i)))).isEqualTo(tokenLogprobs.get(i));
      double previous = 0;
      for (Object value : alternatives.values()) { // JSON object order is kept: most likely first
        assertThat(number(value)).isLessThanOrEqualTo(previous);
        previous = number(value);
      }
    }
  }

  @Test
  void withoutAlternativesTheShapesStayAsBefore() throws Exception {
    Map<String, Object> chat = wholeChat(api.post("/v1/chat/completions", CHAT.formatted("1.0", 0, false)).body())
        .entries().get(0);
    assertThat((List<?>) chat.get("top_logprobs")).isEmpty();

    Map<String, Object> completion = json(api.post("/v1/completions", COMPLETION.formatted(0, false)).body());
    Map<String, Object> logprobs = (Map<String, Object>) ((Map<String, Object>) ((List<?>) completion.get("choices"))
        .get(0)).get("logprobs");
    assertThat(logprobs).containsEntry("top_logprobs", null);
    assertThat((List<?>) logprobs.get("tokens")).isNotEmpty();
  }

  @Test
  void moreAlternativesThanOpenAiAllowsAre400NamingTheField() throws Exception {
    HttpResponse<String> chat = api.post("/v1/chat/completions", CHAT.formatted("1.0", 21, false));
    HttpResponse<String> completion = api.post("/v1/completions", COMPLETION.formatted(6, false));

    assertThat(chat.statusCode()).isEqualTo(400);
    assertThat(((Map<String, Object>) json(chat.body()).get("error"))).containsEntry("param", "top_logprobs");
    assertThat(completion.statusCode()).isEqualTo(400);
    assertThat(((Map<String, Object>) json(completion.body()).get("error"))).containsEntry("param", "logprobs");
  }

  /** The {@code logprobs.content} entries of a chat answer, and its generation's id. */
  private record Answer(String generationId, List<Map<String, Object>> entries) {}

  private static Answer wholeChat(String body) throws Exception {
    Map<String, Object> json = json(body);
    Map<String, Object> choice = (Map<String, Object>) ((List<?>) json.get("choices")).get(0);
    return new Answer(chatGenerationId(json),
        (List<Map<String, Object>>) ((Map<String, Object>) choice.get("logprobs")).get("content"));
  }

  private static Answer streamedChat(String body) throws Exception {
    List<Map<String, Object>> entries = new ArrayList<>();
    String generationId = null;
    for (String line : dataLines(body)) {
      if (line.equals("[DONE]")) {
        continue;
      }
      Map<String, Object> chunk = json(line);
      generationId = chatGenerationId(chunk);
      for (Object choice : (List<?>) chunk.get("choices")) {
        Map<String, Object> logprobs = (Map<String, Object>) ((Map<String, Object>) choice).get("logprobs");
        if (logprobs != null) {
          entries.addAll((List<Map<String, Object>>) logprobs.get("content"));
        }
      }
    }
    return new Answer(generationId, entries);
  }

  private static String chatGenerationId(Map<String, Object> json) {
    return ((String) json.get("id")).substring("chatcmpl-".length());
  }

  /** The log-probabilities of the generation's text tokens, as its tokenGenerated events carried them. */
  private List<Double> tokenLogprobs(String generationId) throws Exception {
    api.awaitEvent(generationId, EventType.GENERATION_COMPLETED);
    return api.eventsOf(generationId).stream().filter(e -> e.type() == EventType.TOKEN_GENERATED)
        .map(EmittedEvent::event).map(TokenGeneratedEvent.class::cast).filter(t -> !t.token().isEmpty())
        .map(t -> t.logprob().orElseThrow()).toList();
  }

  private static void assertTokenShape(Map<String, Object> entry) {
    assertThat(number(entry.get("logprob"))).isLessThanOrEqualTo(0.0);
    List<Integer> bytes = (List<Integer>) entry.get("bytes");
    byte[] utf8 = ((String) entry.get("token")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bytes).hasSize(utf8.length);
    for (int i = 0; i < utf8.length; i++) {
      assertThat(bytes.get(i)).isEqualTo(utf8[i] & 0xff);
    }
  }

  private static double number(Object value) {
    return ((Number) value).doubleValue();
  }
}
