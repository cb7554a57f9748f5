package dev.eventschema.engine.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The HTTP status and Retry-After of the engine's refusals that a client may retry. */
class EngineErrorsTest {

  @Test
  void aModelWaitingForItsReloadIs503WithTheEnginesOwnRetryHint() {
    EngineException reloading = new EngineException(ErrorCode.RUNTIME_UNAVAILABLE,
        "model 'm1' is being reloaded after the runtime restarted; retry in 3 s", Map.of("retryAfterSeconds", 3));

    ApiError error = EngineErrors.toApiError(reloading, "m1");

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.retryAfterSeconds()).isEqualTo(3);
  }

  @Test
  void withoutAHintTheDefaultRetryApplies() {
    ApiError error = EngineErrors.toApiError(
        new EngineException(ErrorCode.RUNTIME_UNAVAILABLE, "cannot start runtime 'x'"), "m1");

    assertThat(error.status()).isEqualTo(503);
    assertThat(error.retryAfterSeconds()).isEqualTo(EngineErrors.UNAVAILABLE_RETRY_SECONDS);
  }

  @Test
  void aFullQueueIs429() {
    ApiError error = EngineErrors.toApiError(new EngineException(ErrorCode.QUEUE_FULL, "full"), "m1");

    assertThat(error.status()).isEqualTo(429);
    assertThat(error.retryAfterSeconds()).isEqualTo(EngineErrors.QUEUE_FULL_RETRY_SECONDS);
  }
}
