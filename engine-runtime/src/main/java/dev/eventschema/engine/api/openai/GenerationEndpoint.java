package dev.eventschema.engine.api.openai;

import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.engine.api.http.ApiError;
import dev.eventschema.engine.api.http.ApiHandler;
import dev.eventschema.engine.api.http.EngineErrors;
import dev.eventschema.engine.api.http.HttpJson;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.error.EngineException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code POST /v1/completions} and {@code POST /v1/chat/completions}: reads the request, submits
 * one generation to the engine (which emits its events and meters as for any other caller), and
 * answers whole or as a stream. Whatever way the exchange ends, the generation is cancelled if it is
 * still going: a client that left does not keep a slot busy.
 */
public final class GenerationEndpoint implements ApiHandler.Endpoint {

  private final Engine engine;
  private final Dialect dialect;
  private final Function<Map<String, Object>, GenerationSpec> reader;

  private GenerationEndpoint(Engine engine, Dialect dialect, Function<Map<String, Object>, GenerationSpec> reader) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.dialect = dialect;
    this.reader = reader;
  }

  /** {@code POST /v1/completions}. */
  public static GenerationEndpoint completions(Engine engine) {
    return new GenerationEndpoint(engine, Dialect.TEXT, OpenAiRequestReader::completion);
  }

  /** {@code POST /v1/chat/completions}. */
  public static GenerationEndpoint chatCompletions(Engine engine) {
    return new GenerationEndpoint(engine, Dialect.CHAT, OpenAiRequestReader::chat);
  }

  @Override
  public void serve(HttpExchange exchange, String requestId) throws IOException {
    long created = Instant.now().getEpochSecond();
    GenerationSpec spec = reader.apply(HttpJson.readObject(exchange));
    if (!engine.isLoaded(spec.model())) {
      throw ApiError.modelNotFound(spec.model());
    }
    GenerationRun run;
    try {
      run = GenerationRun.start(engine, spec.toEngineRequest(requestId), spec.stop());
    } catch (EngineException refused) {
      throw EngineErrors.toApiError(refused, spec.model());
    }
    GenerationHandle handle = run.handle();
    try {
      Answer answer = new Answer(spec, dialect, handle.id(), created);
      if (spec.stream()) {
        StreamedAnswer.write(exchange, run, answer);
      } else {
        WholeAnswer.write(exchange, run, answer);
      }
    } catch (InterruptedException stopping) {
      Thread.currentThread().interrupt();
    } finally {
      handle.cancel(); // a no-op once it ended; else the client left or something broke
    }
  }
}
