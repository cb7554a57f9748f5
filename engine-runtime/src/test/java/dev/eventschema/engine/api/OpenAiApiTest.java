package dev.eventschema.engine.api;

import static dev.eventschema.engine.api.ApiFixture.MODEL;
import static dev.eventschema.engine.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationStartedEvent;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@SuppressWarnings("unchecked") // JSON objects read as maps
class OpenAiApiTest {

  private ApiFixture api;

  @BeforeEach
  void start() throws Exception {
    api = ApiFixture.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void modelsListsTheLoadedModelsInOpenAisShape() throws Exception {
    HttpResponse<String> response = api.send("GET", "/v1/models");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = json(response.body());
    assertThat(body).containsEntry("object", "list");
    assertThat((List<?>) body.get("data")).singleElement().satisfies(model -> assertThat((Map<String, Object>) model)
        .containsEntry("id", MODEL).containsEntry("object", "model").containsKeys("created", "owned_by"));
  }

  @Test
  void aCompletionAnswersWithTextAndUsage_asTheEngineCountedIt_andCarriesTheRequestId() throws Exception {
    HttpResponse<String> response = api.post("/v1/completions",
        "{\"model\":\"harbor-trigram\",\"prompt\":\"The keeper\",\"max_tokens\":16,\"seed\":7}",
        "x-request-id", "trace-42");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("x-request-id")).hasValue("trace-42");
    Map<String, Object> body = json(response.body());
    assertThat(body).containsEntry("object", "text_completion").containsEntry("model", MODEL);
    Map<?, ?> choice = (Map<String, Object>) ((List<?>) body.get("choices")).get(0);
    assertThat(choice.get("finish_reason")).isIn("stop", "length");
    String generationId = ((String) body.get("id")).substring("cmpl-".length());
    GenerationCompletedEvent completed = (GenerationCompletedEvent) api.awaitEvent(generationId,
        EventType.GENERATION_COMPLETED).event();
    Map<?, ?> usage = (Map<String, Object>) body.get("usage");
    assertThat(((Number) usage.get("completion_tokens")).longValue()).isEqualTo(completed.tokensGenerated());
    assertThat(usage.get("prompt_tokens")).isEqualTo(2);
    assertThat(((Number) usage.get("total_tokens")).longValue()).isEqualTo(2 + completed.tokensGenerated());
    String text = api.eventsOf(generationId).stream().filter(e -> e.type() == EventType.TOKEN_GENERATED)
        .map(e -> ((TokenGeneratedEvent) e.event()).token()).reduce("", String::concat);
    assertThat(choice.get("text")).isEqualTo(text);
    GenerationStartedEvent started = (GenerationStartedEvent) api.awaitEvent(generationId,
        EventType.GENERATION_STARTED).event();
    assertThat(started.metadata()).containsEntry("requestId", "trace-42");
    assertThat(started.maxTokens()).hasValue(16);
  }

  @Test
  void withoutARequestIdOneIsMadeEchoedAndCarried() throws Exception {
    HttpResponse<String> response = api.post("/v1/completions",
        "{\"model\":\"harbor-trigram\",\"prompt\":\"Tide\",\"max_tokens\":2}",
        "x-request-id", "not <sane> " + "x".repeat(200));

    String requestId = response.headers().firstValue("x-request-id").orElseThrow();
    assertThat(requestId).matches("req-[0-9a-f]{16}");
    String generationId = ((String) json(response.body()).get("id")).substring("cmpl-".length());
    assertThat(((GenerationStartedEvent) api.awaitEvent(generationId, EventType.GENERATION_STARTED).event())
        .metadata()).containsEntry("requestId", requestId);
  }

