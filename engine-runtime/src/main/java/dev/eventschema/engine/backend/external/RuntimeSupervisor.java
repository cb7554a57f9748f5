package dev.eventschema.engine.backend.external;

import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.external.protocol.InboundMessage;
import dev.eventschema.engine.backend.external.protocol.RuntimeInfo;
import dev.eventschema.engine.backend.external.protocol.RuntimeInfoValidator;
import dev.eventschema.engine.backend.external.protocol.ShutdownResultValidator;
import dev.eventschema.engine.config.RuntimeSettings;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one runtime process running, and knows which models it holds.
 *
 * <p>A process is ready once it has answered {@code runtime/info} with the right protocol version.
 * When it dies, its running streams fail at once ({@code RUNTIME_ERROR}), the models it held are
 * reported invalidated ({@code runtime_restart}), a runtime error is reported, and a new process is
 * started after a {@link RestartBackoff} delay. The new process starts empty: reloading is the
 * engine's decision.
 *
 * <p>A process that cannot be started, or exits before it is ready, is a <em>start failure</em>:
 * whoever waits for a ready process fails at once with {@code RUNTIME_UNAVAILABLE} (naming the
 * program and the OS error, or the exit code and the last lines of stderr), and so does every request
 * until a process is ready again. Waiting out the request timeout would only hide the reason.
 */
