package dev.eventschema.engine.api.admin;

import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.ParseResult;
import dev.eventschema.engine.api.http.ApiError;
import dev.eventschema.engine.api.http.ApiHandler;
import dev.eventschema.engine.api.http.EngineErrors;
import dev.eventschema.engine.api.http.HttpJson;
import dev.eventschema.engine.api.http.Problems;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.error.EngineException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Model administration: {@code GET /admin/models} lists, {@code POST /admin/models} loads through
 * the engine's backend (embedded or external runtime; answers when loaded, 201), {@code DELETE
 * /admin/models/{id}} unloads. The engine emits {@code modelLoaded}, {@code modelUnloaded} or {@code
 * error} as for any other caller. The backend guarantees every load and unload an end within its
 * timeouts, so waiting for it here is bounded.
 */
public final class AdminModelsEndpoints {

  public static final String PATH = "/admin/models";

  private final Engine engine;

  public AdminModelsEndpoints(Engine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /** {@code GET /admin/models}. */
  public void list(HttpExchange exchange, String requestId) throws IOException {
    List<Map<String, Object>> data = engine.loadedModels().values().stream()
        .sorted((a, b) -> a.modelId().compareTo(b.modelId())).map(this::describe).toList();
    HttpJson.send(exchange, 200, Map.of("object", "list", "data", data));
  }

  /** {@code POST /admin/models}. */
  public void load(HttpExchange exchange, String requestId) throws IOException {
    ParseResult<LoadModelRequest> parsed = LoadModelRequestValidator.INSTANCE.parse(HttpJson.readObject(exchange));
    Problems problems = new Problems();
    problems.addAll(parsed.violations());
    problems.throwIfAny();
    LoadModelRequest request = parsed.orElseThrow();
    LoadedModel model = await(engine.loadModel(new LoadRequest(request.id(), request.path(), request.options())),
        "path");
    HttpJson.send(exchange, 201, describe(model));
  }

  /** {@code DELETE /admin/models/{id}}. */
  public void unload(HttpExchange exchange, String requestId) throws IOException {
    String id = ApiHandler.idIn(exchange, PATH);
    if (!engine.isLoaded(id)) {
      throw new ApiError(404, ApiError.INVALID_REQUEST, "the model '" + id + "' is not loaded", "id",
          "model_not_found", null);
    }
    await(engine.unloadModel(id, "unloaded through the admin API"), "id");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("object", "model");
    body.put("deleted", true);
    HttpJson.send(exchange, 200, body);
  }

  private Map<String, Object> describe(LoadedModel model) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("id", model.modelId());
    described.put("object", "model");
    described.put("path", model.modelPath());
    described.put("parameters", model.parameters());
    model.quantization().ifPresent(q -> described.put("quantization", q));
    described.put("backend", engine.backend().name());
    return described;
  }

  /** Waits for the engine; a failure reads as the backend said it, {@code param} naming the field at fault. */
  private static <T> T await(java.util.concurrent.CompletableFuture<T> future, String param) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiError(503, ApiError.SERVER_ERROR, "the server is stopping", null, "shutting_down", 5);
    } catch (ExecutionException | CompletionException e) {
      if (e.getCause() instanceof EngineException error) {
        ApiError mapped = EngineErrors.toApiError(error, null);
        throw new ApiError(mapped.status(), mapped.type(), error.getMessage(), param, mapped.code(),
            mapped.retryAfterSeconds());
      }
      throw new IllegalStateException("the engine failed without an EngineException", e.getCause());
    }
  }
}
