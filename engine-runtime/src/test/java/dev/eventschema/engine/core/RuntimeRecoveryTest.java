package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.external.ExternalRuntimeBackend;
import dev.eventschema.engine.backend.external.TestRuntimeMain;
import dev.eventschema.engine.config.RuntimeSettingsBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.ModelInvalidatedEvent;
import dev.eventschema.engine.events.ModelLoadedEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine over a real external runtime ({@link TestRuntimeMain} in its own JVM) that crashes in
 * the middle of a stream: what the engine reloads, emits and answers while the runtime is down and
 * once it is back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RuntimeRecoveryTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** The test runtime crashes after sending this many tokens of a stream. */
  private static final int CRASH_AFTER = 4;

  @TempDir
  Path dir;

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();
  private final List<Object> events = new CopyOnWriteArrayList<>();
  private Engine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
    emitter.close();
  }

  @Test
  void afterACrashTheEngineReloadsItsModels_andRefusesTheirRequestsAsUnavailableMeanwhile() throws Exception {
    // While this file exists, every restart of the runtime exits at once: the outage lasts exactly as
    // long as the test needs, whatever the machine's speed.
    Path refuseRestarts = dir.resolve("refuse-restarts");
    start(List.of("sh", "-c", "if [ -e \"$0\" ]; then echo 'restart refused by the test' >&2; exit 5; fi; exec \"$@\"",
        refuseRestarts.toString()), true);
    LoadRequest m1 = new LoadRequest("m1", "/models/m1.bin", Map.of("parameters", 1234));
    LoadRequest m2 = LoadRequest.of("m2", "/models/m2.bin");
    engine.loadModel(m1).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    engine.loadModel(m2).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    Files.createFile(refuseRestarts);

    GenerationHandle crashing = engine.generate(GenerationRequest.of("m1", "", 100, 1.0, 1));

    assertFailsWith(crashing.completion(), ErrorCode.RUNTIME_ERROR);
    awaitEvents(ModelInvalidatedEvent.class, e -> e.reason().equals("runtime_restart"), 2);
    awaitEvents(ErrorEvent.class, e -> e.error().contains("exited with code 5 before it was ready")
        && e.error().contains("restart refused by the test"), 1);
    assertThatThrownBy(() -> engine.generate(GenerationRequest.of("m1", "", 3, 1.0, 1)))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_UNAVAILABLE);
          assertThat(e.getMessage()).startsWith("model 'm1' is being reloaded after the runtime restarted; retry in ");
          assertThat(((Number) e.details().get("retryAfterSeconds")).longValue()).isPositive();
        });
    assertThat(engine.loadedModels()).isEmpty();

    Files.delete(refuseRestarts);

    List<ModelLoadedEvent> loaded = awaitEvents(ModelLoadedEvent.class, e -> true, 4);
    assertThat(loaded.subList(2, 4)).extracting(ModelLoadedEvent::model, ModelLoadedEvent::modelPath)
        .containsExactlyInAnyOrder(
            org.assertj.core.api.Assertions.tuple("m1", "/models/m1.bin"),
            org.assertj.core.api.Assertions.tuple("m2", "/models/m2.bin"));
    assertThat(loaded.subList(2, 4)).filteredOn(e -> e.model().equals("m1")).singleElement()
        .satisfies(e -> assertThat(e.parameters()).as("the same options were sent again").hasValue(1234));
    assertThat(engine.loadedModels()).containsOnlyKeys("m1", "m2");
    GenerationResult after = engine.generate(GenerationRequest.of("m1", "", CRASH_AFTER - 1, 1.0, 1))
        .completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(after.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(after.tokensGenerated()).isEqualTo(CRASH_AFTER - 1);
  }

  @Test
  void withReloadSwitchedOffTheModelsStayInvalidated() throws Exception {
    start(List.of(), false);
    engine.loadModel(LoadRequest.of("m1", "/models/m1.bin")).get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertFailsWith(engine.generate(GenerationRequest.of("m1", "", 100, 1.0, 1)).completion(),
        ErrorCode.RUNTIME_ERROR);
    awaitEvents(ModelInvalidatedEvent.class, e -> e.model().equals("m1"), 1);
    ((ExternalRuntimeBackend) engine.backend()).ready().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    // A round trip through the restarted runtime: any reload started when it became ready would be
    // answered, and its modelLoaded emitted, before this generation ends.
    engine.loadModel(LoadRequest.of("m2", "/models/m2.bin")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    engine.generate(GenerationRequest.of("m2", "", 2, 1.0, 1)).completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(engine.loadedModels()).containsOnlyKeys("m2");
    assertThat(events).filteredOn(ModelLoadedEvent.class::isInstance)
        .extracting(e -> ((ModelLoadedEvent) e).model()).containsExactly("m1", "m2");
    assertThatThrownBy(() -> engine.generate(GenerationRequest.of("m1", "", 3, 1.0, 1)))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND));
  }

  /** Starts an engine on the test runtime in crash-mid-stream mode, run through {@code wrapper} if given. */
  private void start(List<String> wrapper, boolean reload) throws Exception {
    emitter.subscribe(emitted -> {
      events.add(emitted.event());
      synchronized (events) {
        events.notifyAll();
      }
    });
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(TestRuntimeMain.command("crash-mid-stream", String.valueOf(CRASH_AFTER)));
    engine = Engine.builder().emitter(emitter)
        .backend(listener -> ExternalRuntimeBackend.start(RuntimeSettingsBuilder.builder().command(command)
            .restartInitialMs(50).restartMaxMs(500).build(), listener))
        .reloadAfterRuntimeRestart(reload)
        .build();
  }

  /** Waits until {@code count} events of {@code type} match {@code wanted}; returns them in order. */
  private <T> List<T> awaitEvents(Class<T> type, Predicate<T> wanted, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    synchronized (events) {
      while (true) {
        List<T> found = events.stream().filter(type::isInstance).map(type::cast).filter(wanted).toList();
        if (found.size() >= count) {
          return found;
        }
        long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMs <= 0) {
          throw new AssertionError("expected " + count + " " + type.getSimpleName() + " events, saw " + events);
        }
        events.wait(leftMs);
      }
    }
  }

  private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
    assertThat(future).failsWithin(WAIT).withThrowableOfType(ExecutionException.class).havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
