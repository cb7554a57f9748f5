package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.backend.LoadedModel;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.RuntimeStatusEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code runtimeStatus} reports: derived from the state, emitted only on change, none after shutdown. */
class StatusTrackerTest {

  private final EngineEventEmitter emitter = EngineEventEmitter.builder().build();
  private final List<RuntimeStatusEvent> reported = new CopyOnWriteArrayList<>();
  private final EngineState state = new EngineState(2, 2);
  private final StatusTracker tracker = new StatusTracker(state, new EngineEvents(emitter), () -> "test");

  StatusTrackerTest() {
    emitter.subscribe(e -> {
      if (e.event() instanceof RuntimeStatusEvent status) {
        reported.add(status);
      }
    });
  }

  @AfterEach
  void closeEmitter() {
    emitter.close();
  }

  @Test
  void reportsOnlyWhenTheStatusOrItsCountsChange() {
    tracker.update();
    tracker.update(); // nothing changed
    assertThat(reported).extracting(RuntimeStatusEvent::status).containsExactly(RuntimeStatus.READY);
    assertThat(reported.get(0).metadata()).containsEntry("backend", "test");

    state.beginLoad();
    tracker.update();
    state.endLoad(LoadRequest.of("harbor", "/m"), new LoadedModel("harbor", "/m", Optional.empty(), 1));
    tracker.update();
    assertThat(reported).extracting(RuntimeStatusEvent::status)
        .containsExactly(RuntimeStatus.READY, RuntimeStatus.BUSY, RuntimeStatus.READY);
    assertThat(reported.get(1).activeTasks()).hasValue(1);
    assertThat(reported.get(2).modelsLoaded()).isEqualTo(1);
  }

  @Test
  void aFailedRuntimeIsAnErrorAndShutdownIsTheLastReport() {
    state.markRuntimeFailed(1);
    assertThat(tracker.current().status()).isEqualTo(RuntimeStatus.ERROR);
    tracker.update();
    state.close();
    state.shutDown();
    tracker.update();
    state.clearRuntimeFailure();
    tracker.update();
    assertThat(reported).extracting(RuntimeStatusEvent::status)
        .containsExactly(RuntimeStatus.ERROR, RuntimeStatus.SHUTDOWN);
  }
}
