package dev.eventschema.engine.api.openai;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.core.Engine;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.core.GenerationResult;
import dev.eventschema.engine.core.Token;
import dev.eventschema.engine.error.EngineException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One generation as the HTTP thread consumes it: the engine's tokens, passed through the request's
 * stop sequences on the backend's thread (so that a stop cancels the generation before another
 * token is made, and {@code usage} counts exactly the tokens the engine reported), queued for the
 * thread that writes the answer. The queue holds at most {@code maxTokens} pieces and one end.
 */
final class GenerationRun implements Flow.Subscriber<Token> {

  /** What the writer takes from the queue. */
  sealed interface Item {}

  /** One token: the text it made visible (possibly empty, or more than its own when held text is let go). */
  record Piece(String text, Token token) implements Item {}

  /**
   * The end: the engine's result, or its failure. A generation stopped at a stop sequence ends with
   * {@link FinishReason#STOP} ({@link GenerationHandle#stopAtSequence}).
   */
  record End(GenerationResult result, Throwable failure) implements Item {
    /** OpenAI's {@code finish_reason}. */
    String finishReason() {
      if (result.finishReason() == FinishReason.STOP) {
        return "stop";
      }
      return result.finishReason() == FinishReason.LENGTH ? "length" : "abort";
    }
  }

  private final GenerationHandle handle;
  private final StopSequences stops;
  private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();

  private GenerationRun(GenerationHandle handle, List<String> stopSequences) {
    this.handle = Objects.requireNonNull(handle, "handle");
    this.stops = new StopSequences(stopSequences);
  }

  /**
   * Submits the generation and follows its tokens from before it can start, so that a stop sequence
   * stops it before the backend makes another token.
   *
   * @throws EngineException as {@link Engine#generate(GenerationRequest)} does
   */
  static GenerationRun start(Engine engine, GenerationRequest request, List<String> stopSequences) {
    AtomicReference<GenerationRun> run = new AtomicReference<>();
    engine.generate(request, handle -> {
      run.set(new GenerationRun(handle, stopSequences));
      handle.tokens().subscribe(run.get());
    });
    return run.get();
  }

  GenerationHandle handle() {
    return handle;
  }

  /** The next item, or null if none came within {@code timeoutMillis}. */
  Item next(long timeoutMillis) throws InterruptedException {
    return queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    subscription.request(Long.MAX_VALUE); // at most maxTokens tokens: the queue stays bounded
  }

  @Override
  public void onNext(Token token) {
    StopSequences.Release release = stops.add(token.text());
    if (release.stopped()) {
      // from the backend's thread, inside its sink: the engine passes on no further token
      handle.stopAtSequence();
    }
    queue.add(new Piece(release.text(), token));
  }

  @Override
  public void onError(Throwable failure) {
    queue.add(new End(null, failure));
  }

  @Override
  public void onComplete() {
    String rest = stops.flush();
    if (!rest.isEmpty()) {
      queue.add(new Piece(rest, null));
    }
    // the result completes right after the tokens do
    handle.completion().whenComplete((result, failure) -> queue.add(new End(result, failure)));
  }
}
