package dev.eventschema.engine;

import dev.eventschema.engine.api.ApiRoutes;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.external.ExternalRuntimeBackend;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.config.ApiSettings;
import dev.eventschema.engine.config.DemoSettingsBuilder;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.EngineSettings;
import dev.eventschema.engine.config.ModelSpec;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.core.DemoWorkload;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.export.kafka.KafkaSink;
import dev.eventschema.engine.export.otlp.OtlpExport;
import dev.eventschema.engine.stream.EventStream;
import dev.eventschema.engine.stream.StreamServer;
import dev.eventschema.engine.http.JdkHttpServerSettings;
import dev.eventschema.engine.telemetry.TelemetryBridge;
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

  /** The longest a start-up load may take on the embedded model. */
  private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

  /** Beyond an external runtime's own timeouts, which fail first with their own messages. */
  private static final Duration LOAD_TIMEOUT_MARGIN = Duration.ofSeconds(5);

  /** The demo's second model, loaded and unloaded now and then. */
  private static final LoadRequest DEMO_AUX_MODEL = new LoadRequest("harbor-bigram", DEFAULT_MODEL_PATH,
      Map.of("order", 2));

  static {
    JdkHttpServerSettings.ensureStreamFriendly();
  }

  private final EngineEventEmitter emitter;
  private final TelemetryBridge telemetry;
  private final EventStream stream;
  private final Engine engine;
  private final DemoWorkload demo;
  private final OtlpExport otlp;
  private final KafkaSink kafkaSink;

  private EmbeddedEngine(EngineEventEmitter emitter, TelemetryBridge telemetry, EventStream stream, Engine engine,
      DemoWorkload demo, OtlpExport otlp, KafkaSink kafkaSink) {
    this.emitter = emitter;
    this.telemetry = telemetry;
    this.stream = stream;
    this.engine = engine;
    this.demo = demo;
    this.otlp = otlp;
    this.kafkaSink = kafkaSink;
  }

  /**
   * The demo: engine with the embedded model, stream on a free 127.0.0.1 port, telemetry with {@code
   * /metrics} on a free port, and the demo workload.
   *
   * @param faultRate the fraction (0 to 1) of events followed by a malformed copy through the untyped
   *     path, to show rejections; 0 for none
   * @throws dev.eventschema.SchemaViolationException for a fault rate outside 0 to 1
   */
  public static EmbeddedEngine startDemo(double faultRate) {
    return startDemo(EngineConfigBuilder.from(freePortsConfig())
        .demo(DemoSettingsBuilder.builder().faultRate(faultRate).build()).build());
  }

  /**
   * A config for an engine inside a test or an application: the stream on a free 127.0.0.1 port,
   * telemetry with {@code /metrics} on a free port; change it with {@code EngineConfigBuilder.from}.
   */
  public static EngineConfig freePortsConfig() {
    return EngineConfigBuilder.builder()
        .stream(StreamSettingsBuilder.builder().port(0).build())
        .telemetry(TelemetryConfigBuilder.builder().enabled(true).prometheusPort(freePort()).build())
        .build();
  }

  /**
   * Starts an engine as {@code config} says (its {@code demo} section is not read). The stream starts
   * first, so that it holds the engine's very first status; the listed models (the embedded corpus
   * when none and no external runtime is configured) are loaded before this returns. With an external
   * runtime, this waits until it is ready, and fails at once if it cannot start.
   *
   * @param config a validated config: built by the generated builders or read by {@code
   *     EngineConfigValidator}
   * @throws EngineException {@code INVALID_CONFIG} for an unsafe stream address (or a demo on an
   *     external runtime without a model), {@code RUNTIME_ERROR} when a port cannot be bound, {@code
   *     RUNTIME_UNAVAILABLE} when the external runtime cannot start, the load's code when a model cannot
   *     be loaded
   */
  public static EmbeddedEngine start(EngineConfig config) {
    return start(config, false);
  }

  /** As {@link #start(EngineConfig)}, plus the demo workload of {@code config.demo()} on the first model. */
  public static EmbeddedEngine startDemo(EngineConfig config) {
    return start(config, true);
  }

  private static EmbeddedEngine start(EngineConfig config, boolean withDemo) {
    Objects.requireNonNull(config, "config");
    JdkHttpServerSettings.ensureStreamFriendly();
    EngineSettings settings = config.engineOrDefaults();
    List<LoadRequest> models = models(config);
    if (withDemo && models.isEmpty()) {
      throw new EngineException(ErrorCode.INVALID_CONFIG, "the demo on an external runtime needs a model to run on:"
          + " add --model ID=PATH, with a path the runtime can read");
    }
    List<AutoCloseable> started = new ArrayList<>();
    try {
      EngineEventEmitter emitter = EngineEventEmitter.builder().build();
      started.add(emitter);
      OtlpExport otlp = config.otlp()
          .map(otlpSettings -> OtlpExport.start(otlpSettings, config.telemetryOrDefaults(), config.idOrDefault()))
          .orElse(null);
      if (otlp != null) {
        started.add(0, otlp);
      }
      TelemetryBridge.Builder telemetryBuilder = TelemetryBridge.builder(config.telemetryOrDefaults())
          .httpPolicy(StreamServer.policy(config.streamOrDefaults()));
      if (otlp != null) {
        otlp.meterRegistry().ifPresent(telemetryBuilder::publishTo);
      }
      TelemetryBridge telemetry = telemetryBuilder.build();
      started.add(0, telemetry);
      telemetry.attach(emitter);
      if (otlp != null) {
        otlp.attach(emitter);
        telemetry.meterRegistry().ifPresent(otlp::bindMeters);
      }
      EventStream stream = EventStream.start(config.streamOrDefaults(), emitter, Optional.of(telemetry));
      started.add(0, stream);
      KafkaSink kafkaSink = config.kafka().map(kafka -> KafkaSink.start(kafka, config.idOrDefault(), emitter))
          .orElse(null);
      if (kafkaSink != null) {
        started.add(0, kafkaSink);
        telemetry.registry().ifPresent(kafkaSink::bindTo);
        telemetry.addSnapshotSection(kafkaSink::contributeTo);
        kafkaSink.publishSnapshots(telemetry::subscribeSnapshots);
      }
      Engine.Builder builder = Engine.builder()
          .emitter(emitter)
          .backend(listener -> settings.runtime().isEmpty() ? new NgramBackend()
              : ExternalRuntimeBackend.start(settings.runtime().get(), listener));
      settings.runtime().ifPresent(runtime -> builder.reloadAfterRuntimeRestart(runtime.reloadAfterRestartOrDefault()));
      settings.maxConcurrent().ifPresent(builder::maxConcurrent); // absent: the engine's own default
      settings.maxWaiting().ifPresent(builder::maxWaiting);
      Engine engine = builder.build();
      started.add(0, engine);
      stream.attach(engine);
      ApiSettings api = config.apiOrDefaults();
      if (api.enabledOrDefault() || api.adminEnabledOrDefault()) {
        ApiRoutes.of(engine, api.enabledOrDefault(), api.adminEnabledOrDefault()).forEach(stream.server()::mount);
      }
      telemetry.meters().ifPresent(meters -> meters.trackRequestsWaiting(engine::waitingGenerations));
      telemetry.start();
      Duration loadTimeout = LOAD_TIMEOUT;
      if (engine.backend() instanceof ExternalRuntimeBackend external) {
        await(external.ready(), external.readyTimeout().plus(LOAD_TIMEOUT_MARGIN), "starting the runtime");
        loadTimeout = settings.runtime().orElseThrow().loadTimeout().plus(LOAD_TIMEOUT_MARGIN);
      }
      for (LoadRequest model : models) {
        await(engine.loadModel(model), loadTimeout, "loading " + model.modelId());
      }
      DemoWorkload demo = withDemo
          ? DemoWorkload.start(engine, models.get(0).modelId(), DEMO_AUX_MODEL, config.demoOrDefaults())
          : null;
      EmbeddedEngine embedded = new EmbeddedEngine(emitter, telemetry, stream, engine, demo, otlp, kafkaSink);
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

  /**
   * The config's models, or, when it lists none, the embedded corpus, but only for the embedded
   * backend: an external runtime cannot read a resource of this JVM, and would not know what to make
   * of an n-gram corpus anyway.
   */
  private static List<LoadRequest> models(EngineConfig config) {
    if (config.models().isEmpty()) {
      return config.engineOrDefaults().runtime().isPresent() ? List.of()
          : List.of(LoadRequest.of(DEFAULT_MODEL_ID, DEFAULT_MODEL_PATH));
    }
    List<LoadRequest> models = new ArrayList<>();
    for (ModelSpec spec : config.models()) {
      Map<String, Object> options = spec.order().isPresent() ? Map.of("order", spec.order().getAsInt()) : Map.of();
      models.add(new LoadRequest(spec.id(), spec.path(), options));
    }
    return models;
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

  /** The OTLP export, when the config has an {@code otlp} section. */
  public Optional<OtlpExport> otlp() {
    return Optional.ofNullable(otlp);
  }

  /** The Kafka sink, when the config has a {@code kafka} section. */
  public Optional<KafkaSink> kafkaSink() {
    return Optional.ofNullable(kafkaSink);
  }

  /** The demo workload, when running one. */
  public Optional<DemoWorkload> demo() {
    return Optional.ofNullable(demo);
  }

  /**
   * Stops the demo, then the engine (its final {@code shutdown} status reaches the stream's clients),
   * then the Kafka sink (which sends what it holds for a few seconds), the stream, the OTLP export
   * (which sends what it holds), telemetry and emitter. Every thread they started is stopped.
   * Idempotent.
   */
  @Override
  public void close() {
    if (demo != null) {
      closeQuietly(demo);
    }
    closeQuietly(engine);
    if (kafkaSink != null) {
      closeQuietly(kafkaSink);
    }
    closeQuietly(stream);
    if (otlp != null) {
      closeQuietly(otlp);
    }
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
}
