package dev.eventschema.engine.api;

import static dev.eventschema.engine.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.external.ExternalRuntimeBackend;
import dev.eventschema.engine.backend.external.TestRuntimeMain;
import dev.eventschema.engine.config.RuntimeSettingsBuilder;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API in front of an external runtime: {@link TestRuntimeMain} as a real child process. */
@Timeout(90)
@SuppressWarnings("unchecked") // JSON objects read as maps
class ExternalRuntimeApiTest {

  @Test
  void aModelLoadedThroughTheAdminApiServesAStreamedChatCompletion() throws Exception {
    try (ApiFixture api = ApiFixture.on(listener -> ExternalRuntimeBackend.start(
        RuntimeSettingsBuilder.builder().command(TestRuntimeMain.command("normal")).build(), listener))) {
      HttpResponse<String> loaded = api.post("/admin/models", "{\"id\":\"m1\",\"path\":\"/models/m1.bin\"}");
      assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
      assertThat(json(loaded.body())).containsEntry("backend", "external");

      HttpResponse<String> response = api.post("/v1/chat/completions", "{\"model\":\"m1\",\"messages\":[{\"role\":"
          + "\"user\",\"content\":\"Tell me\"}],\"max_tokens\":100,\"stream\":true,"
          + "\"stream_options\":{\"include_usage\":true},\"logprobs\":true}");

      assertThat(response.statusCode()).isEqualTo(200);
      List<String> data = OpenAiApiTest.dataLines(response.body());
      assertThat(data).last().isEqualTo("[DONE]");
      StringBuilder content = new StringBuilder();
      String id = null;
      for (String line : data.subList(1, data.size() - 2)) {
        Map<String, Object> chunk = json(line);
        id = (String) chunk.get("id");
        Map<String, Object> choice = (Map<String, Object>) ((List<?>) chunk.get("choices")).get(0);
        Object piece = ((Map<String, Object>) choice.get("delta")).get("content");
        content.append(piece == null ? "" : piece);
      }
      assertThat(content.toString()).isEqualTo(TestRuntimeMain.TEXT);
      Map<String, Object> usage = (Map<String, Object>) json(data.get(data.size() - 2)).get("usage");
      GenerationCompletedEvent completed = (GenerationCompletedEvent) api.awaitEvent(
          id.substring("chatcmpl-".length()), EventType.GENERATION_COMPLETED).event();
      assertThat(((Number) usage.get("completion_tokens")).longValue()).isEqualTo(completed.tokensGenerated())
          .isEqualTo(TestRuntimeMain.TOKENS.size());
      assertThat(response.body()).contains("\"finish_reason\":\"stop\"", "\"logprob\":-0.1");
    }
  }

  @Test
  void aRuntimeThatSendsNoAlternativesAnswersTopLogprobsWithTheSampledTokenOnly() throws Exception {
    try (ApiFixture api = ApiFixture.on(listener -> ExternalRuntimeBackend.start(
        RuntimeSettingsBuilder.builder().command(TestRuntimeMain.command("normal")).build(), listener))) {
      assertThat(api.post("/admin/models", "{\"id\":\"m1\",\"path\":\"/models/m1.bin\"}").statusCode())
          .isEqualTo(201);

      HttpResponse<String> chat = api.post("/v1/chat/completions", "{\"model\":\"m1\",\"messages\":[{\"role\":"
          + "\"user\",\"content\":\"Tell me\"}],\"max_tokens\":100,\"logprobs\":true,\"top_logprobs\":3}");
      HttpResponse<String> completion = api.post("/v1/completions",
          "{\"model\":\"m1\",\"prompt\":\"Tell me\",\"max_tokens\":100,\"logprobs\":3}");

      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
      List<Map<String, Object>> content = (List<Map<String, Object>>) ((Map<String, Object>) ((Map<String, Object>)
          ((List<?>) json(chat.body()).get("choices")).get(0)).get("logprobs")).get("content");
      assertThat(content).hasSize(TestRuntimeMain.TOKENS.size())
          .allSatisfy(entry -> assertThat((List<?>) entry.get("top_logprobs")).isEmpty());
      assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
      Map<String, Object> logprobs = (Map<String, Object>) ((Map<String, Object>)
          ((List<?>) json(completion.body()).get("choices")).get(0)).get("logprobs");
      List<String> tokens = (List<String>) logprobs.get("tokens");
      List<Map<String, Object>> top = (List<Map<String, Object>>) logprobs.get("top_logprobs");
      assertThat(top).hasSameSizeAs(tokens);
      for (int i = 0; i < tokens.size(); i++) {
        assertThat(top.get(i)).containsOnlyKeys(tokens.get(i))
            .containsEntry(tokens.get(i), ((List<?>) logprobs.get("token_logprobs")).get(i));
      }
    }
  }
}
