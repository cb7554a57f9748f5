package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.ModelBackend;
import dev.eventschema.engine.backend.TokenSink;
import dev.eventschema.engine.backend.ngram.NgramBackend;
import dev.eventschema.engine.emit.EmittedEvent;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationStartedEvent;
import dev.eventschema.engine.events.ModelInvalidatedEvent;
import dev.eventschema.engine.events.ModelLoadedEvent;
import dev.eventschema.engine.events.ModelUnloadedEvent;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TextPrompt;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.testing.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineTest {

  private static final String MODEL = "harbor";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();
  private final List<EmittedEvent> events = new CopyOnWriteArrayList<>();
  private final List<RejectedPayload> rejections = new CopyOnWriteArrayList<>();
  private Engine engine;

  private Engine start(int maxConcurrent, int maxWaiting) throws Exception {
    emitter.subscribe(events::add);
    emitter.subscribeRejections(rejections::add);
    engine = Engine.builder().emitter(emitter).backend(listener -> new NgramBackend())
        .maxConcurrent(maxConcurrent).maxWaiting(maxWaiting).build();
    engine.loadModel(MODEL, NgramBackend.DEFAULT_MODEL_PATH).get(30, TimeUnit.SECONDS);
    return engine;
  }

  @AfterEach
  void closeEngine() {
    if (engine != null) {
      engine.close();
    }
    emitter.close();
  }

  private List<EmittedEvent> eventsOf(String generationId) {
    return events.stream()
        .filter(e -> e.envelope().generationId().map(generationId::equals).orElse(false))
        .sorted((a, b) -> Long.compare(a.envelope().seq(), b.envelope().seq()))
        .toList();
  }

  private List<RuntimeStatusEvent> statuses() {
    return events.stream().filter(e -> e.event() instanceof RuntimeStatusEvent)
        .sorted((a, b) -> Long.compare(a.envelope().seq(), b.envelope().seq()))
        .map(e -> (RuntimeStatusEvent) e.event()).toList();
  }

  @Test
  void aGenerationEmitsStartedEveryTokenAndCompletedInOrder() throws Exception {
    start(2, 4);
    GenerationHandle generation = engine.generate(GenerationRequest.of(MODEL, "The keeper", 400, 0.8, 7));
    GenerationResult result = generation.completion().get(30, TimeUnit.SECONDS);

    List<EmittedEvent> sequence = eventsOf(generation.id());
    assertThat(sequence).isNotEmpty();
    assertThat(sequence.get(0).event()).isInstanceOfSatisfying(GenerationStartedEvent.class, started -> {
      assertThat(started.model()).isEqualTo(MODEL);
      assertThat(started.prompt()).isInstanceOfSatisfying(TextPrompt.class, p -> assertThat(p.text()).isEqualTo("The keeper"));
      assertThat(started.maxTokens()).hasValue(400);
    });
    EmittedEvent last = sequence.get(sequence.size() - 1);
    List<TokenGeneratedEvent> tokens = sequence.subList(1, sequence.size() - 1).stream()
        .map(e -> (TokenGeneratedEvent) e.event()).toList();
    assertThat(tokens).isNotEmpty().allSatisfy(token -> {
      assertThat(token.model()).isEqualTo(MODEL);
      assertThat(token.logprob()).isPresent();
      assertThat(token.logprob().getAsDouble()).isLessThanOrEqualTo(0.0);
    });
    assertThat(last.event()).isInstanceOfSatisfying(GenerationCompletedEvent.class, completed -> {
      long nonEmpty = tokens.stream().filter(t -> !t.token().isEmpty()).count();
      assertThat(completed.tokensGenerated()).isEqualTo(nonEmpty).isEqualTo(result.tokensGenerated());
      assertThat(completed.durationMs()).isGreaterThanOrEqualTo(0.0);
      assertThat(completed.throughput()).isPresent();
      assertThat(completed.metadata()).containsEntry("finishReason", result.finishReason().name().toLowerCase());
    });
    if (result.finishReason() == FinishReason.STOP) {
      assertThat(tokens.get(tokens.size() - 1).token()).isEmpty(); // the end-of-sequence marker, last
      assertThat(tokens.subList(0, tokens.size() - 1)).noneMatch(t -> t.token().isEmpty());
    }
    assertThat(result.text()).isEqualTo(tokens.stream().map(TokenGeneratedEvent::token).collect(Collectors.joining()));
    assertThat(sequence).extracting(EmittedEvent::type).containsOnly(
        EventType.GENERATION_STARTED, EventType.TOKEN_GENERATED, EventType.GENERATION_COMPLETED);

    // runtime status: ready, busy while loading and generating, ready again
    List<RuntimeStatus> statuses = statuses().stream().map(RuntimeStatusEvent::status).toList();
    assertThat(statuses.get(0)).isEqualTo(RuntimeStatus.READY);
    assertThat(statuses).contains(RuntimeStatus.BUSY);
    awaitStatus(s -> s.status() == RuntimeStatus.READY && s.activeTasks().orElse(-1) == 0 && s.modelsLoaded() == 1);
    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ModelLoadedEvent.class,
        loaded -> assertThat(loaded.parameters()).isPresent()));
  }

  @Test
  void concurrentGenerationsAreToldApartByGenerationId() throws Exception {
    start(4, 8);
    List<GenerationHandle> handles = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      handles.add(engine.generate(GenerationRequest.of(MODEL, "The river", 60, 1.0, 100 + i).paced(400)));
    }
    CompletableFuture.allOf(handles.stream().map(GenerationHandle::completion).toArray(CompletableFuture[]::new))
        .get(30, TimeUnit.SECONDS);

    assertThat(handles).extracting(GenerationHandle::id).doesNotHaveDuplicates();
    for (GenerationHandle handle : handles) {
      GenerationResult result = handle.completion().get();
      List<EmittedEvent> sequence = eventsOf(handle.id());
      assertThat(sequence.get(0).type()).isEqualTo(EventType.GENERATION_STARTED);
      assertThat(sequence.get(sequence.size() - 1).type()).isEqualTo(EventType.GENERATION_COMPLETED);
      String text = sequence.stream().filter(e -> e.event() instanceof TokenGeneratedEvent)
          .map(e -> ((TokenGeneratedEvent) e.event()).token()).collect(Collectors.joining());
      assertThat(text).isEqualTo(result.text());
    }
    // all four ran at once: some status reported four active tasks
    assertThat(statuses()).anySatisfy(s -> assertThat(s.activeTasks()).hasValue(4));
  }

  @Test
  void tokensReachTheCallerThroughAFlowPublisher() throws Exception {
    start(1, 1);
    GenerationHandle generation = engine.generate(GenerationRequest.of(MODEL, "The sea", 30, 0.9, 3));
    List<Token> received = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch done = new CountDownLatch(1);
    generation.tokens().subscribe(new Flow.Subscriber<>() {
      Flow.Subscription subscription;

      @Override
      public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
      }

      @Override
      public void onNext(Token token) {
        received.add(token);
        subscription.request(1);
      }

      @Override
      public void onError(Throwable throwable) {
        done.countDown();
      }

      @Override
      public void onComplete() {
        done.countDown();
      }
    });
    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    GenerationResult result = generation.completion().get();
    assertThat(received).extracting(Token::index).containsExactlyElementsOf(
        java.util.stream.IntStream.range(0, received.size()).boxed().toList());
    assertThat(received.stream().map(Token::text).collect(Collectors.joining())).isEqualTo(result.text());
  }

  @Test
  void maxTokensLimitsTheGeneration() throws Exception {
    start(1, 1);
    GenerationHandle generation = engine.generate(GenerationRequest.of(MODEL, "The harbor town", 5, 1.0, 11));
    GenerationResult result = generation.completion().get(30, TimeUnit.SECONDS);

    List<EmittedEvent> tokens = eventsOf(generation.id()).stream()
        .filter(e -> e.type() == EventType.TOKEN_GENERATED).toList();
    assertThat(tokens).hasSizeLessThanOrEqualTo(5);
    assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(tokens).hasSize(5);
    assertThat(result.tokensGenerated()).isEqualTo(5);
  }

  @Test
  void cancellingStopsARunningGenerationAndEndsItAsCancelled() throws Exception {
    start(1, 1);
    GenerationHandle generation = engine.generate(
        GenerationRequest.of(MODEL, "The keeper", 100_000, 1.0, 5).paced(200));
    CountDownLatch firstToken = new CountDownLatch(1);
    generation.tokens().subscribe(new Flow.Subscriber<>() {
      @Override
      public void onSubscribe(Flow.Subscription s) {
        s.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(Token item) {
        firstToken.countDown();
      }

      @Override
      public void onError(Throwable throwable) {}

      @Override
      public void onComplete() {}
    });
    assertThat(firstToken.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(generation.cancel()).isTrue();
    GenerationResult result = generation.completion().get(30, TimeUnit.SECONDS);

    assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(result.tokensGenerated()).isLessThan(100_000);
    List<EmittedEvent> sequence = eventsOf(generation.id());
    assertThat(sequence.get(sequence.size() - 1).event()).isInstanceOfSatisfying(GenerationCompletedEvent.class,
        completed -> {
          assertThat(completed.metadata()).containsEntry("finishReason", "cancelled");
          assertThat(completed.tokensGenerated()).isEqualTo(result.tokensGenerated());
        });
    assertThat(generation.cancel()).isFalse(); // idempotent
  }

  @Test
  void aFullQueueRefusesWithQueueFullAndAWaitingRequestCanBeCancelled() throws Exception {
    start(1, 1);
    GenerationHandle running = engine.generate(GenerationRequest.of(MODEL, "The keeper", 100_000, 1.0, 1).paced(50));
    GenerationHandle waiting = engine.generate(GenerationRequest.of(MODEL, "The keeper", 10, 1.0, 2));
    assertThat(waiting.isWaiting()).isTrue();
    assertThat(engine.waitingGenerations()).isEqualTo(1);

    assertThatThrownBy(() -> engine.generate(GenerationRequest.of(MODEL, "The keeper", 10, 1.0, 3)))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_FULL));
    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ErrorEvent.class,
        error -> assertThat(error.code()).contains(ErrorCode.QUEUE_FULL)));

    waiting.cancel();
    GenerationResult cancelled = waiting.completion().get(30, TimeUnit.SECONDS);
    assertThat(cancelled.finishReason()).isEqualTo(FinishReason.CANCELLED);
    assertThat(cancelled.started()).isFalse();
    assertThat(eventsOf(waiting.id())).isEmpty(); // it never started
    running.cancel();
    assertThat(running.completion().get(30, TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.CANCELLED);
  }

  @Test
  void aWaitingRequestStartsWhenASlotFrees() throws Exception {
    start(1, 2);
    GenerationHandle first = engine.generate(GenerationRequest.of(MODEL, "The river", 20, 1.0, 1));
    GenerationHandle second = engine.generate(GenerationRequest.of(MODEL, "The river", 20, 1.0, 2));
    assertThat(second.completion().get(30, TimeUnit.SECONDS).started()).isTrue();
    assertThat(first.completion().get(30, TimeUnit.SECONDS).started()).isTrue();
    long firstCompleted = eventsOf(first.id()).get(eventsOf(first.id()).size() - 1).envelope().seq();
    long secondStarted = eventsOf(second.id()).get(0).envelope().seq();
    assertThat(secondStarted).isGreaterThan(firstCompleted);
  }

  @Test
  void unknownModelIsRefusedWithAnError() throws Exception {
    start(1, 1);
    assertThatThrownBy(() -> engine.generate(GenerationRequest.of("nope", "x", 5, 1.0, 1)))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND));
    CompletableFuture<LoadedModel> missing = engine.loadModel("ghost", "/no/such/corpus.txt");
    assertThatThrownBy(() -> missing.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(EngineException.class);
    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ErrorEvent.class,
        error -> {
          assertThat(error.code()).contains(ErrorCode.MODEL_NOT_FOUND);
          assertThat(error.model()).contains("ghost");
        }));
  }

  @Test
  void unloadingEmitsModelUnloadedAndUpdatesTheStatus() throws Exception {
    start(1, 1);
    engine.unloadModel(MODEL, "done").get(30, TimeUnit.SECONDS);
    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ModelUnloadedEvent.class,
        unloaded -> assertThat(unloaded.reason()).contains("done")));
    awaitStatus(s -> s.modelsLoaded() == 0 && s.status() == RuntimeStatus.READY);
    assertThat(engine.isLoaded(MODEL)).isFalse();
  }

  @Test
  void aBackendInvalidationEmitsModelInvalidatedAnErrorAndTheErrorStatus_andTheModelIsReloadedOnceReady()
      throws Exception {
    AtomicReference<BackendListener> listener = new AtomicReference<>();
    emitter.subscribe(events::add);
    emitter.subscribeRejections(rejections::add);
    engine = Engine.builder().emitter(emitter).backend(l -> {
      listener.set(l);
      return new NgramBackend();
    }).build();
    engine.loadModel(MODEL, NgramBackend.DEFAULT_MODEL_PATH).get(30, TimeUnit.SECONDS);

    // what the external backend does when its runtime process dies
    listener.get().runtimeError(new EngineException(ErrorCode.RUNTIME_ERROR, "runtime exited with code 137"));
    listener.get().modelsInvalidated(List.of(MODEL), "runtime_restart");

    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ModelInvalidatedEvent.class,
        invalidated -> {
          assertThat(invalidated.model()).isEqualTo(MODEL);
          assertThat(invalidated.reason()).isEqualTo("runtime_restart");
        }));
    assertThat(events).anySatisfy(e -> assertThat(e.event()).isInstanceOfSatisfying(ErrorEvent.class,
        error -> assertThat(error.code()).contains(ErrorCode.RUNTIME_ERROR)));
    assertThat(engine.status().status()).isEqualTo(RuntimeStatus.ERROR);
    assertThat(statuses().get(statuses().size() - 1).status()).isEqualTo(RuntimeStatus.ERROR);
    assertThat(statuses().get(statuses().size() - 1).modelsLoaded()).isZero();
    assertThat(engine.isLoaded(MODEL)).isFalse();

    // a malformed runtime message becomes a rejection from the runtime
    listener.get().rejected("stream.chunk", Map.of("stream_id", 7), List.of(
        new Violation("/stream_id", Violation.Code.INVALID_TYPE, "must be a string, was 7")));
    assertThat(rejections).anySatisfy(r -> {
      assertThat(r.source()).isEqualTo(Source.RUNTIME);
      assertThat(r.eventType()).isEqualTo("stream.chunk");
    });

    listener.get().runtimeReady();
    awaitStatus(s -> s.status() == RuntimeStatus.READY && s.modelsLoaded() == 1);
    assertThat(engine.isLoaded(MODEL)).isTrue();
    assertThat(events).filteredOn(e -> e.event() instanceof ModelLoadedEvent).hasSize(2);
  }

  @Test
  void closeCancelsWorkEmitsAFinalShutdownStatusAndLeavesNoThread() throws Exception {
    Set<Thread> before = Threads.snapshot();
    start(2, 2);
    GenerationHandle running = engine.generate(GenerationRequest.of(MODEL, "The keeper", 100_000, 1.0, 9).paced(100));
    engine.close();

    assertThat(running.completion().get(30, TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.CANCELLED);
    List<RuntimeStatusEvent> statuses = statuses();
    RuntimeStatusEvent last = statuses.get(statuses.size() - 1);
    assertThat(last.status()).isEqualTo(RuntimeStatus.SHUTDOWN);
    assertThat(last.modelsLoaded()).isZero();
    assertThat(events.get(events.size() - 1).event()).isEqualTo(last);
    assertThatThrownBy(() -> engine.generate(GenerationRequest.of(MODEL, "x", 5, 1.0, 1)))
        .isInstanceOf(EngineException.class);
    assertThat(Threads.leakedSince(before, Duration.ofSeconds(10))).isEmpty();
  }

  private void awaitStatus(java.util.function.Predicate<RuntimeStatusEvent> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<RuntimeStatusEvent> statuses = statuses();
      if (!statuses.isEmpty() && wanted.test(statuses.get(statuses.size() - 1))) {
        return;
      }
      synchronized (this) {
        wait(10);
      }
    }
    throw new AssertionError("status never matched; last: " + statuses().get(statuses().size() - 1));
  }
}
