package dev.eventschema.engine.api;

import static dev.eventschema.engine.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.events.EventType;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@SuppressWarnings("unchecked") // JSON objects read as maps
class AdminApiTest {

  @Test
  void loadListGenerateThenUnload_withTheEnginesEvents() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> loaded = api.post("/admin/models", "{\"id\":\"bigram\",\"path\":\""
          + NgramBackend.DEFAULT_MODEL_PATH + "\",\"options\":{\"order\":2}}");

      assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(201);
      assertThat(json(loaded.body())).containsEntry("id", "bigram").containsEntry("backend", "ngram");
      assertThat(api.events).anyMatch(e -> e.type() == EventType.MODEL_LOADED && e.event().toString().contains("bigram"));
      List<Object> listed = (List<Object>) json(api.send("GET", "/admin/models").body()).get("data");
      assertThat(listed).extracting(m -> ((Map<String, Object>) m).get("id")).containsExactly("bigram", "harbor-trigram");
      assertThat(api.send("GET", "/v1/models").body()).contains("\"bigram\"");
      assertThat(api.post("/v1/completions", "{\"model\":\"bigram\",\"prompt\":\"The\",\"max_tokens\":3}").statusCode())
          .isEqualTo(200);

      HttpResponse<String> deleted = api.send("DELETE", "/admin/models/bigram");

      assertThat(deleted.statusCode()).isEqualTo(200);
      assertThat(json(deleted.body())).containsEntry("deleted", true);
      assertThat(api.events).anyMatch(e -> e.type() == EventType.MODEL_UNLOADED && e.event().toString().contains("bigram"));
      assertThat(api.engine.isLoaded("bigram")).isFalse();
      assertThat(api.send("DELETE", "/admin/models/bigram").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aBadLoadIs400NamingTheField_aMissingFileFailsCleanly() throws Exception {
    try (ApiFixture api = ApiFixture.start()) {
      HttpResponse<String> bad = api.post("/admin/models", "{\"id\":\"has space\",\"path\":\"x\",\"optons\":{}}");
      HttpResponse<String> missing = api.post("/admin/models", "{\"id\":\"ghost\",\"path\":\"/nonexistent/corpus.txt\"}");

      assertThat(bad.statusCode()).isEqualTo(400);
      Map<String, Object> error = (Map<String, Object>) json(bad.body()).get("error");
      assertThat(error).containsEntry("param", "optons"); // the first listed
      assertThat((String) error.get("message")).contains("id: must start with a letter or digit");
      assertThat((String) error.get("message")).contains("optons", "did you mean 'options'");
      assertThat(missing.statusCode()).isIn(404, 422);
      assertThat(missing.body()).contains("/nonexistent/corpus.txt");
      assertThat(api.engine.isLoaded("ghost")).isFalse();
    }
  }

  @Test
  void theAdminApiCanBeSwitchedOff() throws Exception {
    try (ApiFixture api = ApiFixture.withoutAdmin()) {
      assertThat(api.send("GET", "/admin/models").statusCode()).isEqualTo(404);
      assertThat(api.send("GET", "/v1/models").statusCode()).isEqualTo(200);
    }
  }
}
