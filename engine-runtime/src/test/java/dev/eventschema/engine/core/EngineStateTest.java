package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The engine's bookkeeping alone: admission, release, removal and closing, without a backend. */
class EngineStateTest {

  private static final String MODEL = "harbor";

  private final EngineState state = new EngineState(1, 1);
  private int number;

  private GenerationHandle handle(String modelId) {
    return new GenerationHandle("g-" + ++number, GenerationRequest.of(modelId, "The keeper", 5, 1.0, 1), h -> {});
  }

  private void load(String modelId) {
    assertThat(state.beginLoad()).isTrue();
    assertThat(state.endLoad(request(modelId), model(modelId))).isTrue();
  }

  private static LoadRequest request(String modelId) {
    return new LoadRequest(modelId, "/models/" + modelId, java.util.Map.of("order", 2));
  }

  private static LoadedModel model(String modelId) {
    return new LoadedModel(modelId, "/models/" + modelId, Optional.empty(), 1);
  }

  @Test
  void admitsIntoAFreeSlotThenQueuesThenRefusesWithQueueFull() {
    load(MODEL);
    assertThat(state.admit(handle(MODEL))).isTrue();
    assertThat(state.admit(handle(MODEL))).isFalse();
    assertThatThrownBy(() -> state.admit(handle(MODEL)))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.QUEUE_FULL);
          assertThat(e.details()).containsEntry("waiting", 1).containsEntry("running", 1);
        });
    assertThat(state.snapshot()).isEqualTo(new EngineState.Snapshot(1, 1, 1, 0, false, false));
  }

  @Test
  void refusesAModelThatIsNotLoadedAndEverythingOnceClosed() {
    assertThatThrownBy(() -> state.admit(handle("ghost")))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND));
    load(MODEL);
    assertThat(state.close()).isNotNull();
    assertThat(state.close()).isNull(); // closing twice does nothing the second time
    assertThatThrownBy(() -> state.admit(handle(MODEL)))
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_ERROR));
    assertThat(state.beginLoad()).isFalse();
    assertThat(state.removeModel(MODEL)).isNull();
    assertThat(state.markRuntimeFailed(1)).isFalse();
    assertThat(state.invalidatedByBackend(List.of(MODEL), false)).isNull();
  }

  @Test
  void aFreedSlotGoesToTheFirstWaitingGenerationButNotOnceClosed() {
    load(MODEL);
    GenerationHandle running = handle(MODEL);
    GenerationHandle first = handle(MODEL);
    EngineState roomy = new EngineState(1, 2);
    roomy.beginLoad();
    roomy.endLoad(LoadRequest.of(MODEL, "/m"), new LoadedModel(MODEL, "/m", Optional.empty(), 1));
    GenerationHandle second = handle(MODEL);
    roomy.admit(running);
    roomy.admit(first);
    roomy.admit(second);
    assertThat(roomy.release(running)).isSameAs(first);
    assertThat(roomy.waiting()).isEqualTo(1);

    EngineState.Closing closing = roomy.close();
    assertThat(closing.waiting()).containsExactly(second);
    assertThat(closing.running()).containsExactly(first);
    assertThat(roomy.release(first)).isNull();
  }

  @Test
  void removingAModelReturnsItsGenerationsToCancel() {
    load(MODEL);
    load("other");
    GenerationHandle ofModel = handle(MODEL);
    GenerationHandle ofOther = handle("other");
    state.admit(ofModel);
    state.admit(ofOther);
    assertThat(state.removeModel(MODEL)).containsExactly(ofModel);
    assertThat(state.removeModel(MODEL)).isNull(); // no longer loaded
    assertThat(state.loadedModels()).containsOnlyKeys("other");
  }

  @Test
  void aLoadEndingAfterCloseIsNotKeptAndShutDownForgetsEverything() {
    load(MODEL);
    assertThat(state.beginLoad()).isTrue();
    state.close();
    assertThat(state.endLoad(request("late"), model("late"))).isFalse();
    assertThat(state.shutDown()).containsExactly(MODEL);
    assertThat(state.snapshot()).isEqualTo(new EngineState.Snapshot(0, 0, 0, 0, false, true));
  }

  @Test
  void aBackendInvalidationFailsTheRuntimeUntilALoadSucceeds() {
    load(MODEL);
    assertThat(state.invalidatedByBackend(List.of(MODEL, "never-loaded"), false)).containsExactly(MODEL);
    assertThat(state.snapshot().runtimeFailed()).isTrue();
    load("again");
    assertThat(state.snapshot().runtimeFailed()).isFalse();
  }

  @Test
  void aModelLostToARestartIsRefusedAsUnavailableUntilItsReloadWithTheSameRequestEnds() {
    load(MODEL);
    state.markRuntimeFailed(3);
    assertThat(state.invalidatedByBackend(List.of(MODEL), true)).containsExactly(MODEL);

    assertThatThrownBy(() -> state.admit(handle(MODEL))).isInstanceOfSatisfying(EngineException.class, e -> {
      assertThat(e.code()).isEqualTo(ErrorCode.RUNTIME_UNAVAILABLE);
      assertThat(e.getMessage()).isEqualTo("model 'harbor' is being reloaded after the runtime restarted; retry in 3 s");
      assertThat(e.details()).containsEntry("retryAfterSeconds", 3L);
    });
    List<LoadRequest> reloads = state.reloadsToStart();
    assertThat(reloads).singleElement().isEqualTo(request(MODEL));
    assertThat(state.reloadsToStart()).as("a reload under way is not started twice").isEmpty();
    assertThat(state.beginLoad()).isTrue();
    assertThat(state.endReload(reloads.get(0), model(MODEL), null)).isEqualTo(LostModels.Outcome.KEPT);
    assertThat(state.admit(handle(MODEL))).isTrue();
  }

  @Test
  void withoutReloadALostModelIsSimplyNotFound_andUnloadingALostModelCancelsItsReload() {
    load(MODEL);
    load("other");
    state.invalidatedByBackend(List.of(MODEL), false);
    state.invalidatedByBackend(List.of("other"), true);

    assertThatThrownBy(() -> state.admit(handle(MODEL))).isInstanceOfSatisfying(EngineException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND));
    assertThat(state.forgetLost("other")).isTrue();
    assertThat(state.reloadsToStart()).isEmpty();
    assertThatThrownBy(() -> state.admit(handle("other"))).isInstanceOfSatisfying(EngineException.class,
        e -> assertThat(e.code()).isEqualTo(ErrorCode.MODEL_NOT_FOUND));
  }
}
