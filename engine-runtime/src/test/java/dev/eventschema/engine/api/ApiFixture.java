package dev.eventschema.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.backend.TokenSink;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.EventType;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An engine on the embedded model with the API mounted on a real JDK server on 127.0.0.1 (port 0),
 * a real HTTP client, and every event the engine emitted.
 */
final class ApiFixture implements AutoCloseable {

  static final String MODEL = "harbor-trigram";
  static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  final EngineEventEmitter emitter = EngineEventEmitter.builder().build();
  final List<EmittedEvent> events = new CopyOnWriteArrayList<>();
  final Engine engine;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpServer server;
  final URI base;

  private ApiFixture(Function<BackendListener, ModelBackend> backend, int maxConcurrent, int maxWaiting,
      boolean admin) throws Exception {
    this(backend, maxConcurrent, maxWaiting, admin, true);
  }

  private ApiFixture(Function<BackendListener, ModelBackend> backend, int maxConcurrent, int maxWaiting,
      boolean admin, boolean loadEmbeddedModel) throws Exception {
    emitter.subscribe(event -> {
      events.add(event);
      synchronized (this) {
        notifyAll();
      }
    });
    engine = Engine.builder().emitter(emitter).backend(backend).maxConcurrent(maxConcurrent).maxWaiting(maxWaiting)
        .build();
    if (loadEmbeddedModel) {
      engine.loadModel(MODEL, NgramBackend.DEFAULT_MODEL_PATH).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(executor);
    ApiRoutes.of(engine, admin).forEach(server::createContext);
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The embedded model, unpaced. */
  static ApiFixture start() throws Exception {
    return new ApiFixture(listener -> new NgramBackend(), 4, 64, true);
  }

  /** The embedded model paced at {@code tokensPerSecond}, with the given limits. */
  static ApiFixture paced(double tokensPerSecond, int maxConcurrent, int maxWaiting) throws Exception {
    return new ApiFixture(listener -> new PacedBackend(new NgramBackend(), tokensPerSecond), maxConcurrent, maxWaiting,
        true);
  }

  /** Any backend, nothing loaded: the test loads through the admin API. */
  static ApiFixture on(Function<BackendListener, ModelBackend> backend) throws Exception {
    return new ApiFixture(backend, 4, 64, true, false);
  }

  static ApiFixture withoutAdmin() throws Exception {
    return new ApiFixture(listener -> new NgramBackend(), 4, 64, false);
  }

  HttpResponse<String> post(String path, String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
        .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(String body) throws IOException {
    return JSON.readValue(body, Map.class);
  }

  /** The events of one generation, in emission order. */
  List<EmittedEvent> eventsOf(String generationId) {
    return events.stream().filter(e -> e.envelope().generationId().map(generationId::equals).orElse(false))
        .sorted((a, b) -> Long.compare(a.envelope().seq(), b.envelope().seq())).toList();
  }

  /** Waits (bounded) until an event of {@code type} for {@code generationId} was emitted. */
  synchronized EmittedEvent awaitEvent(String generationId, EventType type) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      for (EmittedEvent event : eventsOf(generationId)) {
        if (event.type() == type) {
          return event;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no " + type + " for " + generationId + " within " + TIMEOUT);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left); // woken by every event
    }
  }

  /** Waits (bounded) until {@code condition} holds, checking it after every event (a runtimeStatus follows each change). */
  synchronized void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("not " + what + " within " + TIMEOUT);
      }
      TimeUnit.NANOSECONDS.timedWait(this, left); // woken by every event
    }
  }

  @Override
  public void close() {
    server.stop(0);
    engine.close();
    emitter.close();
    executor.shutdownNow();
  }

  /** A backend that paces every generation, so that a test can act while one runs. */
  static final class PacedBackend implements ModelBackend {
    private final ModelBackend delegate;
    private final double tokensPerSecond;

    PacedBackend(ModelBackend delegate, double tokensPerSecond) {
      this.delegate = delegate;
      this.tokensPerSecond = tokensPerSecond;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public CompletableFuture<LoadedModel> load(LoadRequest request) {
      return delegate.load(request);
    }

    @Override
    public CompletableFuture<Void> unload(String modelId) {
      return delegate.unload(modelId);
    }

    @Override
    public Generation generate(GenerationRequest request, TokenSink sink) {
      return delegate.generate(request.paced(tokensPerSecond), sink);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
