package dev.eventschema.engine.backend.ngram;

import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.backend.StreamingGeneration;
import dev.eventschema.engine.backend.TokenSink;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded default backend: each model is an {@link NgramModel} trained, at load time, on the
 * text file named by the model path. No child process and no weights file: the engine is useful
 * out of the box, and tokens come with real log-probabilities.
 *
 * <p>Tokens are <b>words</b> (and punctuation marks), carrying their leading space the way BPE
 * vocabularies carry {@code " the"}; see {@link WordTokenizer}. Not characters: a trigram of
 * characters spells gibberish. Not learned sub-words: a merge table trained on a few tens of KB
 * would mostly rebuild whole words anyway, while splitting the rest would spread the few counts a
 * small corpus has over longer contexts. Word tokens give readable text from the shipped 24 KB
 * corpus, a vocabulary of under a thousand tokens, and token events that look like a real model's.
 *
 * <p>Options of {@link LoadRequest#options()}: {@code order} (an integer from 1 to 4, default 3).
 */
public final class NgramBackend implements ModelBackend {

  /** The model path of the corpus that ships with the engine, a few tens of KB written for it. */
  public static final String DEFAULT_MODEL_PATH = CorpusSource.CLASSPATH_PREFIX + "eventschema/default-corpus.txt";

  /** Trigrams: enough to read well on a small corpus without reciting it. */
  public static final int DEFAULT_ORDER = 3;

  private static final Duration DEFAULT_LOAD_TIMEOUT = Duration.ofSeconds(60);

  private final Map<String, NgramModel> models = new ConcurrentHashMap<>();
  private final Set<StreamingGeneration> running = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  /** Training reads and counts a file: it runs apart, so that it never delays a paced token. */
  private final ExecutorService loader = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration loadTimeout;
  private volatile boolean closed;

  /** A backend with one generation thread per processor and a 60 s load timeout. */
  public NgramBackend() {
    this(Runtime.getRuntime().availableProcessors(), DEFAULT_LOAD_TIMEOUT);
  }

  /**
   * @param generationThreads threads that produce tokens, shared by all generations
   * @param loadTimeout the longest a load may take before it fails with {@code TIMEOUT}
   */
  public NgramBackend(int generationThreads, Duration loadTimeout) {
    AtomicInteger threadNumber = new AtomicInteger();
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(generationThreads, task -> {
      Thread thread = new Thread(task, "ngram-generation-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    pool.setRemoveOnCancelPolicy(true); // cancelled paced ticks must not pile up in the queue
    this.scheduler = pool;
    this.loadTimeout = loadTimeout;
  }

  /**
   * How many tokens the n-gram models read in {@code text} (words, numbers and marks, each with its
   * leading white space): what an OpenAI-style {@code usage.prompt_tokens} counts.
   */
  public static int countTokens(String text) {
    return WordTokenizer.tokens(text).size();
  }

  @Override
  public String name() {
    return "ngram";
  }

  @Override
  public CompletableFuture<LoadedModel> load(LoadRequest request) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    CompletableFuture<NgramModel> training = CompletableFuture.supplyAsync(() -> train(request), loader);
    // Registered only if training finished in time: a load that timed out must not appear later.
    return Deadlines.within(training, loadTimeout, "loading '" + request.modelId() + "'").thenApply(model -> {
      LoadedModel description = new LoadedModel(request.modelId(), request.modelPath(), Optional.empty(),
          model.parameters());
      models.put(request.modelId(), model);
      return description;
    });
  }

  @Override
  public CompletableFuture<Void> unload(String modelId) {
    if (closed) {
      return CompletableFuture.failedFuture(closedError());
    }
    if (models.remove(modelId) == null) {
      return CompletableFuture.failedFuture(notLoaded(modelId));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public Generation generate(GenerationRequest request, TokenSink sink) {
    NgramModel model = models.get(request.modelId());
    RunHolder holder = new RunHolder();
    StreamingGeneration generation = new StreamingGeneration(sink, request.maxTokens(), holder::stop);
    if (closed || model == null) {
      generation.fail(closed ? closedError() : notLoaded(request.modelId()));
      return generation;
    }
    long seed = request.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
    NgramSampler sampler = model.sampler(request.prompt(), request.temperature(), request.topP(),
        request.topLogprobs(), seed);
    holder.run = new NgramRun(sampler, generation, scheduler, request.tokensPerSecond());
    running.add(generation);
    generation.result().whenComplete((reason, failure) -> running.remove(generation));
    if (closed) { // close() ran between the check above and add(): it did not see this generation
      generation.finish(FinishReason.CANCELLED);
    }
    holder.run.start();
    return generation;
  }

  @Override
  public void close() {
    closed = true;
    running.forEach(StreamingGeneration::cancel);
    scheduler.shutdownNow();
    loader.shutdownNow();
    models.clear();
  }

  /** The cancel hook needs the run, which needs the generation: this breaks the cycle. */
  private static final class RunHolder {
    private volatile NgramRun run;

    void stop() {
      NgramRun current = run;
      if (current != null) {
        current.stop();
      }
    }
  }

  private static NgramModel train(LoadRequest request) {
    int order = order(request);
    String text = CorpusSource.read(request.modelPath());
    try {
      return NgramTrainer.train(text, order);
    } catch (IllegalArgumentException | IllegalStateException unusable) {
      throw new EngineException(ErrorCode.MODEL_LOAD_FAILED,
          "cannot train on '" + request.modelPath() + "': " + unusable.getMessage(),
          Map.of("modelPath", request.modelPath()), unusable);
    }
  }

  private static int order(LoadRequest request) {
    Object order = request.options().getOrDefault("order", DEFAULT_ORDER);
    // JSON numbers arrive as Integer or Long, sometimes as a whole Double: accept any whole number.
    if (order instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
        && number.doubleValue() >= 1 && number.doubleValue() <= ContextKey.MAX_LENGTH + 1) {
      return number.intValue();
    }
    throw new EngineException(ErrorCode.MODEL_LOAD_FAILED,
        "option 'order' must be an integer from 1 to " + (ContextKey.MAX_LENGTH + 1) + ", was " + order,
        Map.of("modelPath", request.modelPath()));
  }

  private static EngineException notLoaded(String modelId) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "model '" + modelId + "' is not loaded",
        Map.of("model", modelId));
  }

  private static EngineException closedError() {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "the n-gram backend is closed");
  }
}
