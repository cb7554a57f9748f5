package dev.eventschema.engine.api.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.engine.api.http.ApiHandler;
import dev.eventschema.engine.api.http.HttpJson;
import dev.eventschema.engine.core.Engine;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code GET /v1/models}: the models loaded now, in OpenAI's list shape. */
public final class ModelsEndpoint implements ApiHandler.Endpoint {

  /** What {@code owned_by} says. */
  public static final String OWNER = "eventschema";

  private final Engine engine;
  private final long startedAt = java.time.Instant.now().getEpochSecond();

  public ModelsEndpoint(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  @Override
  public void serve(HttpExchange exchange, String requestId) throws IOException {
    List<Map<String, Object>> data = engine.loadedModels().keySet().stream().sorted().map(id -> {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("id", id);
      model.put("object", "model");
      model.put("created", startedAt);
      model.put("owned_by", OWNER);
      return model;
    }).toList();
    HttpJson.send(exchange, 200, Map.of("object", "list", "data", data));
  }
}
