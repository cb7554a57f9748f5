package dev.eventschema.engine;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.external.ExternalRuntimeBackend;
import dev.eventschema.engine.backend.external.ExternalRuntimeConfig;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.core.DemoWorkload;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.stream.EventStream;
import dev.eventschema.engine.stream.JdkHttpServerSettings;
import dev.eventschema.engine.stream.StreamServer;
import dev.eventschema.engine.telemetry.TelemetryBridge;
import dev.eventschema.engine.telemetry.TelemetryConfig;
import dev.eventschema.engine.telemetry.TelemetryConfigBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engine running inside this JVM with its live stream: what the dashboard and the command line
 * start. {@link #startDemo(double)} gives the embedded n-gram model, the SSE server on a free
 * 127.0.0.1 port, telemetry (snapshots on the stream, {@code /metrics} on a free port) and the demo
 * workload.
 *
 * <pre>{@code
 * try (EmbeddedEngine engine = EmbeddedEngine.startDemo(0.05)) {
 *   URI events = engine.baseUri().resolve("events");   // http://127.0.0.1:PORT/events
 *   ...
 * }
 * }</pre>
 */
public final class EmbeddedEngine implements AutoCloseable {

  /** The id of the model trained on the corpus that ships with the engine. */
  public static final String DEFAULT_MODEL_ID = "harbor-trigram";

  /** The shipped corpus. */
  public static final String DEFAULT_MODEL_PATH = NgramBackend.DEFAULT_MODEL_PATH;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngine.class);

  static {
    JdkHttpServerSettings.ensureStreamFriendly();
  }

  private final EngineEventEmitter emitter;
  private final TelemetryBridge telemetry;
  private final EventStream stream;
  private final Engine engine;
  private final DemoWorkload demo;

  private EmbeddedEngine(EngineEventEmitter emitter, TelemetryBridge telemetry, EventStream stream, Engine engine,
      DemoWorkload demo) {
    this.emitter = emitter;
    this.telemetry = telemetry;
    this.stream = stream;
    this.engine = engine;
    this.demo = demo;
  }

  /**
   * The demo: engine with the embedded model, stream on a free 127.0.0.1 port, telemetry with {@code
   * /metrics} on a free port, and the demo workload.
   *
   * @param faultRate the fraction (0 to 1) of events followed by a malformed copy through the untyped
   *     path, to show rejections; 0 for none
   */
  public static EmbeddedEngine startDemo(double faultRate) {
    return start(Options.demo(faultRate));
  }

  /**
   * Starts an engine as {@code options} say. The stream starts first, so that it holds the engine's
   * very first status; the listed models are loaded before this returns.
   *
   * @throws EngineException {@code INVALID_CONFIG} for bad or unsafe options, {@code RUNTIME_ERROR}
   *     when a port cannot be bound, the load's code when a model cannot be loaded
   */
  public static EmbeddedEngine start(Options options) {
    Objects.requireNonNull(options, "options");
    JdkHttpServerSettings.ensureStreamFriendly();
    List<AutoCloseable> started = new ArrayList<>();
    try {
      EngineEventEmitter emitter = EngineEventEmitter.builder().build();
      started.add(emitter);
      TelemetryBridge telemetry = TelemetryBridge.builder(options.telemetry()).build();
      started.add(0, telemetry);
      telemetry.attach(emitter);
      EventStream stream = EventStream.start(options.stream(), emitter, Optional.of(telemetry));
      started.add(0, stream);
      Engine engine = Engine.builder()
          .emitter(emitter)
          .backend(listener -> options.runtimeCommand().isEmpty() ? new NgramBackend()
              : ExternalRuntimeBackend.start(ExternalRuntimeConfig.of(options.runtimeCommand()), listener))
          .maxConcurrent(options.maxConcurrent())
          .maxWaiting(options.maxWaiting())
          .build();
      started.add(0, engine);
      stream.attach(engine);
      telemetry.meters().ifPresent(meters -> meters.trackRequestsWaiting(engine::waitingGenerations));
      telemetry.start();
      for (LoadRequest model : options.models()) {
        await(engine.loadModel(model), options.loadTimeout(), "loading " + model.modelId());
      }
      DemoWorkload demo = null;
      if (options.demo().isPresent()) {
        if (options.models().isEmpty()) {
          throw new EngineException(ErrorCode.INVALID_CONFIG, "the demo needs a model to run on");
        }
        demo = DemoWorkload.start(engine, options.models().get(0).modelId(), options.demo().get());
      }
      EmbeddedEngine embedded = new EmbeddedEngine(emitter, telemetry, stream, engine, demo);
      LOG.info("engine streaming on {}events{}", stream.baseUri(),
          telemetry.port().map(p -> ", metrics on http://127.0.0.1:" + p + "/metrics").orElse(""));
      return embedded;
    } catch (RuntimeException e) {
      for (AutoCloseable closeable : started) {
        closeQuietly(closeable);
      }
      throw e;
    }
  }

  /** {@code http://127.0.0.1:PORT/}: the events are at {@code baseUri().resolve("events")}. */
  public URI baseUri() {
    return stream.baseUri();
  }

  /** {@code http://127.0.0.1:PORT/metrics}, when telemetry is enabled. */
  public Optional<URI> metricsUri() {
    return telemetry.port().map(port -> URI.create("http://127.0.0.1:" + port + "/metrics"));
  }

  public Engine engine() {
    return engine;
  }

  public EventStream stream() {
    return stream;
  }

  public TelemetryBridge telemetry() {
    return telemetry;
  }

  public EngineEventEmitter emitter() {
    return emitter;
  }

  /** The demo workload, when running one. */
  public Optional<DemoWorkload> demo() {
    return Optional.ofNullable(demo);
  }

  /**
   * Stops the demo, then the engine (its final {@code shutdown} status reaches the stream's clients),
   * then the stream, telemetry and emitter. Every thread they started is stopped. Idempotent.
   */
  @Override
  public void close() {
    if (demo != null) {
      closeQuietly(demo);
    }
    closeQuietly(engine);
    closeQuietly(stream);
    closeQuietly(telemetry);
    closeQuietly(emitter);
  }

  private static void await(java.util.concurrent.CompletableFuture<?> future, Duration timeout, String what) {
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof EngineException engineException ? engineException
          : new EngineException(ErrorCode.RUNTIME_ERROR, what + " failed: " + cause, Map.of(), cause);
    } catch (TimeoutException e) {
      throw new EngineException(ErrorCode.TIMEOUT, what + " took more than " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineException(ErrorCode.RUNTIME_ERROR, what + " was interrupted");
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed", closeable.getClass().getSimpleName(), e);
    }
  }

  /** A free TCP port on 127.0.0.1 at the time of the call (for {@code /metrics}, whose config needs a number). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EngineException(ErrorCode.RUNTIME_ERROR, "cannot find a free port: " + e.getMessage());
    }
  }

  /**
   * What to start.
   *
   * @param stream the live stream's server, history and client queues
   * @param telemetry the telemetry config (validated when started); {@code enabled: false} for none
   * @param models loaded at start, in order; the demo runs on the first
   * @param maxConcurrent generations running at once
   * @param maxWaiting generations waiting beyond those
   * @param demo the demo workload, if any
   * @param loadTimeout the longest a start-up load may take
   * @param runtimeCommand when not empty, models live in an external runtime process started with this
   *     command (JSON-RPC over stdin/stdout) instead of the embedded n-gram backend
   */
  public record Options(EventStream.Config stream, TelemetryConfig telemetry, List<LoadRequest> models,
      int maxConcurrent, int maxWaiting, Optional<DemoWorkload.Options> demo, Duration loadTimeout,
      List<String> runtimeCommand) {

    public Options {
      runtimeCommand = List.copyOf(runtimeCommand);
      Objects.requireNonNull(stream, "stream");
      Objects.requireNonNull(telemetry, "telemetry");
      models = List.copyOf(models);
      Objects.requireNonNull(demo, "demo");
      Objects.requireNonNull(loadTimeout, "loadTimeout");
    }

    /**
     * The embedded model, no demo, stream on a free 127.0.0.1 port, telemetry with snapshots every
     * second and {@code /metrics} on a free port.
     */
    public static Options defaults() {
      return new Options(
          EventStream.Config.defaults().withServer(StreamServer.Options.defaults().withPort(0)),
          TelemetryConfigBuilder.builder().enabled(true).prometheusPort(freePort()).build(),
          List.of(LoadRequest.of(DEFAULT_MODEL_ID, DEFAULT_MODEL_PATH)),
          Engine.DEFAULT_MAX_CONCURRENT, Engine.DEFAULT_MAX_WAITING, Optional.empty(), Duration.ofSeconds(60), List.of());
    }

    /** {@link #defaults()} with the demo workload at {@code faultRate}. */
    public static Options demo(double faultRate) {
      return defaults().withDemo(DemoWorkload.Options.defaults(DEFAULT_MODEL_PATH).withFaultRate(faultRate));
    }

    public Options withStream(EventStream.Config newStream) {
      return new Options(newStream, telemetry, models, maxConcurrent, maxWaiting, demo, loadTimeout, runtimeCommand);
    }

    public Options withTelemetry(TelemetryConfig newTelemetry) {
      return new Options(stream, newTelemetry, models, maxConcurrent, maxWaiting, demo, loadTimeout, runtimeCommand);
    }

    public Options withModels(List<LoadRequest> newModels) {
      return new Options(stream, telemetry, newModels, maxConcurrent, maxWaiting, demo, loadTimeout, runtimeCommand);
    }

    public Options withLimits(int newMaxConcurrent, int newMaxWaiting) {
      return new Options(stream, telemetry, models, newMaxConcurrent, newMaxWaiting, demo, loadTimeout, runtimeCommand);
    }

    /** Models served by an external runtime started with {@code command}; empty for the embedded backend. */
    public Options withRuntimeCommand(List<String> command) {
      return new Options(stream, telemetry, models, maxConcurrent, maxWaiting, demo, loadTimeout, command);
    }

    public Options withDemo(DemoWorkload.Options newDemo) {
      return new Options(stream, telemetry, models, maxConcurrent, maxWaiting, Optional.ofNullable(newDemo),
          loadTimeout, runtimeCommand);
    }
  }
}
