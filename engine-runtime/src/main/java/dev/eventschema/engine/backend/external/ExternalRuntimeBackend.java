package dev.eventschema.engine.backend.external;

import dev.eventschema.SchemaValidator;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.backend.StreamingGeneration;
import dev.eventschema.engine.backend.TokenSink;
import dev.eventschema.engine.backend.external.protocol.CancelResultValidator;
import dev.eventschema.engine.backend.external.protocol.GenerateResultValidator;
import dev.eventschema.engine.backend.external.protocol.LoadModelResultValidator;
import dev.eventschema.engine.backend.external.protocol.UnloadModelResultValidator;
import dev.eventschema.engine.config.RuntimeSettings;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A backend whose models live in a child process, spoken to in JSON-RPC 2.0 lines over its stdin
 * and stdout, in the style of the origin engine's Python runtime (see {@code
 * docs/runtime-protocol.md}). Every inbound line goes through the generated validators; a bad one
 * is reported to {@link BackendListener#rejected} and skipped.
 *
 * <p>The process is kept running by a {@link RuntimeSupervisor}: when it dies, running generations
 * fail at once, its models are reported invalidated ({@value #RUNTIME_RESTART}), and a new, empty
 * process is started after a backoff. Requests made while no process is ready wait for one, within
 * their timeout; a stream the runtime stops talking about fails after {@code streamIdleTimeout}.
 */
public final class ExternalRuntimeBackend implements ModelBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ExternalRuntimeBackend.class);

  /** The protocol version this backend speaks (checked against {@code runtime/info}). */
  public static final int PROTOCOL_VERSION = 1;

  /** The invalidation reason when the runtime died. */
  public static final String RUNTIME_RESTART = BackendListener.RUNTIME_RESTART;

  private final RuntimeSettings config;
  private final StreamRegistry streams = new StreamRegistry();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "runtime-supervisor");
    thread.setDaemon(true);
    return thread;
  });
  private final RuntimeSupervisor supervisor;
  private final AtomicLong lastStreamId = new AtomicLong();

  private ExternalRuntimeBackend(RuntimeSettings config, BackendListener listener) {
    this.config = config;
    this.supervisor = new RuntimeSupervisor(config, new GuardedListener(listener), streams, timers);
  }

  /**
   * Starts the runtime process and returns at once; {@link BackendListener#runtimeReady()} follows
   * when the runtime has answered {@code runtime/info}.
   */
  public static ExternalRuntimeBackend start(RuntimeSettings config, BackendListener listener) {
    ExternalRuntimeBackend backend = new ExternalRuntimeBackend(config, listener);
    long sweep = Math.clamp(config.streamIdleTimeout().toMillis() / 4, 10, 1000);
    backend.timers.scheduleWithFixedDelay(backend::expireSilentStreams, sweep, sweep, TimeUnit.MILLISECONDS);
    backend.supervisor.launch();
    return backend;
  }

  @Override
  public String name() {
    return "external";
  }

  /** The runtime process now running, if any: for health checks and tests. */
  public Optional<ProcessHandle> process() {
    return supervisor.current().map(channel -> channel.process().handle());
  }

  /** How many times a runtime process was started after the first. */
  public int restarts() {
    return supervisor.restarts();
  }

  /**
   * Completes once a runtime process is ready; fails at once, naming the program and the OS error
   * (or the exit code and the last lines of stderr), when the runtime cannot start. For callers that
   * must not go on without a runtime, such as {@code serve} at start. Fails with {@code TIMEOUT}
   * after {@link #readyTimeout()}.
   */
  public CompletableFuture<Void> ready() {
    return Deadlines.within(supervisor.whenReady().thenApply(channel -> (Void) null), readyTimeout(),
        "the runtime's start");
  }

  /**
   * The longest {@link #ready()} waits: the handshake's timeout ({@code requestTimeoutMs}), plus the
   * time to stop a process that does not answer it ({@code 3 × shutdownTimeoutMs}), plus 5 s.
   */
  public Duration readyTimeout() {
    return config.requestTimeout().plus(config.shutdownTimeout().multipliedBy(3)).plusSeconds(5);
  }

  /**
   * Sends {@code load_model}. A {@code classpath:} path is refused here ({@code MODEL_LOAD_FAILED}):
   * it names a resource inside this JVM, which the runtime cannot read.
   */
  @Override
  public CompletableFuture<LoadedModel> load(LoadRequest request) {
    if (request.isEngineResource()) {
      return CompletableFuture.failedFuture(RuntimeFailures.internalPath(request.modelId(), request.modelPath()));
    }
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("model_id", request.modelId());
    params.put("model_path", request.modelPath());
    params.put("options", request.options());
    return call("load_model", params, LoadModelResultValidator.INSTANCE, config.loadTimeout())
        .thenApply(answered -> {
          LoadedModel model = new LoadedModel(request.modelId(), request.modelPath(),
              answered.value().quantization(), answered.value().parameters());
          supervisor.holdOn(answered.channel(), model);
          return model;
        })
        .exceptionallyCompose(failure -> failed(failure, ErrorCode.MODEL_LOAD_FAILED, request.modelId()));
  }

  @Override
  public CompletableFuture<Void> unload(String modelId) {
    if (supervisor.holding(modelId).isEmpty()) {
      return CompletableFuture.failedFuture(supervisor.isClosed() ? RuntimeFailures.closed()
          : RuntimeFailures.notLoaded(modelId));
    }
    return call("unload_model", Map.of("model_id", modelId), UnloadModelResultValidator.INSTANCE,
        config.requestTimeout())
        .thenAccept(answered -> supervisor.forget(modelId))
        .exceptionallyCompose(failure -> {
          if (Deadlines.unwrap(failure) instanceof RpcCallException rpc
              && rpc.error().code() == RpcCallException.MODEL_NOT_FOUND) {
            supervisor.forget(modelId); // the runtime does not have it either: it is gone all the same
          }
          return failed(failure, ErrorCode.RUNTIME_ERROR, modelId);
        });
  }

  @Override
  public Generation generate(GenerationRequest request, TokenSink sink) {
    String streamId = "s-" + lastStreamId.incrementAndGet();
    StreamingGeneration generation =
        new StreamingGeneration(sink, request.maxTokens(), () -> cancelInRuntime(streamId));
    Optional<JsonRpcChannel> holder = supervisor.holding(request.modelId());
    if (holder.isEmpty()) {
      generation.fail(supervisor.isClosed() ? RuntimeFailures.closed()
          : RuntimeFailures.notLoaded(request.modelId()));
      return generation;
    }
    // Registered before the request is sent: the first chunk may arrive before the answer.
    streams.add(new ExternalStream(streamId, generation));
    if (supervisor.isClosed()) { // close() ran since holding(): it may not have seen this stream
      generation.finish(FinishReason.CANCELLED);
      return generation;
    }
    holder.get().call("generate", generateParams(streamId, request), GenerateResultValidator.INSTANCE,
            config.requestTimeout())
        .whenComplete((started, failure) -> {
          if (failure != null) {
            generation.fail(RuntimeFailures.toEngineException(failure, ErrorCode.GENERATION_FAILED,
                request.modelId()));
          }
        });
    return generation;
  }

  /**
   * Cancels running generations, asks the runtime to shut down, and makes sure its process is gone
   * (killed after {@code shutdownTimeout} if need be). Blocks for at most about three times {@code
   * shutdownTimeout}.
   */
  @Override
  public void close() {
    streams.cancelAll(); // first, so that callers hear at once rather than after the shutdown
    supervisor.close();
    streams.cancelAll(); // any generation that slipped in meanwhile
    timers.shutdownNow();
  }

  /** An answer, with the process that gave it (a model it loaded lives and dies with that process). */
  private record Answered<T>(JsonRpcChannel channel, T value) {}

  /** Sends a request once a process is ready; the whole wait, readiness included, is bounded. */
  private <T> CompletableFuture<Answered<T>> call(String method, Map<String, Object> params,
      SchemaValidator<T> resultSchema, Duration timeout) {
    CompletableFuture<Answered<T>> answer = new CompletableFuture<>();
    supervisor.whenReady().whenComplete((ready, notReady) -> {
      if (notReady != null) {
        answer.completeExceptionally(notReady);
        return;
      }
      ready.call(method, params, resultSchema, timeout).whenComplete((value, failure) -> {
        if (failure != null) {
          answer.completeExceptionally(failure);
        } else {
          answer.complete(new Answered<>(ready, value));
        }
      });
    });
    return Deadlines.within(answer, timeout, method);
  }

  private static Map<String, Object> generateParams(String streamId, GenerationRequest request) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("stream_id", streamId);
    params.put("model_id", request.modelId());
    params.put("prompt", request.prompt());
    params.put("max_tokens", request.maxTokens());
    params.put("temperature", request.temperature());
    request.seed().ifPresent(seed -> params.put("seed", seed));
    request.tokensPerSecond().ifPresent(rate -> params.put("tokens_per_second", rate));
    if (request.topP() < 1) {
      params.put("top_p", request.topP()); // absent means 1: runtimes written before it need not know it
    }
    return params;
  }

  /** Tells the runtime to stop a stream the engine no longer wants; nobody waits for the answer. */
  private void cancelInRuntime(String streamId) {
    streams.end(streamId);
    supervisor.current().ifPresent(channel -> channel
        .call("cancel", Map.of("stream_id", streamId), CancelResultValidator.INSTANCE, config.requestTimeout())
        .whenComplete((answer, failure) -> {
          if (failure != null) {
            LOG.debug("cancel of stream {} failed: {}", streamId, Deadlines.unwrap(failure).getMessage());
          }
        }));
  }

  /** Fails streams the runtime has forgotten, so that their callers do not wait forever. */
  private void expireSilentStreams() {
    for (ExternalStream stream : streams.silentFor(config.streamIdleTimeout().toNanos())) {
      stream.generation().fail(new EngineException(ErrorCode.TIMEOUT, "the runtime sent nothing about stream "
          + stream.streamId() + " for " + config.streamIdleTimeout().toMillis() + " ms",
          Map.of("streamId", stream.streamId())));
      cancelInRuntime(stream.streamId());
    }
  }

  private static <T> CompletableFuture<T> failed(Throwable failure, ErrorCode fallback, String modelId) {
    return CompletableFuture.failedFuture(RuntimeFailures.toEngineException(failure, fallback, modelId));
  }
}
