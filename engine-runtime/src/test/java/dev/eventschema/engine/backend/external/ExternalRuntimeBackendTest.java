package dev.eventschema.engine.backend.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.Generation;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.backend.RecordingSink;
import dev.eventschema.engine.config.RuntimeSettings;
import dev.eventschema.engine.config.RuntimeSettingsBuilder;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The external backend against {@link TestRuntimeMain} running as a real child process. */
class ExternalRuntimeBackendTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final RecordingListener listener = new RecordingListener();
  private ExternalRuntimeBackend backend;

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void loadsAModelAndStreamsAWholeGeneration() throws Exception {
    start(config("normal"));

    LoadedModel model = load("m1");
    RecordingSink sink = new RecordingSink();
    Generation generation = backend.generate(GenerationRequest.of("m1", "Tell me", 1000, 0.7, 3), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.STOP);
    assertThat(model.parameters()).isEqualTo(TestRuntimeMain.TOKENS.size());
    assertThat(model.quantization()).contains("q8_0");
    assertThat(sink.text()).isEqualTo(TestRuntimeMain.TEXT);
    assertThat(sink.texts()).hasSize(TestRuntimeMain.TOKENS.size() + 1).endsWith("");
    assertThat(sink.tokens.get(3).logprob()).isEqualTo(OptionalDouble.of(TestRuntimeMain.logprob(3)));
    assertThat(listener.rejections).isEmpty();
    assertThat(listener.errors).isEmpty();
  }

  @Test
  void stopsAtMaxTokensWithLength() throws Exception {
    start(config("normal"));
    load("m1");
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("m1", "", 5, 1.0, 1), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.LENGTH);
    assertThat(sink.texts()).isEqualTo(TestRuntimeMain.TOKENS.subList(0, 5));
  }

  @Test
  void anErrorEventFailsTheGenerationWithTheRuntimesMessage() throws Exception {
    start(config("normal"));
    load("m1");
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("m1", "please fail", 100, 1.0, 1), sink);

    assertThat(generation.result()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.GENERATION_FAILED);
          assertThat(e.getMessage()).isEqualTo("simulated failure");
        });
    assertThat(sink.texts()).hasSize(2);
    assertThat(listener.errors).as("a failed generation is not a runtime failure").isEmpty();
  }

  @Test
  void readsBatchedChunksInOrder() throws Exception {
    start(config("batched"));
    load("m1");
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("m1", "", 1000, 1.0, 1), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.STOP);
    assertThat(sink.text()).isEqualTo(TestRuntimeMain.TEXT);
    assertThat(listener.rejections).isEmpty();
  }

  @Test
  void runsConcurrentGenerationsApart() throws Exception {
    start(config("normal"));
    load("m1");
    List<RecordingSink> sinks = IntStream.range(0, 6).mapToObj(i -> new RecordingSink()).toList();

    List<Generation> generations = IntStream.range(0, 6)
        .mapToObj(i -> backend.generate(GenerationRequest.of("m1", "", 10 + i, 1.0, i).paced(2_000), sinks.get(i)))
        .toList();
    CompletableFuture.allOf(generations.stream().map(Generation::result).toArray(CompletableFuture[]::new))
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);

    for (int i = 0; i < 6; i++) {
      assertThat(sinks.get(i).texts()).isEqualTo(TestRuntimeMain.TOKENS.subList(0, 10 + i));
    }
  }

  @Test
  void cancellingEndsTheGenerationAtOnce_andTheRuntimeCarriesOn() throws Exception {
    start(config("normal"));
    load("m1");
    RecordingSink sink = new RecordingSink();
    Generation slow = backend.generate(GenerationRequest.of("m1", "", 1000, 1.0, 1).paced(5), sink);
    assertThat(sink.firstToken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    slow.cancel();

    assertThat(slow.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.CANCELLED);
    RecordingSink next = new RecordingSink();
    assertThat(backend.generate(GenerationRequest.of("m1", "", 3, 1.0, 1), next).result()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.LENGTH);
    assertThat(next.texts()).hasSize(3);
    assertThat(listener.rejections).as("late messages of a cancelled stream are dropped quietly").isEmpty();
  }

  @Test
  void modelsTheRuntimeDoesNotHaveAreNotFound() throws Exception {
    start(config("normal"));

    assertFailsWith(backend.load(LoadRequest.of("m2", "/models/missing.bin")), ErrorCode.MODEL_NOT_FOUND);
    assertFailsWith(backend.generate(GenerationRequest.of("m2", "", 3, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.MODEL_NOT_FOUND);
    assertFailsWith(backend.unload("m2"), ErrorCode.MODEL_NOT_FOUND);

    load("m1");
    backend.unload("m1").get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertFailsWith(backend.generate(GenerationRequest.of("m1", "", 3, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.MODEL_NOT_FOUND);
  }

  @Test
  void aMalformedResultIsRejected_andFailsItsRequest() throws Exception {
    start(config("normal"));

    assertFailsWith(backend.load(LoadRequest.of("m3", "/models/bad-result.bin")), ErrorCode.RUNTIME_ERROR);

    assertThat(listener.rejections).singleElement().satisfies(rejection -> {
      assertThat(rejection.messageType()).isEqualTo("response");
      assertThat(rejection.violations()).extracting(Violation::path, Violation::code)
          .containsExactly(tuple("/result/parameters", Code.MISSING));
    });
    assertThat(backend.generate(GenerationRequest.of("m3", "", 3, 1.0, 1), new RecordingSink()).result())
        .as("a model whose load failed is not held").isCompletedExceptionally();
  }

  @Test
  void aFaultyRuntimesBadLinesAreRejectedWithTheirViolations_andTheStreamStillCompletes() throws Exception {
    start(config("faulty"));
    load("m1");
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("m1", "", 1000, 1.0, 1), sink);

    assertThat(generation.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.STOP);
    assertThat(sink.text()).isEqualTo(TestRuntimeMain.TEXT);
    // One bad line before each token, plus the log line printed at start.
    listener.awaitRejections(TestRuntimeMain.TOKENS.size() + 1, WAIT);
    assertThat(listener.rejections).allSatisfy(rejection -> assertThat(rejection.violations()).isNotEmpty());
    assertThat(listener.rejections.stream().flatMap(r -> r.violations().stream().map(v -> tuple(r.messageType(),
        v.path(), v.code()))).distinct().toList())
        .contains(
            tuple("unknown", "", Code.INVALID_TYPE),
            tuple("stream.chunk", "/params/token_id", Code.MISSING),
            tuple("unknown", "/method", Code.INVALID_VALUE), // an unknown method is typed "unknown": a closed set
            tuple("stream.chunk", "/params/logprob", Code.TOO_BIG),
            tuple("stream.chunk", "/params/extra", Code.UNRECOGNIZED_KEYS),
            tuple("response", "/id", Code.INVALID_VALUE),
            tuple("stream.event", "/params/event", Code.INVALID_VALUE),
            tuple("stream.chunk", "/params/stream_id", Code.INVALID_VALUE));
    assertThat(listener.rejections.get(0).payload().get("line"))
        .isEqualTo("Loading runtime... (a log line on stdout, where it does not belong)");
    assertThat(listener.errors).isEmpty();
    assertThat(backend.restarts()).isZero();
  }

  @Test
  void aCrashMidStreamFailsTheGeneration_invalidatesTheModels_andRestartsTheRuntime() throws Exception {
    start(config("crash-mid-stream", "4"));
    load("m1");
    load("m2");
    ProcessHandle first = backend.process().orElseThrow();
    RecordingSink sink = new RecordingSink();

    Generation generation = backend.generate(GenerationRequest.of("m1", "", 1000, 1.0, 1), sink);

    assertFailsWith(generation.result(), ErrorCode.RUNTIME_ERROR);
    assertThat(sink.tokens).hasSize(4);
    listener.awaitError(WAIT);
    assertThat(listener.invalidations).containsExactly(
        new RecordingListener.Invalidation(List.of("m1", "m2"), "runtime_restart"));
    assertThat(listener.errors.get(0).code()).isEqualTo(ErrorCode.RUNTIME_ERROR);
    assertThat(listener.errors.get(0).details()).containsKey("restartInMs");
    assertThat(((Number) listener.errors.get(0).details().get("exitCode")).intValue()).isEqualTo(3);
    assertThat(first.isAlive()).isFalse();

    listener.awaitReady(WAIT); // the restarted runtime
    assertThat(backend.restarts()).isEqualTo(1);
    assertThat(backend.process().orElseThrow().pid()).isNotEqualTo(first.pid());
    assertFailsWith(backend.generate(GenerationRequest.of("m1", "", 3, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.MODEL_NOT_FOUND); // nothing is reloaded behind the engine's back
    load("m1");
    RecordingSink after = new RecordingSink();
    assertThat(backend.generate(GenerationRequest.of("m1", "", 3, 1.0, 1), after).result()
        .get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.LENGTH);
    assertThat(after.texts()).hasSize(3);
  }

  @Test
  void aStreamTheRuntimeForgetsTimesOut() throws Exception {
    start(RuntimeSettingsBuilder.from(config("stall")).streamIdleTimeoutMs(300).build());
    load("m1");

    Generation generation = backend.generate(GenerationRequest.of("m1", "", 10, 1.0, 1), new RecordingSink());

    assertFailsWith(generation.result(), ErrorCode.TIMEOUT);
  }

  @Test
  void aProgramThatCannotStartFailsFast_namingTheProgramAndTheOsError() throws Exception {
    // the default timeouts (load: 2 min): every failure below comes at once, not at a timeout
    backend = ExternalRuntimeBackend.start(
        RuntimeSettingsBuilder.builder().command(List.of("/nonexistent/runtime-binary")).build(), listener);
    String expected = "cannot start runtime '/nonexistent/runtime-binary': No such file or directory (error=2)";

    assertFailsWith(backend.ready(), ErrorCode.RUNTIME_UNAVAILABLE, expected);
    assertFailsWith(backend.load(LoadRequest.of("m1", "/models/m1.bin")), ErrorCode.RUNTIME_UNAVAILABLE, expected);
    assertThat(backend.ready()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.details())
            .containsEntry("program", "/nonexistent/runtime-binary").containsKey("retryAfterSeconds"));
    listener.awaitError(WAIT);
    assertThat(listener.errors.get(0).getMessage()).startsWith(expected + "; restarting it in ");
    assertFailsWith(backend.unload("m1"), ErrorCode.MODEL_NOT_FOUND);
    assertThat(backend.process()).isEmpty();
  }

  @Test
  void aRuntimeThatExitsAtStartIsReportedWithItsExitCodeAndTheLastLinesOfItsStderr() throws Exception {
    backend = ExternalRuntimeBackend.start(config("exit-at-start", "7"), listener);

    assertThat(backend.ready()).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_UNAVAILABLE);
          assertThat(e.getMessage()).contains("exited with code 7 before it was ready; the last lines of its stderr:");
          int total = TestRuntimeMain.EXIT_AT_START_STDERR_LINES;
          int kept = RuntimeProcess.STDERR_TAIL_LINES;
          assertThat(e.getMessage()).endsWith("\n  stderr line " + total)
              .contains("\n  stderr line " + (total - kept + 1) + "\n")
              .doesNotContain("stderr line " + (total - kept) + "\n");
          assertThat(e.details()).containsEntry("exitCode", 7);
          assertThat((List<?>) e.details().get("stderrTail")).hasSize(kept);
        });
    assertFailsWith(backend.load(LoadRequest.of("m1", "/models/m1.bin")), ErrorCode.RUNTIME_UNAVAILABLE,
        "exited with code 7 before it was ready");
  }

  @Test
  void aProcessThatExitsInstantlyIsReportedAfterEveryAttempt() throws Exception {
    // a shell exits long before a JVM would: its death may be seen before its launch has finished
    backend = ExternalRuntimeBackend.start(RuntimeSettingsBuilder.builder()
        .command(List.of("sh", "-c", "echo 'no model server here' >&2; exit 7"))
        .restartInitialMs(10).restartMaxMs(50).build(), listener);

    for (int attempt = 1; attempt <= 3; attempt++) {
      listener.awaitError(WAIT);
    }
    assertThat(listener.errors.subList(0, 3)).allSatisfy(error -> assertThat(error.getMessage())
        .startsWith("runtime 'sh' (process ")
        .contains(") exited with code 7 before it was ready; the last lines of its stderr:\n  no model server here\n"));
    assertFailsWith(backend.ready(), ErrorCode.RUNTIME_UNAVAILABLE, "exited with code 7 before it was ready");
  }

  @Test
  void aClasspathPathNeverReachesTheRuntime() throws Exception {
    start(config("normal"));

    // the test runtime would answer with TestRuntimeMain.INTERNAL_PATH_MESSAGE: the engine's own refusal shows it was not asked
    assertFailsWith(backend.load(LoadRequest.of("corpus", "classpath:eventschema/default-corpus.txt")),
        ErrorCode.MODEL_LOAD_FAILED, "model path 'classpath:eventschema/default-corpus.txt' of 'corpus' names a"
            + " resource inside the engine, which an external runtime cannot read");
    assertThat(listener.rejections).isEmpty();
    assertThat(load("m1").modelId()).isEqualTo("m1"); // and the runtime carries on
  }

  @Test
  void closingStopsTheProcess_cancelsRunningGenerations_andRefusesNewWork() throws Exception {
    start(config("normal"));
    load("m1");
    ProcessHandle process = backend.process().orElseThrow();
    RecordingSink sink = new RecordingSink();
    Generation running = backend.generate(GenerationRequest.of("m1", "", 1000, 1.0, 1).paced(5), sink);
    assertThat(sink.firstToken.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

    backend.close();

    assertThat(running.result().get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(FinishReason.CANCELLED);
    assertThat(process.isAlive()).isFalse();
    assertThat(ProcessHandle.current().descendants().filter(child -> child.pid() == process.pid())).isEmpty();
    assertThat(backend.process()).isEmpty().as("the backend no longer names a process");
    assertFailsWith(backend.load(LoadRequest.of("m1", "/m")), ErrorCode.RUNTIME_ERROR);
    assertFailsWith(backend.generate(GenerationRequest.of("m1", "", 3, 1.0, 1), new RecordingSink()).result(),
        ErrorCode.RUNTIME_ERROR);
    assertThat(listener.errors).as("a requested shutdown is not a runtime failure").isEmpty();
    assertThat(listener.invalidations).isEmpty();
  }

  /** Starts the backend and waits for its runtime to be ready. */
  private void start(RuntimeSettings config) throws InterruptedException {
    backend = ExternalRuntimeBackend.start(config, listener);
    listener.awaitReady(WAIT);
  }

  private static RuntimeSettings config(String... args) {
    return RuntimeSettingsBuilder.builder().command(TestRuntimeMain.command(args))
        .restartInitialMs(50).restartMaxMs(1000).build();
  }

  private LoadedModel load(String modelId) throws Exception {
    return backend.load(LoadRequest.of(modelId, "/models/" + modelId + ".bin")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code, String messagePart) {
    assertThat(future).failsWithin(WAIT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(messagePart);
        });
  }

  private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
    assertThat(future).failsWithin(WAIT)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
