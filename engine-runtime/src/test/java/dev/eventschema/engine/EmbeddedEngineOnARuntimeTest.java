package dev.eventschema.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.backend.external.TestRuntimeMain;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.EngineSettingsBuilder;
import dev.eventschema.engine.config.ModelSpecBuilder;
import dev.eventschema.engine.config.RuntimeSettingsBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link EmbeddedEngine} on an external runtime: what it loads at start, and what it refuses to send. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedEngineOnARuntimeTest {

  @Test
  void withoutModelsNothingIsLoaded_notEvenTheEmbeddedCorpus() {
    try (EmbeddedEngine engine = EmbeddedEngine.start(config(List.of()))) {
      assertThat(engine.engine().loadedModels()).isEmpty();
      assertThat(engine.engine().backend().name()).isEqualTo("external");
    }
  }

  @Test
  void aClasspathModelIsRefusedBeforeItReachesTheRuntime() {
    // the test runtime would answer TestRuntimeMain.INTERNAL_PATH_MESSAGE; the engine's own message shows it was not asked
    assertThatThrownBy(() -> EmbeddedEngine.start(config(List.of("corpus", EmbeddedEngine.DEFAULT_MODEL_PATH))))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.MODEL_LOAD_FAILED);
          assertThat(e.getMessage()).isEqualTo("model path 'classpath:eventschema/default-corpus.txt' of 'corpus'"
              + " names a resource inside the engine, which an external runtime cannot read; give a file path or"
              + " a name that the runtime understands");
        });
  }

  @Test
  void theDemoOnARuntimeNeedsAModel() {
    assertThatThrownBy(() -> EmbeddedEngine.startDemo(config(List.of())))
        .isInstanceOfSatisfying(EngineException.class, e -> {
          assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
          assertThat(e.getMessage()).contains("add --model ID=PATH");
        });
  }

  /** A config on the test runtime, loading {@code model} (id, then path) when given. */
  private static EngineConfig config(List<String> model) {
    EngineConfigBuilder builder = EngineConfigBuilder.builder()
        .stream(StreamSettingsBuilder.builder().port(0).build())
        .telemetry(TelemetryConfigBuilder.builder().enabled(false).build())
        .engine(EngineSettingsBuilder.builder()
            .runtime(RuntimeSettingsBuilder.builder().command(TestRuntimeMain.command("normal")).build()).build());
    if (!model.isEmpty()) {
      builder.models(List.of(ModelSpecBuilder.builder().id(model.get(0)).path(model.get(1)).build()));
    }
    return builder.build();
  }
}
