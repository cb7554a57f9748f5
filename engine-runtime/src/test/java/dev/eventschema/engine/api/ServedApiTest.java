package dev.eventschema.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.ApiSettingsBuilder;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The API as {@code serve} runs it: on the stream's port, behind its Host and token policy, with telemetry. */
@Timeout(60)
class ServedApiTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String TOKEN = "a-token-of-sixteen-chars";

  @Test
  void theApiSharesTheStreamsPortAndToken_andItsGenerationsReachTheMeters() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
            .stream(StreamSettingsBuilder.builder().port(0).token(TOKEN).build()).build());
        HttpClient http = HttpClient.newHttpClient()) {
      URI base = engine.baseUri();

      assertThat(send(http, base.resolve("/v1/models"), null, null).statusCode()).isEqualTo(401);
      assertThat(send(http, base.resolve("/admin/models"), null, null).statusCode()).isEqualTo(401);
      // seeded: an unseeded sample may end at once (end of sequence first, no token to count), which
      // a CI run hit once
      HttpResponse<String> completion = send(http, base.resolve("/v1/completions"), "Bearer " + TOKEN,
          "{\"model\":\"harbor-trigram\",\"prompt\":\"The keeper\",\"max_tokens\":5,\"seed\":7}");

      assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);
      assertThat(send(http, base.resolve("/admin/models"), "Bearer " + TOKEN, null).body()).contains("harbor-trigram");
      String metrics = send(http, engine.metricsUri().orElseThrow(), "Bearer " + TOKEN, null).body(); // same policy
      assertThat(metrics).containsPattern("eventschema_generation_tokens_total\\{[^}]*} [1-9]");
    }
  }

  @Test
  void theAdminApiCanBeSwitchedOffInTheConfig() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
            .api(ApiSettingsBuilder.builder().adminEnabled(false).build()).build());
        HttpClient http = HttpClient.newHttpClient()) {
      assertThat(send(http, engine.baseUri().resolve("/admin/models"), null, null).statusCode()).isEqualTo(404);
      assertThat(send(http, engine.baseUri().resolve("/v1/models"), null, null).statusCode()).isEqualTo(200);
    }
  }

  private static HttpResponse<String> send(HttpClient http, URI uri, String authorization, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.POST(HttpRequest.BodyPublishers.ofString(body));
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