final class RuntimeSupervisor {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeSupervisor.class);

  private final RuntimeSettings config;
  private final RestartBackoff backoff;
  private final BackendListener listener;
  private final StreamRegistry streams;
  private final ScheduledExecutorService timers;
  private final AtomicInteger launches = new AtomicInteger();

  private final ReentrantLock lock = new ReentrantLock();
  // Guarded by lock: the current process and what it holds.
  private JsonRpcChannel channel;
  private CompletableFuture<JsonRpcChannel> ready = new CompletableFuture<>();
  private final Map<String, LoadedModel> models = new LinkedHashMap<>();
  private int consecutiveFailures;
  private long readySinceNanos;
  /** Why the last process never became ready; null once one is ready. */
  private EngineException startFailure;
  private boolean closed;

  /**
   * @param listener told of readiness, deaths, invalidations and rejected lines
   * @param streams where stream notifications go, and what fails when a process dies
   * @param timers runs restarts; shut down by the owner after {@link #close()}
   */
  RuntimeSupervisor(RuntimeSettings config, BackendListener listener, StreamRegistry streams,
      ScheduledExecutorService timers) {
    this.config = config;
    this.backoff = new RestartBackoff(config.restartInitial(), config.restartMax(), config.restartStableAfter());
    this.listener = listener;
    this.streams = streams;
    this.timers = timers;
  }

  /**
   * Completes with the ready process, now or once there is one; fails once closed, and at once while
   * the runtime cannot start (until a process is ready again).
   */
  CompletableFuture<JsonRpcChannel> whenReady() {
    lock.lock();
    try {
      return closed ? CompletableFuture.failedFuture(RuntimeFailures.closed())
          : startFailure != null ? CompletableFuture.failedFuture(startFailure)
          : ready;
    } finally {
      lock.unlock();
    }
  }

  /** The running process (ready or not), unless closed. */
  Optional<JsonRpcChannel> current() {
    lock.lock();
    try {
      return Optional.ofNullable(closed ? null : channel);
    } finally {
      lock.unlock();
    }
  }

  /** The process holding {@code modelId}, if one does. */
  Optional<JsonRpcChannel> holding(String modelId) {
    lock.lock();
    try {
      return Optional.ofNullable(closed || !models.containsKey(modelId) ? null : channel);
    } finally {
      lock.unlock();
    }
  }

  /** Records a model as held by {@code loadedBy}; fails if that process has died meanwhile. */
  void holdOn(JsonRpcChannel loadedBy, LoadedModel model) {
    lock.lock();
    try {
      if (closed || channel != loadedBy || !loadedBy.isOpen()) {
        throw new EngineException(ErrorCode.RUNTIME_ERROR,
            "the runtime exited right after loading '" + model.modelId() + "'", Map.of("model", model.modelId()));
      }
      models.put(model.modelId(), model);
    } finally {
      lock.unlock();
    }
  }

  void forget(String modelId) {
    lock.lock();
    try {
      models.remove(modelId);
    } finally {
      lock.unlock();
    }
  }

  boolean isClosed() {
    lock.lock();
    try {
      return closed;
    } finally {
      lock.unlock();
    }
  }

  /** How many times a process was started after the first. */
  int restarts() {
    return Math.max(0, launches.get() - 1);
  }

  /** Starts a process and asks it who it is; it is ready once it answers. */
  void launch() {
    RuntimeProcess process;
    try {
      process = RuntimeProcess.start(config.command());
    } catch (IOException cannotStart) {
      LOG.debug("cannot start the runtime {}", config.command(), cannotStart);
      afterDeath(null, OptionalInt.empty(), List.of(), cannotStart);
      return;
    } catch (RuntimeException cannotStart) { // the JDK's refusals: a NUL in an argument, a security manager
      LOG.debug("cannot start the runtime {}", config.command(), cannotStart);
      afterDeath(null, OptionalInt.empty(), List.of(), new IOException(cannotStart.toString(), cannotStart));
      return;
    }
    launches.incrementAndGet();
    JsonRpcChannel opened;
    boolean closedMeanwhile;
    lock.lock();
    try {
      // Opened under the lock: the reader thread of a process that exits at once reports its death
      // (which takes the lock) only after it is the current channel. Otherwise that death would be
      // taken for an old process's, ignored, and nothing would ever start the runtime again.
      opened = JsonRpcChannel.open(process, new ChannelHandler(), config.maxLineCharsOrDefault());
      closedMeanwhile = closed;
      if (!closedMeanwhile) {
        channel = opened;
      }
    } finally {
      lock.unlock();
    }
    if (closedMeanwhile) {
      opened.stop(config.shutdownTimeout());
      return;
    }
    LOG.info("started runtime {}: {}", process.pid(), describe(config.command()));
    opened.call("runtime/info", Map.of(), RuntimeInfoValidator.INSTANCE, config.requestTimeout())
        .whenComplete((info, failure) -> {
          if (failure == null && info.protocol() == ExternalRuntimeBackend.PROTOCOL_VERSION) {
            becameReady(opened, info);
          } else if (failure == null || opened.isOpen()) { // a dead process needs no stopping: its death is handled
            LOG.error("runtime {} failed its handshake; stopping it: {}", process.pid(), failure != null
                ? Deadlines.unwrap(failure).getMessage()
                : "protocol " + info.protocol() + ", expected " + ExternalRuntimeBackend.PROTOCOL_VERSION);
            stopAsync(opened); // its end of output then leads to a restart
          }
        });
  }

  /**
   * Stops supervising: no more restarts, waiters for a ready process fail, and the running process
   * is asked to shut down, then stopped (see {@link RuntimeProcess#stop}). Idempotent.
   */
  void close() {
    JsonRpcChannel current;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      current = channel;
      channel = null;
      ready.completeExceptionally(RuntimeFailures.closed());
      models.clear();
    } finally {
      lock.unlock();
    }
    if (current != null) {
      askToShutDown(current);
      current.stop(config.shutdownTimeout());
    }
  }

  private void becameReady(JsonRpcChannel opened, RuntimeInfo info) {
    lock.lock();
    try {
      if (closed || channel != opened) {
        return;
      }
      readySinceNanos = System.nanoTime();
      startFailure = null;
      ready.complete(opened);
    } finally {
      lock.unlock();
    }
    LOG.info("runtime {} ready: {} {}", opened.process().pid(), info.name(), info.version());
    listener.runtimeReady();
  }

  /**
   * The process behind {@code ended} is gone, or never started (then {@code ended} is null and
   * {@code cannotStart} says why).
   */
  private void afterDeath(JsonRpcChannel ended, OptionalInt exitCode, List<String> stderrTail,
      IOException cannotStart) {
    List<String> lost;
    Duration delay;
    int attempt;
    EngineException neverReady = null;
    CompletableFuture<JsonRpcChannel> waiters = null;
    lock.lock();
    try {
      if (closed || channel != ended) {
        return; // shutting down, or an old process whose death was already handled
      }
      channel = null;
      boolean wasReady = readySinceNanos != 0;
      lost = List.copyOf(models.keySet());
      models.clear();
      boolean wasStable = wasReady && System.nanoTime() - readySinceNanos >= backoff.stableAfter().toNanos();
      consecutiveFailures = wasStable ? 1 : consecutiveFailures + 1;
      attempt = consecutiveFailures;
      readySinceNanos = 0;
      delay = backoff.delay(attempt);
      if (!wasReady) {
        String program = config.command().get(0);
        neverReady = cannotStart != null ? RuntimeFailures.cannotStart(program, cannotStart, delay)
            : RuntimeFailures.exitedBeforeReady(program, ended.process().pid(),
                exitCode.isPresent() ? exitCode.getAsInt() : null, stderrTail, delay);
        startFailure = neverReady;
        waiters = ready; // they fail now, with the reason, rather than at their timeout
        ready = new CompletableFuture<>();
      } else if (ready.isDone()) {
        ready = new CompletableFuture<>(); // waiters until now got the dead one; new ones wait for the next
      }
    } finally {
      lock.unlock();
    }
    if (waiters != null) {
      waiters.completeExceptionally(neverReady);
    }
    String why = neverReady != null ? neverReady.getMessage() : "the runtime process " + ended.process().pid()
        + " exited" + exitCode.stream().mapToObj(code -> " with code " + code).findFirst().orElse("");
    Map<String, Object> details = new LinkedHashMap<>();
    exitCode.ifPresent(code -> details.put("exitCode", code));
    streams.failAll(new EngineException(ErrorCode.RUNTIME_ERROR, why + " during the generation", details));
    if (!lost.isEmpty()) {
      listener.modelsInvalidated(lost, ExternalRuntimeBackend.RUNTIME_RESTART);
    }
    details.put("restartInMs", delay.toMillis());
    details.put("attempt", attempt);
    if (!stderrTail.isEmpty()) {
      details.put("stderrTail", stderrTail);
    }
    String restarting = (why.contains("\n") ? "\n" : "; ") + "restarting it in " + delay.toMillis() + " ms";
    listener.runtimeError(new EngineException(ErrorCode.RUNTIME_ERROR, why + restarting, details));
    LOG.warn("{}{} (attempt {})", why, restarting, attempt);
    try {
      timers.schedule(this::launch, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      LOG.debug("not restarting the runtime: the backend is closing");
    }
  }

  /** Stops a process from the timer thread, never from the thread that reads it. */
  private void stopAsync(JsonRpcChannel doomed) {
    try {
      timers.execute(() -> doomed.stop(config.shutdownTimeout()));
    } catch (RejectedExecutionException closing) {
      LOG.debug("not stopping runtime {} here: the backend is closing and stops it", doomed.process().pid());
    }
  }

  /** Asks politely first: a runtime may want to free a GPU or flush a cache before it exits. */
  private void askToShutDown(JsonRpcChannel current) {
    if (!current.isOpen()) {
      return;
    }
    Duration half = config.shutdownTimeout().dividedBy(2);
    try {
      current.call("shutdown", Map.of(), ShutdownResultValidator.INSTANCE, half)
          .get(half.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException | TimeoutException noAnswer) {
      LOG.debug("runtime {} did not answer shutdown: {}", current.process().pid(), noAnswer.toString());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The command for a log line: a JVM's class path alone can be thousands of characters long. */
  private static String describe(List<String> command) {
    String text = String.join(" ", command);
    return text.length() <= 300 ? text : text.substring(0, 150) + " ... " + text.substring(text.length() - 140);
  }

  /** What a channel reports, from its reader thread. */
  private final class ChannelHandler implements JsonRpcChannel.Handler {

    @Override
    public void notification(InboundMessage message) {
      if (message instanceof InboundMessage.StreamNotification notification) {
        streams.route(notification).ifPresent(this::rejected);
      }
    }

    @Override
    public void rejected(InboundMessage.Rejected rejected) {
      LOG.debug("rejected a {} from the runtime: {}", rejected.messageType(), rejected.violations());
      listener.rejected(rejected.messageType(), rejected.payload(), rejected.violations());
    }

    @Override
    public void closed(JsonRpcChannel ended, OptionalInt exitCode) {
      // stderr ends with the process; a second covers the lines still in the pipe
      afterDeath(ended, exitCode, ended.process().stderrTail(Duration.ofSeconds(1)), null);
    }
  }
}
