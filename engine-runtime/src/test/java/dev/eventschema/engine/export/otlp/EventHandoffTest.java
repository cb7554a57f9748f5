package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.testing.Await;
import dev.eventschema.engine.testing.Threads;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.ReadWriteLogRecord;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-off between the emitting threads and the thread that builds the log records, with an SDK
 * that takes the first record and then holds on to it: the emitting thread never waits, and every
 * event offered is handed to the SDK or counted.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EventHandoffTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final CountDownLatch release = new CountDownLatch(1);
  private final List<Long> handed = new CopyOnWriteArrayList<>();
  /** An SDK whose processor keeps each record's seq and holds the builder thread until released. */
  private final SdkLoggerProvider provider = SdkLoggerProvider.builder()
      .addLogRecordProcessor(new HoldingProcessor()).build();
  private final EngineEventEmitter emitter = new EngineEventEmitter();

  private final class HoldingProcessor implements LogRecordProcessor {
    @Override
    public void onEmit(Context context, ReadWriteLogRecord record) {
      handed.add(record.toLogRecordData().getAttributes().get(EventLogRecords.SEQ));
      try {
        release.await(WAIT.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    emitter.close();
    provider.close();
  }

  private EventHandoff handoff(int capacity) {
    EventHandoff handoff = new EventHandoff(capacity, new EventLogRecords(provider.get(EventLogExport.SCOPE)));
    emitter.subscribe(handoff::offer);
    handoff.start();
    return handoff;
  }

  private void emitStatuses(int count) {
    for (int i = 0; i < count; i++) {
      emitter.emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.READY, 1));
    }
  }

  @Test
  void aBuilderThatIsBehindCostsTheEmittingThreadNothingButTheEventsPastTheBuffer() {
    EventHandoff handoff = handoff(4);
    emitStatuses(1);
    Await.until(() -> handed.size() == 1, WAIT, () -> "the first record handed to the SDK");

    emitStatuses(10); // returns although the builder thread is held: 4 buffered, 6 dropped
    assertThat(handoff.offered()).isEqualTo(11);
    assertThat(handoff.buffered()).isEqualTo(4);
    assertThat(handoff.bufferFull()).isEqualTo(6);

    release.countDown();
    handoff.close(WAIT);
    assertThat(handed).hasSize(5).isSorted(); // the first, then the four buffered, in their order
    assertThat(handoff.offered()).isEqualTo(handed.size() + handoff.bufferFull() + handoff.unbuilt());
  }

  @Test
  void closingWaitsABoundedTimeForAStuckBuilderThenHandsNothingMore() throws Exception {
    Set<Thread> before = Threads.snapshot();
    EventHandoff handoff = handoff(4);
    emitStatuses(1);
    Await.until(() -> handed.size() == 1, WAIT, () -> "the first record handed to the SDK");
    emitStatuses(3);

    handoff.close(Duration.ofMillis(100)); // returns, though the builder thread is still held
    assertThat(handoff.buffered()).isEqualTo(3);
    release.countDown();
    assertThat(Threads.leakedSince(before, WAIT)).isEmpty(); // the builder thread stopped...
    assertThat(handed).hasSize(1); // ...without handing the three that were left
    assertThat(handoff.buffered()).isEqualTo(3);
  }
}