  @Test
  void aStreamedChatCompletionSendsRoleThenContentThenFinishThenUsageThenDone() throws Exception {
    String request = "{\"model\":\"harbor-trigram\",\"messages\":[{\"role\":\"user\",\"content\":\"Where is the"
        + " harbour?\"}],\"max_tokens\":12,\"seed\":3,\"temperature\":0.8%s}";
    HttpResponse<String> whole = api.post("/v1/chat/completions", request.formatted(""));
    HttpResponse<String> streamed = api.post("/v1/chat/completions",
        request.formatted(",\"stream\":true,\"stream_options\":{\"include_usage\":true}"));

    assertThat(streamed.statusCode()).isEqualTo(200);
    assertThat(streamed.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("text/event-stream"));
    List<String> data = dataLines(streamed.body());
    assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
    List<Map<String, Object>> chunks = new ArrayList<>();
    for (String line : data.subList(0, data.size() - 1)) {
      chunks.add(json(line));
    }
    assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).containsEntry("object", "chat.completion.chunk")
        .containsEntry("id", chunks.get(0).get("id")).containsKey("usage"));
    assertThat(delta(chunks.get(0))).containsEntry("role", "assistant");
    Map<String, Object> usageChunk = chunks.get(chunks.size() - 1);
    assertThat((List<?>) usageChunk.get("choices")).isEmpty();
    Map<String, Object> finish = chunks.get(chunks.size() - 2);
    assertThat(((Map<String, Object>) ((List<?>) finish.get("choices")).get(0)).get("finish_reason")).isIn("stop", "length");
    StringBuilder content = new StringBuilder();
    for (Map<String, Object> chunk : chunks.subList(1, chunks.size() - 1)) {
      Object piece = delta(chunk).get("content");
      content.append(piece == null ? "" : piece);
    }
    Map<String, Object> wholeBody = json(whole.body());
    Map<?, ?> message = (Map<String, Object>) ((Map<String, Object>) ((List<?>) wholeBody.get("choices")).get(0)).get("message");
    assertThat(content.toString()).isEqualTo(message.get("content")); // the same seed: the same text
    assertThat(usageChunk.get("usage")).isEqualTo(wholeBody.get("usage"));
  }

  @Test
  void theSameSeedGivesTheSameText_temperatureZeroIsGreedy() throws Exception {
    String seeded = "{\"model\":\"harbor-trigram\",\"prompt\":\"The miller\",\"max_tokens\":10,\"seed\":%d}";
    String greedy = "{\"model\":\"harbor-trigram\",\"prompt\":\"The miller\",\"max_tokens\":10,\"temperature\":0,"
        + "\"seed\":%d}";

    assertThat(text(api.post("/v1/completions", seeded.formatted(5))))
        .isEqualTo(text(api.post("/v1/completions", seeded.formatted(5))));
    assertThat(text(api.post("/v1/completions", greedy.formatted(1))))
        .isEqualTo(text(api.post("/v1/completions", greedy.formatted(2))));
  }

  @Test
  void aStopSequenceCutsTheTextBeforeIt_finishesWithStop_andEndsTheGenerationAsStopped() throws Exception {
    String request = "{\"model\":\"harbor-trigram\",\"prompt\":\"The keeper\",\"max_tokens\":40,\"temperature\":0%s}";
    String full = text(api.post("/v1/completions", request.formatted("")));
    String stop = full.substring(full.length() / 2, full.length() / 2 + 3);
    assertThat(stop.isBlank()).as("the greedy text '%s' has a visible middle", full).isFalse();

    for (String form : List.of("\"" + stop + "\"", "[\"zzz-never\", \"" + stop + "\"]")) {
      for (boolean stream : List.of(false, true)) {
        HttpResponse<String> response = api.post("/v1/completions",
            request.formatted(",\"stop\":" + form + ",\"stream\":" + stream));
        String text = stream ? streamedText(response.body()) : text(response);
        assertThat(text).isEqualTo(full.substring(0, full.indexOf(stop)));
        assertThat(response.body()).contains("\"finish_reason\":\"stop\"");
        // the engine stopped it there (no more tokens than the full text's), and records it as stopped, not cancelled
        String generationId = (String) json(stream ? dataLines(response.body()).get(0) : response.body()).get("id");
        GenerationCompletedEvent completed = (GenerationCompletedEvent) api.awaitEvent(
            generationId.substring("cmpl-".length()), EventType.GENERATION_COMPLETED).event();
        assertThat(completed.metadata()).containsEntry("finishReason", "stop");
        assertThat(completed.tokensGenerated()).isLessThan(40);
      }
    }
  }

  @Test
  void logprobsAreTheModelsOwn_asInTheTokenEvents() throws Exception {
    HttpResponse<String> response = api.post("/v1/chat/completions", "{\"model\":\"harbor-trigram\",\"messages\":"
        + "[{\"role\":\"user\",\"content\":\"Hello\"}],\"max_tokens\":8,\"seed\":9,\"logprobs\":true,\"top_logprobs\":0}");

    Map<String, Object> body = json(response.body());
    String generationId = ((String) body.get("id")).substring("chatcmpl-".length());
    api.awaitEvent(generationId, EventType.GENERATION_COMPLETED);
    List<Double> fromEvents = api.eventsOf(generationId).stream().filter(e -> e.type() == EventType.TOKEN_GENERATED)
        .map(EmittedEvent::event).map(TokenGeneratedEvent.class::cast).filter(t -> !t.token().isEmpty())
        .map(t -> t.logprob().orElseThrow()).toList();
    List<?> content = (List<?>) ((Map<String, Object>) ((Map<String, Object>) ((List<?>) body.get("choices")).get(0)).get("logprobs"))
        .get("content");
    assertThat(content).hasSize(fromEvents.size());
    for (int i = 0; i < content.size(); i++) {
      Map<String, Object> entry = (Map<String, Object>) content.get(i);
      assertThat(((Number) entry.get("logprob")).doubleValue()).isEqualTo(fromEvents.get(i)).isLessThanOrEqualTo(0);
      assertThat(entry).containsKeys("token", "bytes", "top_logprobs");
    }
  }

  @Test
  void anUnknownModelIs404ModelNotFound() throws Exception {
    HttpResponse<String> response = api.post("/v1/chat/completions",
        "{\"model\":\"gpt-nope\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

    assertThat(response.statusCode()).isEqualTo(404);
    Map<String, Object> error = (Map<String, Object>) json(response.body()).get("error");
    assertThat(error).containsEntry("code", "model_not_found").containsEntry("param", "model")
        .containsEntry("type", "invalid_request_error");
    assertThat((String) error.get("message")).contains("gpt-nope");
  }

  static String text(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return (String) ((Map<String, Object>) ((List<?>) json(response.body()).get("choices")).get(0)).get("text");
  }

  static String streamedText(String body) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String line : dataLines(body)) {
      if (!line.equals("[DONE]")) {
        for (Object choice : (List<?>) json(line).get("choices")) {
          text.append(((Map<String, Object>) choice).get("text"));
        }
      }
    }
    return text.toString();
  }

  static List<String> dataLines(String body) {
    return body.lines().filter(line -> line.startsWith("data: ")).map(line -> line.substring(6)).toList();
  }

  private static Map<String, Object> delta(Map<String, Object> chunk) {
    return (Map<String, Object>) ((Map<String, Object>) ((List<?>) chunk.get("choices")).get(0)).get("delta");
  }
}
