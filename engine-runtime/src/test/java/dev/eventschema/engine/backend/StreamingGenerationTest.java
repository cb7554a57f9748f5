package dev.eventschema.engine.backend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StreamingGenerationTest {

  private final RecordingSink sink = new RecordingSink();
  private final AtomicInteger cancelHooks = new AtomicInteger();

  @Test
  void theMaxTokensthTokenFinishesWithLength() {
    StreamingGeneration generation = new StreamingGeneration(sink, 2, cancelHooks::incrementAndGet);

    assertThat(generation.emit("a", OptionalDouble.of(-1))).isTrue();
    assertThat(generation.emit("b", OptionalDouble.of(-1))).isFalse();

    assertThat(generation.result()).isCompletedWithValue(FinishReason.LENGTH);
    assertThat(generation.emit("c", OptionalDouble.empty())).isFalse();
    assertThat(sink.texts()).containsExactly("a", "b");
  }

  @Test
  void anEmptyTokenIsTheEndOfSequence_evenAsTheLastAllowedToken() {
    StreamingGeneration generation = new StreamingGeneration(sink, 2, cancelHooks::incrementAndGet);

    generation.emit("a", OptionalDouble.empty());
    generation.emit("", OptionalDouble.of(-0.1));

    assertThat(generation.result()).isCompletedWithValue(FinishReason.STOP);
  }

  @Test
  void endsExactlyOnce_theFirstEndingWins() throws Exception {
    StreamingGeneration generation = new StreamingGeneration(sink, 10, cancelHooks::incrementAndGet);

    generation.cancel();
    generation.finish(FinishReason.STOP);
    generation.fail(new EngineException(ErrorCode.RUNTIME_ERROR, "late"));
    generation.cancel();

    assertThat(generation.result().get()).isEqualTo(FinishReason.CANCELLED);
    assertThat(cancelHooks).hasValue(1);
    assertThat(generation.emit("x", OptionalDouble.empty())).isFalse();
    assertThat(sink.tokens).isEmpty();
  }

  @Test
  void cancellingFromInsideTheSinkStopsAfterThatToken() {
    StreamingGeneration[] self = new StreamingGeneration[1];
    StreamingGeneration generation = new StreamingGeneration((text, logprob, alternatives) -> {
      sink.token(text, logprob, alternatives);
      if (sink.tokens.size() == 2) {
        self[0].cancel();
      }
    }, 10, cancelHooks::incrementAndGet);
    self[0] = generation;

    assertThat(generation.emit("a", OptionalDouble.empty())).isTrue();
    assertThat(generation.emit("b", OptionalDouble.empty())).isFalse();

    assertThat(generation.result()).isCompletedWithValue(FinishReason.CANCELLED);
    assertThat(generation.tokenCount()).isEqualTo(2);
  }

  @Test
  void aFailingSinkFailsTheGeneration() {
    StreamingGeneration generation = new StreamingGeneration((text, logprob, alternatives) -> {
      throw new IllegalStateException("boom");
    }, 10, cancelHooks::incrementAndGet);

    assertThat(generation.emit("a", OptionalDouble.empty())).isFalse();

    assertThat(generation.result()).failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isInstanceOfSatisfying(EngineException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.GENERATION_FAILED));
    assertThat(generation.isEnded()).isTrue();
  }
}
