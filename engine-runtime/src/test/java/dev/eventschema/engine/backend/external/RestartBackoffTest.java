package dev.eventschema.engine.backend.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

  private final RestartBackoff backoff = new RestartBackoff(Duration.ofMillis(250), Duration.ofSeconds(2),
      Duration.ofMinutes(1));

  @Test
  void doublesFromTheInitialDelay_upToTheMaximum() {
    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(4)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aMaximumBelowTheInitialDelayWins() {
    RestartBackoff capped = new RestartBackoff(Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMinutes(1));
    assertThat(capped.delay(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(capped.delay(3)).isEqualTo(Duration.ofSeconds(2));
  }
}
