package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A run of failures makes one line a minute, on a clock the test moves. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FailureLogTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final List<String> warnings = new ArrayList<>();
  private final List<String> infos = new ArrayList<>();
  private final FailureLog log = new FailureLog("the push to http://127.0.0.1:1/v1/metrics", Duration.ofMinutes(1),
      now::get, warnings::add, infos::add);

  private void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }

  @Test
  void theFirstFailureIsLoggedAtOnceAndTheNextOnesAtMostOnceAMinute() {
    log.failed("HTTP 500");
    for (int i = 0; i < 5; i++) {
      advance(Duration.ofSeconds(10));
      log.failed("HTTP 500");
    }
    assertThat(warnings).containsExactly("the push to http://127.0.0.1:1/v1/metrics failed: HTTP 500 (reported at"
        + " most once every 60 s while failures go on)");

    advance(Duration.ofSeconds(10)); // a minute after the first line
    log.failed("ConnectException: Connection refused");
    assertThat(warnings).hasSize(2).last().isEqualTo("the push to http://127.0.0.1:1/v1/metrics failed:"
        + " ConnectException: Connection refused (6 failures since the last report, 7 in a row)");
    assertThat(infos).isEmpty();
  }

  @Test
  void aSuccessEndsTheRunOnceAndTheNextFailureIsLoggedAtOnce() {
    log.failed("HTTP 400");
    log.failed("HTTP 400");
    log.succeeded();
    log.succeeded();
    assertThat(infos).containsExactly("the push to http://127.0.0.1:1/v1/metrics succeeds again, after 2 failures");

    log.failed("HTTP 400"); // within the minute, but a new run
    assertThat(warnings).hasSize(2);
  }
}
