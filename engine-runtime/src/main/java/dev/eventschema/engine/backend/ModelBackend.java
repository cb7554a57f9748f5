package dev.eventschema.engine.backend;

import java.util.concurrent.CompletableFuture;

/**
 * Where models live and tokens come from: the one interface the engine drives, whatever produces
 * the tokens (the embedded n-gram model, an external runtime process).
 *
 * <p>Every call returns at once; results arrive through futures that the backend guarantees to
 * complete, normally or exceptionally with an {@link dev.eventschema.engine.error.EngineException}, within
 * its configured timeouts. No caller ever waits forever on a backend.
 *
 * <p>Things that happen to the backend on its own (its models became invalid, its runtime failed or
 * recovered, it rejected a malformed inbound message) are told to the {@link BackendListener} given
 * to the backend when it was made.
 *
 * <p>Implementations are thread-safe.
 */
public interface ModelBackend extends AutoCloseable {

  /** A short name for logs and metrics, such as {@code ngram} or {@code external}. */
  String name();

  /**
   * Loads the model {@code request.modelPath()} under {@code request.modelId()}. Loading an id that
   * is already loaded replaces it.
   *
   * @return completes with the loaded model, or with an {@code EngineException}: {@code
   *     MODEL_NOT_FOUND} (nothing at the path), {@code MODEL_LOAD_FAILED}, {@code TIMEOUT} or {@code
   *     RUNTIME_ERROR}
   */
  CompletableFuture<LoadedModel> load(LoadRequest request);

  /**
   * Unloads a model. Generations already running on it are not stopped by the backend; the engine
   * cancels them if it wants to.
   *
   * @return completes when the model is gone, or with an {@code EngineException}: {@code
   *     MODEL_NOT_FOUND}, {@code TIMEOUT} or {@code RUNTIME_ERROR}
   */
  CompletableFuture<Void> unload(String modelId);

  /**
   * Starts a generation. Tokens go to {@code sink} one at a time, in order, from a backend thread;
   * then {@link Generation#result()} completes exactly once: normally with the {@link
   * FinishReason}, or exceptionally with an {@code EngineException} ({@code MODEL_NOT_FOUND}, {@code
   * GENERATION_FAILED}, {@code RUNTIME_ERROR}, {@code TIMEOUT}). No token reaches the sink after the
   * result is complete.
   */
  Generation generate(GenerationRequest request, TokenSink sink);

  /**
   * Stops the backend and frees what it holds (threads, child processes). Running generations end as
   * {@link FinishReason#CANCELLED}; later calls fail with {@code RUNTIME_ERROR}. Idempotent.
   */
  @Override
  void close();
}
