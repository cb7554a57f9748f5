package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The events table's rows, without a table: what they show after appends, drops, queries and pauses. */
class FilteredEventsTest {

  /** Events {@code from..to}; even seqs are tokens of model "a", odd ones status events of model "b". */
  private static List<StreamMessage.Event> events(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(seq -> new StreamMessage.Event(seq, Instant.EPOCH,
        seq % 2 == 0 ? "tokenGenerated" : "runtimeStatus", seq % 2 == 0 ? "g-" + seq : null,
        seq % 2 == 0 ? "a" : "b", "event number " + seq, Map.of())).toList();
  }

  private static List<Long> seqs(FilteredEvents rows) {
    return rows.rows().stream().map(StreamMessage.Event::seq).toList();
  }

  private static void frame(EventLog log, FilteredEvents rows, List<StreamMessage.Event> batch) {
    log.append(batch);
    rows.collect();
    rows.apply();
  }

  @Test
  void followsTheLogIncrementallyDroppingTheOldestWithIt() {
    EventLog log = new EventLog(10);
    FilteredEvents rows = new FilteredEvents(log);
    frame(log, rows, events(1, 6));
    frame(log, rows, events(7, 13));
    assertThat(seqs(rows)).containsExactlyElementsOf(LongStream.rangeClosed(4, 13).boxed().toList());
  }

  @Test
  void showsOnlyWhatTheQueryMatchesAndKeepsItWhileEventsArrive() {
    EventLog log = new EventLog(10);
    FilteredEvents rows = new FilteredEvents(log);
    frame(log, rows, events(1, 6));
    rows.setQuery(new EventQuery("tokenGenerated", null, ""));
    assertThat(seqs(rows)).containsExactly(2L, 4L, 6L);
    frame(log, rows, events(7, 14)); // 1..4 leave the log
    assertThat(seqs(rows)).containsExactly(6L, 8L, 10L, 12L, 14L);
    rows.setQuery(new EventQuery(null, "b", "NUMBER 1")); // case-insensitive search
    assertThat(seqs(rows)).containsExactly(11L, 13L);
    rows.setQuery(new EventQuery(null, null, "12")); // a seq, or text containing it
    assertThat(seqs(rows)).containsExactly(12L);
  }

  @Test
  void aPauseHoldsTheRowsAndCountsWhatMatchesUntilResumed() {
    EventLog log = new EventLog(100);
    FilteredEvents rows = new FilteredEvents(log);
    frame(log, rows, events(1, 4));
    rows.setQuery(new EventQuery("tokenGenerated", null, ""));
    rows.pause();
    frame(log, rows, events(5, 10));
    assertThat(seqs(rows)).containsExactly(2L, 4L);
    assertThat(rows.hasPending()).isFalse();
    assertThat(rows.newWhilePaused()).isEqualTo(3); // 6, 8, 10
    rows.resume();
    assertThat(seqs(rows)).containsExactly(2L, 4L, 6L, 8L, 10L);
    assertThat(rows.newWhilePaused()).isZero();
  }

  @Test
  void moreChangesThanTheLogHoldsAreCaughtUpByStartingOver() {
    EventLog log = new EventLog(10);
    FilteredEvents rows = new FilteredEvents(log);
    for (long start = 1; start <= 50; start += 5) { // five frames' worth while hidden: collected, not applied
      log.append(events(start, start + 4));
      rows.collect();
    }
    assertThat(rows.rows()).isEmpty();
    assertThat(rows.hasPending()).isTrue();
    rows.apply();
    assertThat(seqs(rows)).containsExactlyElementsOf(LongStream.rangeClosed(41, 50).boxed().toList());
  }
}
