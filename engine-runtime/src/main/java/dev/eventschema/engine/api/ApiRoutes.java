package dev.eventschema.engine.api;

import com.sun.net.httpserver.HttpHandler;
import dev.eventschema.engine.api.admin.AdminModelsEndpoints;
import dev.eventschema.engine.api.http.ApiHandler;
import dev.eventschema.engine.api.openai.GenerationEndpoint;
import dev.eventschema.engine.api.openai.ModelsEndpoint;
import dev.eventschema.engine.core.Engine;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP API's contexts, by path, to mount on the engine's server behind its Host and token
 * policy: the OpenAI-compatible {@code /v1/...} and, unless switched off, the model administration
 * {@code /admin/models}.
 */
public final class ApiRoutes {

  private ApiRoutes() {}

  /**
   * @param adminEnabled whether {@code /admin/models} is served (it is absent, so 404, otherwise)
   */
  public static Map<String, HttpHandler> of(Engine engine, boolean adminEnabled) {
    return of(engine, true, adminEnabled);
  }

  /**
   * @param openAiEnabled whether the {@code /v1/...} endpoints are served
   * @param adminEnabled whether {@code /admin/models} is served
   */
  public static Map<String, HttpHandler> of(Engine engine, boolean openAiEnabled, boolean adminEnabled) {
    Map<String, HttpHandler> routes = new LinkedHashMap<>();
    if (openAiEnabled) {
      openAi(engine, routes);
    }
    if (adminEnabled) {
      admin(engine, routes);
    }
    return routes;
  }

  private static void openAi(Engine engine, Map<String, HttpHandler> routes) {
    routes.put("/v1/models", ApiHandler.exact("/v1/models", Map.of("GET", new ModelsEndpoint(engine))));
    routes.put("/v1/completions", ApiHandler.exact("/v1/completions",
        Map.of("POST", GenerationEndpoint.completions(engine))));
    routes.put("/v1/chat/completions", ApiHandler.exact("/v1/chat/completions",
        Map.of("POST", GenerationEndpoint.chatCompletions(engine))));
  }

  private static void admin(Engine engine, Map<String, HttpHandler> routes) {
    AdminModelsEndpoints admin = new AdminModelsEndpoints(engine);
    HttpHandler collection = ApiHandler.exact(AdminModelsEndpoints.PATH,
        Map.of("GET", admin::list, "POST", admin::load));
    HttpHandler item = ApiHandler.withId(AdminModelsEndpoints.PATH, Map.of("DELETE", admin::unload));
    routes.put(AdminModelsEndpoints.PATH, exchange -> {
      if (exchange.getRequestURI().getPath().equals(AdminModelsEndpoints.PATH)) {
        collection.handle(exchange);
      } else {
        item.handle(exchange);
      }
    });
  }
}
