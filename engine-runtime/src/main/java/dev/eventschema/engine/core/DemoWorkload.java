package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.config.DemoSettings;
import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.Subscription;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A steady workload that makes an engine look like real serving: {@code concurrency} generation loops
 * on the main model (paced, with short pauses between requests), a second model loaded and unloaded
 * now and then (with a generation of its own while it is loaded), and, with a fault rate, malformed
 * copies of a fraction of the accepted events sent through the emitter's untyped path (source {@code
 * runtime}), so that rejections show end to end.
 *
 * <p>Everything runs on one daemon thread of its own ({@code engine-demo}); {@link #close()} stops it
 * and cancels what it started.
 */
public final class DemoWorkload implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DemoWorkload.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final List<String> PROMPTS = List.of(
      "The harbor town", "The keeper", "In the town below, the baker", "The river", "A stream is",
      "The fishing boats", "Every morning he wrote", "The gulls", "On the hill above the town", "The sea");

  /** The shape of each request and of the model churn: what makes the demo look like serving, not settings. */
  private static final int MIN_TOKENS = 8;
  private static final int MAX_TOKENS = 48;
  private static final long MEAN_PAUSE_MS = 600;
  private static final long MODEL_CHURN_MS = 8000;

  private final Engine engine;
  private final DemoSettings settings;
  private final String mainModel;
  private final LoadRequest auxModel;
  private final ScheduledThreadPoolExecutor scheduler;
  private final Random random;
  private final Set<GenerationHandle> inFlight = ConcurrentHashMap.newKeySet();
  private final Subscription faults;
  private final AtomicLong generationsStarted = new AtomicLong();
  private final AtomicLong faultsSent = new AtomicLong();
  private volatile boolean closed;
  private boolean auxLoaded;

  private DemoWorkload(Engine engine, String mainModel, LoadRequest auxModel, DemoSettings settings) {
    this.engine = engine;
    this.settings = settings;
    this.mainModel = mainModel;
    this.auxModel = auxModel;
    this.random = new Random(settings.seedOrDefault());
    this.scheduler = new ScheduledThreadPoolExecutor(1, task -> {
      Thread thread = new Thread(task, "engine-demo-" + THREADS.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    scheduler.setRemoveOnCancelPolicy(true);
    scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.faults = settings.faultRateOrDefault() > 0 ? engine.emitter().subscribe(this::maybeInjectFault) : null;
  }

  /**
   * Starts the workload on {@code mainModel}, which must be loaded (or about to be).
   *
   * @param auxModel the second model, loaded and unloaded now and then
   * @param settings the validated {@code demo} settings; their defaults apply to absent fields
   */
  public static DemoWorkload start(Engine engine, String mainModel, LoadRequest auxModel, DemoSettings settings) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(mainModel, "mainModel");
    Objects.requireNonNull(auxModel, "auxModel");
    DemoWorkload workload = new DemoWorkload(engine, mainModel, auxModel, Objects.requireNonNull(settings, "settings"));
    for (int i = 0; i < settings.concurrencyOrDefault(); i++) {
      workload.schedule(workload::generateOnMain, 50L * i);
    }
    workload.scheduler.scheduleWithFixedDelay(workload::churnModels, MODEL_CHURN_MS, MODEL_CHURN_MS,
        TimeUnit.MILLISECONDS);
    return workload;
  }

  /** Generations this workload started so far. */
  public long generationsStarted() {
    return generationsStarted.get();
  }

  /** Malformed payloads sent so far. */
  public long faultsSent() {
    return faultsSent.get();
  }

  /** Stops the loops and cancels the generations in flight. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (faults != null) {
      faults.close();
    }
    scheduler.shutdownNow();
    inFlight.forEach(GenerationHandle::cancel);
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("the demo thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void generateOnMain() {
    generate(mainModel, true);
  }

  private void generate(String model, boolean loop) {
    if (closed) {
      return;
    }
    GenerationRequest request = new GenerationRequest(model, PROMPTS.get(random.nextInt(PROMPTS.size())),
        MIN_TOKENS + random.nextInt(MAX_TOKENS - MIN_TOKENS + 1),
        0.7 + random.nextDouble() * 0.5, OptionalLong.of(random.nextLong()),
        OptionalDouble.of(settings.tokensPerSecondOrDefault()));
    GenerationHandle handle;
    try {
      handle = engine.generate(request);
    } catch (EngineException refused) {
      LOG.debug("demo request refused: {}", refused.getMessage());
      if (loop) {
        schedule(this::generateOnMain, 1000);
      }
      return;
    }
    generationsStarted.incrementAndGet();
    inFlight.add(handle);
    handle.completion().whenComplete((result, failure) -> {
      inFlight.remove(handle);
      if (loop) {
        schedule(this::generateOnMain, MEAN_PAUSE_MS / 2 + random(MEAN_PAUSE_MS));
      }
    });
  }

  /** Loads the second model, or unloads it, turn about; runs one generation on it while loaded. */
  private void churnModels() {
    if (closed) {
      return;
    }
    String aux = auxModel.modelId();
    if (!auxLoaded) {
      auxLoaded = true;
      engine.loadModel(auxModel)
          .thenRun(() -> schedule(() -> generate(aux, false), 200))
          .exceptionally(failure -> {
            LOG.debug("demo load failed: {}", failure.toString());
            return null;
          });
    } else {
      auxLoaded = false;
      engine.unloadModel(aux, "demo: making room").exceptionally(failure -> null);
    }
  }

  /** On the emitting thread: decides, and hands the malformed copy to the demo thread. */
  private void maybeInjectFault(EmittedEvent event) {
    if (closed || event.source() != Source.API || ThreadLocalFaults.nextDouble() >= settings.faultRateOrDefault()) {
      return;
    }
    Map<String, Object> payload = event.envelope().payload();
    String type = event.type().wireName();
    schedule(() -> {
      faultsSent.incrementAndGet();
      engine.emitter().emit(type, corrupt(type, payload), Source.RUNTIME);
    }, 0);
  }

  /** A copy of {@code payload} that breaks its schema in one of a few realistic ways. */
  Map<String, Object> corrupt(String type, Map<String, Object> payload) {
    Map<String, Object> bad = new LinkedHashMap<>(payload);
    switch (random.nextInt(4)) {
      case 0 -> bad.put("modelID", bad.getOrDefault("model", "x")); // a misspelt key: unrecognized_keys
      case 1 -> bad.remove(bad.keySet().stream().findFirst().orElse("model")); // a required key: missing
      case 2 -> { // a rule broken by value
        switch (type) {
          case "tokenGenerated" -> bad.put("logprob", 0.5);
          case "generationCompleted" -> bad.put("tokensGenerated", -1);
          case "runtimeStatus" -> bad.put("status", "starting");
          case "modelLoaded" -> bad.put("parameters", -5);
          case "generationStarted" -> bad.put("maxTokens", 0);
          default -> bad.put("model", "");
        }
      }
      default -> bad.put(bad.keySet().stream().findFirst().orElse("model"), 42); // a number for a string: invalid_type
    }
    return bad;
  }

  private long random(long bound) {
    synchronized (random) {
      return bound <= 0 ? 0 : (long) (random.nextDouble() * bound);
    }
  }

  private void schedule(Runnable task, long delayMs) {
    if (closed) {
      return;
    }
    try {
      scheduler.schedule(() -> {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("demo step failed", e);
        }
      }, delayMs, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      // closed meanwhile
    }
  }

  /** Fault decisions are taken on emitting threads: one generator per thread, no contention. */
  private static final class ThreadLocalFaults {
    static double nextDouble() {
      return java.util.concurrent.ThreadLocalRandom.current().nextDouble();
    }
  }
}
