package dev.eventschema.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.EngineSettingsBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.stream.EventStream;
import dev.eventschema.engine.testing.SseClient;
import dev.eventschema.engine.testing.SseClient.Frame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Prints what a stalled stream client costs: how many generations, tokens and messages the engine
 * produced while one client read nothing, and how many frames were dropped for it. Asserts only
 * that frames were dropped and the client was told, never a speed.
 *
 * <p>Not part of {@code verify} (tag {@code measurement}); run it with {@code ./mvnw -B verify -pl
 * engine-runtime -am -Dgroups=measurement -DexcludedGroups=}. {@code EmbeddedEngineTest} checks the
 * same behaviour quickly.
 */
@Tag("measurement")
class EmbeddedEngineMeasurementTest {

  private static final Duration WAIT = Duration.ofSeconds(60);
  /** At least this many generations, so that the figures are not those of a warm-up. */
  private static final int MIN_GENERATIONS = 200;
  private static final int MAX_GENERATIONS = 20_000;

  private static URI events(EmbeddedEngine engine) {
    return engine.baseUri().resolve("events");
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void aStalledClientWhileTheEngineGeneratesUnpaced() throws Exception {
    EngineConfig config = EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .stream(StreamSettingsBuilder.builder().port(0).clientQueue(64).build())
        .engine(EngineSettingsBuilder.builder().maxConcurrent(4).maxWaiting(64).build())
        .build();
    try (EmbeddedEngine engine = EmbeddedEngine.start(config);
        SseClient stalled = SseClient.stalled(events(engine), Map.of())) {
      EventStream stream = engine.stream();
      Deque<GenerationHandle> inFlight = new ArrayDeque<>();
      int generations = 0;
      long tokens = 0;
      long startNanos = System.nanoTime();
      while ((stream.hub().droppedFrames() == 0 || generations < MIN_GENERATIONS) && generations < MAX_GENERATIONS) {
        if (inFlight.size() >= 8) {
          tokens += inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS).tokensGenerated();
        }
        inFlight.addLast(engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The harbor town", 2000, 1.5, generations)));
        generations++;
      }
      while (!inFlight.isEmpty()) {
        tokens += inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS).tokensGenerated();
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      long dropped = stream.hub().droppedFrames();
      assertThat(dropped).isPositive();

      stalled.startReading();
      Frame notice = stalled.await(f -> "dropped".equals(f.event()), WAIT);
      long missed = ((Number) notice.payload().get("missed")).longValue();
      System.out.printf("stalled client: %d generations, %d tokens, %d stream messages in %.2f s while stalled;"
          + " %d frames dropped for it, first dropped notice: missed %d%n", generations, tokens,
          stream.hub().publishedMessages(), seconds, dropped, missed);
    }
  }
}
