package dev.eventschema.monitor.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class EventLogTest {

  private static List<StreamMessage.Event> events(long from, long to) {
    return LongStream.rangeClosed(from, to).mapToObj(seq -> new StreamMessage.Event(seq, Instant.EPOCH,
        "tokenGenerated", "g", "m", "", Map.of())).toList();
  }

  @Test
  void dropsTheOldestBeyondTheCapacityAndCountsThem() {
    EventLog log = new EventLog(100);
    log.append(events(1, 80));
    log.append(events(81, 130));
    assertThat(log.items()).hasSize(100);
    assertThat(log.items().get(0).seq()).isEqualTo(31);
    assertThat(log.dropped()).isEqualTo(30);
    assertThat(log.lastDropped()).extracting(StreamMessage.Event::seq).containsExactlyElementsOf(
        LongStream.rangeClosed(1, 30).boxed().toList());
    assertThat(log.lastAppended()).hasSize(50);
    assertThat(log.total()).isEqualTo(130);
  }

  @Test
  void aBatchLargerThanTheCapacityKeepsItsTail() {
    EventLog log = new EventLog(10);
    log.append(events(1, 5));
    log.append(events(6, 30));
    assertThat(log.items()).extracting(StreamMessage.Event::seq).containsExactlyElementsOf(
        LongStream.rangeClosed(21, 30).boxed().toList());
    assertThat(log.dropped()).isEqualTo(20);
  }
}
