package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When the generations' rows show what arrived: at once while it trickles in, ten times a second when it streams. */
class GenerationTrackerTest {

  private static final long MS = 1_000_000L;
  private final GenerationTracker tracker = new GenerationTracker();
  private long seq;

  private StreamMessage.Event event(String type, String id, Map<String, Object> payload) {
    seq++;
    return new StreamMessage.Event(seq, Instant.ofEpochMilli(seq), type, id, "m", "prompt hello", payload);
  }

  private void tokens(String id, int count) {
    for (int i = 0; i < count; i++) {
      tracker.token(event("tokenGenerated", id, Map.of("token", "t")), "t");
    }
  }

  @Test
  void aFewEventsAreShownInTheFrameTheyArrive() {
    tracker.publish(0);
    tracker.started(event("generationStarted", "g-1", Map.of()));
    tokens("g-1", 3);
    tracker.publish(16 * MS);
    assertThat(tracker.rows()).hasSize(1);
    assertThat(tracker.rows().get(0).tokensProperty().get()).isEqualTo(3);
    assertThat(tracker.rows().get(0).textProperty().get()).isEqualTo("ttt");
  }

  @Test
  void aStreamIsShownAtMostEveryHundredMillisecondsAndThenCompletely() {
    tracker.publish(0);
    tracker.started(event("generationStarted", "g-1", Map.of()));
    tokens("g-1", GenerationTracker.BUSY_EVENTS);
    tracker.completed(event("generationCompleted", "g-1", Map.of("tokensGenerated", 150, "durationMs", 20.0)));
    tracker.publish(16 * MS);
    assertThat(tracker.rows()).isEmpty();
    tracker.publish(GenerationTracker.BUSY_PERIOD_NANOS);
    GenerationRow row = tracker.rows().get(0);
    assertThat(row.stateProperty().get()).isEqualTo(GenerationRow.State.COMPLETED);
    assertThat(row.tokensProperty().get()).isEqualTo(150); // as the engine counted them
    assertThat(row.durationMsProperty().get()).isEqualTo(20.0);
    assertThat(row.outcomeProperty().get()).isEqualTo("completed");
  }

  @Test
  void keepsTheNewestEndedAndTheNewestRunningGenerationsOnly() {
    long frame = 0;
    for (int i = 0; i < GenerationTracker.RECENT + 30; i++) {
      tracker.started(event("generationStarted", "done-" + i, Map.of()));
      tracker.completed(event("generationCompleted", "done-" + i, Map.of("tokensGenerated", 0, "durationMs", 1.0)));
      tracker.publish(frame += GenerationTracker.BUSY_PERIOD_NANOS);
    }
    // tokens of generations whose start and end the dashboard never saw: each becomes a running row
    for (int i = 0; i < GenerationTracker.MAX_RUNNING + 40; i++) {
      tokens("orphan-" + i, 1);
      tracker.publish(frame += GenerationTracker.BUSY_PERIOD_NANOS);
    }
    long running = tracker.rows().stream().filter(r -> r.stateProperty().get() == GenerationRow.State.RUNNING).count();
    assertThat(running).isEqualTo(GenerationTracker.MAX_RUNNING);
    assertThat(tracker.rows()).hasSize(GenerationTracker.RECENT + GenerationTracker.MAX_RUNNING);
    assertThat(tracker.rows().get(0).id()).isEqualTo("orphan-" + (GenerationTracker.MAX_RUNNING + 39));
    assertThat(tracker.rows()).noneMatch(r -> r.id().equals("orphan-0") || r.id().equals("done-0"));
    assertThat(tracker.rows()).anyMatch(r -> r.id().equals("done-" + (GenerationTracker.RECENT + 29)));
  }
}
