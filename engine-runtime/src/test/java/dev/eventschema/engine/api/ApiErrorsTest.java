package dev.eventschema.engine.api;

import static dev.eventschema.engine.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@SuppressWarnings("unchecked") // JSON objects read as maps
class ApiErrorsTest {

  private static final String CHAT = "/v1/chat/completions";
  private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]";
  /**
   * Greedy decoding after the chat template cycles ("and the ships, and the ships...") without an
   * end of sequence for 4000 tokens: a generation that only a cancel or the length ends.
   */
  private static final String ENDLESS = ",\"max_tokens\":4000,\"temperature\":0,\"stream\":true}";

  @Test
  void aBadRequestIs400InOpenAisShape_namingTheFieldAndListingEveryViolation() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> response = api.post(CHAT, "{\"model\":\"harbor-trigram\",\"messages\":[{\"role\":\"robot\","
          + "\"content\":\"hi\"}],\"temperature\":3,\"max_tokns\":5}");

      assertThat(response.statusCode()).isEqualTo(400);
      Map<String, Object> error = (Map<String, Object>) json(response.body()).get("error");
      assertThat(error).containsOnlyKeys("message", "type", "param", "code")
          .containsEntry("type", "invalid_request_error").containsEntry("param", "max_tokns"); // the first listed
      assertThat((String) error.get("message")).contains("messages[0].role: must be one of", "'robot'",
          "temperature: ", "max_tokns", "did you mean 'max_tokens'");
    }
  }

  @Test
  void theMessageListsTwentyViolationsThenHowManyMore() throws Exception {
    String messages = IntStream.range(0, 25).mapToObj(i -> "{\"role\":\"robot\",\"content\":\"x\"}")
        .collect(Collectors.joining(","));
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> response = api.post(CHAT, "{\"model\":\"harbor-trigram\",\"messages\":[" + messages + "]}");

      String message = (String) ((Map<String, Object>) json(response.body()).get("error")).get("message");
      assertThat(message).contains("messages[19].role").doesNotContain("messages[20].role").endsWith("; and 5 more");
    }
  }

  @Test
  void unimplementedFieldsAreAcceptedAtTheirNeutralValue_refusedOtherwiseByName() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> neutral = api.post(CHAT, "{\"model\":\"harbor-trigram\"," + HELLO + ",\"n\":1,\"user\":\"u-1\","
          + "\"frequency_penalty\":0,\"presence_penalty\":0,\"logit_bias\":{},\"response_format\":{\"type\":\"text\"},"
          + "\"tools\":[],\"tool_choice\":\"none\",\"parallel_tool_calls\":false,\"store\":false,\"metadata\":{},"
          + "\"stop\":null,\"max_tokens\":3}");
      assertThat(neutral.statusCode()).as(neutral.body()).isEqualTo(200);

      assertRefused(api, ",\"n\":2", "n", "only one choice");
      assertRefused(api, ",\"presence_penalty\":0.5", "presence_penalty", "penalties are not supported");
      assertRefused(api, ",\"logit_bias\":{\"50256\":-100}", "logit_bias", "not supported");
      assertRefused(api, ",\"response_format\":{\"type\":\"json_object\"}", "response_format.type", "only 'text'");
      assertRefused(api, ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\"}}]", "tools", "tool calls");
      assertRefused(api, ",\"tool_choice\":\"auto\"", "tool_choice", "tool calls");
      assertRefused(api, ",\"functions\":[]", "functions", "function calling");
      assertRefused(api, ",\"stream_options\":{\"include_usage\":true}", "stream_options", "only allowed when stream");
      assertRefused(api, ",\"top_logprobs\":2", "top_logprobs", "needs logprobs: true");
    }
  }

  private static void assertRefused(ApiFixture api, String extra, String param, String says) throws Exception {
    HttpResponse<String> response = api.post(CHAT, "{\"model\":\"harbor-trigram\"," + HELLO + extra + "}");
    assertThat(response.statusCode()).as(extra).isEqualTo(400);
    Map<String, Object> error = (Map<String, Object>) json(response.body()).get("error");
    assertThat(error).as(extra).containsEntry("param", param);
    assertThat((String) error.get("message")).as(extra).contains(says);
  }

  @Test
  void aBodyThatIsNotAJsonObjectIs400_aWrongMethod405_anUnknownPath404() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> notJson = api.post(CHAT, "{\"model\":");
      HttpResponse<String> wrongMethod = api.send("GET", CHAT);
      HttpResponse<String> unknownPath = api.send("GET", "/v1/models/extra/segments");

      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.body()).contains("\"code\":\"invalid_json\"");
      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("allow")).hasValue("POST");
      assertThat(unknownPath.statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aFullQueueIs429WithRetryAfter() throws Exception {
    try (ApiFixture api = ApiFixture.paced(20, 1, 0)) {
      HttpRequest longOne = HttpRequest.newBuilder(api.base.resolve(CHAT)).timeout(ApiFixture.TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"harbor-trigram\"," + HELLO
              + ENDLESS)).build();
      HttpResponse<InputStream> running = api.client.send(longOne, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream stream = running.body()) {
        assertThat(stream.read()).isNotEqualTo(-1); // the first generation holds the only slot now

        HttpResponse<String> refused = api.post(CHAT, "{\"model\":\"harbor-trigram\"," + HELLO + "}");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("retry-after")).hasValue("1");
        assertThat(refused.body()).contains("\"code\":\"queue_full\"");
      }
    }
  }

  @Test
  void aClientThatLeavesMidStreamCancelsItsGeneration() throws Exception {
    try (ApiFixture api = ApiFixture.paced(20, 2, 4)) {
      HttpRequest request = HttpRequest.newBuilder(api.base.resolve(CHAT)).timeout(ApiFixture.TIMEOUT)
          .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"harbor-trigram\"," + HELLO
              + ENDLESS)).build();
      HttpResponse<InputStream> response = api.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String generationId;
      try (InputStream stream = response.body()) {
        String first = readLine(stream);
        assertThat(first).startsWith("data: ");
        String id = (String) json(first.substring(6)).get("id");
        generationId = id.substring("chatcmpl-".length());
      } // closing the body closes the connection: the client left

      GenerationCompletedEvent completed = (GenerationCompletedEvent) api.awaitEvent(generationId,
          EventType.GENERATION_COMPLETED).event();
      assertThat(completed.metadata()).containsEntry("finishReason", "cancelled");
      assertThat(completed.tokensGenerated()).isLessThan(4000);
      api.awaitTrue(() -> api.engine.runningGenerations() == 0, "its slot freed"); // released after the event
    }
  }

  private static String readLine(InputStream in) throws Exception {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }
}
