package dev.eventschema.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.engine.emit.EnvelopeSequencer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The envelope's {@code time} never decreases as {@code seq} increases. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EnvelopeTimeOrderTest {

  private static final Instant T = Instant.parse("2026-11-27T15:04:07.123Z");

  @Test
  void theStreamNeverShowsATimeEarlierThanTheMessageBefore() throws Exception {
    StreamHub hub = new StreamHub(100, 100);
    // publishers racing, or a clock stepped back: the later seq carries the earlier time
    hub.publish("event", "runtimeStatus", Optional.empty(), Map.of(), T);
    hub.publish("event", "runtimeStatus", Optional.empty(), Map.of(), T.minusSeconds(5));
    hub.publish("event", "runtimeStatus", Optional.empty(), Map.of(), T.plusMillis(1));
    ClientSession replay = hub.connect(OptionalLong.of(0));
    assertThat(replay.next(0, hub::droppedFrame).event()).isEqualTo("hello");
    List<Instant> times = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 3; i++) {
      String data = replay.next(0, hub::droppedFrame).text().lines()
          .filter(line -> line.startsWith("data: ")).findFirst().orElseThrow().substring(6);
      times.add(Instant.parse((String) json.readValue(data, Map.class).get("time")));
    }
    assertThat(times).containsExactly(T, T, T.plusMillis(1));
    hub.close();
  }

  @Test
  void theSequencerNeverHandsOutAnEarlierTimeWhenTheClockStepsBack() {
    SteppingClock clock = new SteppingClock(T);
    EnvelopeSequencer sequencer = new EnvelopeSequencer(clock);
    Instant first = sequencer.next("runtimeStatus", Optional.empty(), Map.of()).time().transform(Instant::parse);
    clock.now = T.minusSeconds(60);
    Instant second = sequencer.next("runtimeStatus", Optional.empty(), Map.of()).time().transform(Instant::parse);
    clock.now = T.plusSeconds(1);
    Instant third = sequencer.next("runtimeStatus", Optional.empty(), Map.of()).time().transform(Instant::parse);
    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(T.plusSeconds(1));
  }

  private static final class SteppingClock extends Clock {
    Instant now;

    SteppingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
