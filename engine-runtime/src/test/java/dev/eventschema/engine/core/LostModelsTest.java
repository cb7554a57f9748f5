package dev.eventschema.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.core.LostModels.Outcome;
import dev.eventschema.engine.events.ErrorCode;
import org.junit.jupiter.api.Test;

/** When a reload after a runtime restart is kept, tried again, or given up. */
class LostModelsTest {

  private final LostModels lost = new LostModels();
  private final LoadRequest m1 = LoadRequest.of("m1", "/models/m1.bin");

  @Test
  void aRuntimeFailureWaitsForTheNextReadyReport_upToMaxAttempts() {
    lost.add(m1);
    for (int attempt = 1; attempt < LostModels.MAX_ATTEMPTS; attempt++) {
      assertThat(lost.runtimeReady()).containsExactly(m1);
      assertThat(lost.ended(m1, ErrorCode.RUNTIME_ERROR)).isEqualTo(Outcome.RETRY_WHEN_READY);
      assertThat(lost.contains("m1")).isTrue();
    }
    assertThat(lost.runtimeReady()).containsExactly(m1);
    assertThat(lost.ended(m1, ErrorCode.RUNTIME_UNAVAILABLE)).isEqualTo(Outcome.GAVE_UP);
    assertThat(lost.contains("m1")).isFalse();
  }

  @Test
  void aFailureAfterTheRuntimeWasReadyAgainRetriesAtOnce() {
    lost.add(m1);
    assertThat(lost.runtimeReady()).containsExactly(m1);
    assertThat(lost.runtimeReady()).as("under way: not started twice").isEmpty();

    assertThat(lost.ended(m1, ErrorCode.RUNTIME_ERROR)).isEqualTo(Outcome.RETRY_NOW);
    assertThat(lost.ended(m1, null)).isEqualTo(Outcome.KEPT);
    assertThat(lost.contains("m1")).isFalse();
  }

  @Test
  void aFailureOfTheModelItselfGivesUpAtOnce() {
    lost.add(m1);
    lost.runtimeReady();

    assertThat(lost.ended(m1, ErrorCode.MODEL_NOT_FOUND)).isEqualTo(Outcome.GAVE_UP);
  }

  @Test
  void aReloadOfAModelUnloadedOrReplacedMeanwhileIsDiscarded() {
    lost.add(m1);
    lost.runtimeReady();
    lost.remove("m1");
    assertThat(lost.ended(m1, null)).isEqualTo(Outcome.DISCARDED);

    lost.add(m1);
    lost.runtimeReady();
    lost.add(LoadRequest.of("m1", "/models/other.bin"));
    assertThat(lost.ended(m1, null)).isEqualTo(Outcome.DISCARDED);
  }
}
