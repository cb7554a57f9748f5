package dev.eventschema.engine.emit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.testing.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subscribers are isolated from each other and cannot slow the emitting thread. */
class SubscribersTest {

  static final long WAIT_SECONDS = 10;

  final EngineEventEmitter emitter = new EngineEventEmitter();

  @AfterEach
  void close() {
    emitter.close();
  }

  private void emitStatus(int n) {
    for (int i = 0; i < n; i++) {
      emitter.emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.BUSY, i));
    }
  }

  @Test
  void aThrowingSubscriberIsCountedAndTheOthersStillReceive() {
    List<Long> before = new ArrayList<>();
    List<Long> after = new ArrayList<>();
    emitter.subscribe(e -> before.add(e.envelope().seq()));
    emitter.subscribe(e -> {
      throw new IllegalStateException("listener bug");
    });
    emitter.subscribe(e -> after.add(e.envelope().seq()));

    emitStatus(3);

    assertThat(before).containsExactly(1L, 2L, 3L);
    assertThat(after).containsExactly(1L, 2L, 3L);
    assertThat(emitter.subscriberStats().failures()).isEqualTo(3);
  }

  @Test
  void aThrowingRejectionSubscriberDoesNotStopTheRejection() {
    List<RejectedPayload> seen = new ArrayList<>();
    emitter.subscribeRejections(r -> {
      throw new AssertionError("listener bug");
    });
    emitter.subscribeRejections(seen::add);

    emitter.emit("error", java.util.Map.of(), Source.RUNTIME);

    assertThat(seen).hasSize(1);
    assertThat(emitter.subscriberStats().failures()).isEqualTo(1);
  }

  @Test
  void aClosedSubscriptionReceivesNothingMore() {
    List<Long> seen = new ArrayList<>();
    Subscription subscription = emitter.subscribe(e -> seen.add(e.envelope().seq()));

    emitStatus(1);
    subscription.close();
    subscription.close();
    emitStatus(1);

    assertThat(seen).containsExactly(1L);
    assertThat(subscription.dropped()).isZero();
  }

  @Test
  void anAsyncSubscriberReceivesEverythingInSequenceOrderOnItsOwnThread() throws Exception {
    List<Long> seqs = new CopyOnWriteArrayList<>();
    CompletableFuture<String> thread = new CompletableFuture<>();
    CountDownLatch all = new CountDownLatch(50);
    emitter.subscribeAsync(64, e -> {
      thread.complete(Thread.currentThread().getName());
      seqs.add(e.envelope().seq());
      all.countDown();
    });

    emitStatus(50);

    assertThat(all.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(seqs).isSorted().hasSize(50);
    assertThat(thread.get()).startsWith("eventschema-events-subscriber-").isNotEqualTo(Thread.currentThread().getName());
  }

  @Test
  void aBlockedAsyncSubscriberDropsAndCountsInsteadOfBlockingTheEmitter() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch drained = new CountDownLatch(1 + 4);
    List<Long> received = new CopyOnWriteArrayList<>();
    Subscription slow = emitter.subscribeAsync(4, e -> {
      entered.countDown();
      await(release);
      received.add(e.envelope().seq());
      drained.countDown();
    });
    List<Long> fast = new ArrayList<>();
    emitter.subscribe(e -> fast.add(e.envelope().seq()));

    emitStatus(1);
    assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    emitStatus(4 + 6); // 4 fill the queue, 6 find it full

    assertThat(fast).hasSize(11);
    assertThat(slow.dropped()).isEqualTo(6);
    assertThat(emitter.subscriberStats().drops()).isEqualTo(6);
    release.countDown();
    assertThat(drained.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(received).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aThrowingAsyncSubscriberIsCountedAndKeepsReceiving() throws Exception {
    CompletableFuture<Long> fourth = new CompletableFuture<>();
    emitter.subscribeAsync(8, e -> {
      if (e.envelope().seq() < 4) {
        throw new IllegalStateException("async listener bug");
      }
      fourth.complete(e.envelope().seq());
    });

    emitStatus(4);

    // one thread drains in order: once the fourth message arrives, the first three failures are counted
    assertThat(fourth.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(4);
    assertThat(emitter.subscriberStats().failures()).isEqualTo(3);
  }

  @Test
  void asyncRejectionSubscribersGetRejections() throws Exception {
    CompletableFuture<RejectedPayload> got = new CompletableFuture<>();
    emitter.subscribeRejectionsAsync(2, got::complete);

    emitter.emit("tokenGenerated", java.util.Map.of("model", "m"), Source.NETWORK);

    assertThat(got.get(WAIT_SECONDS, TimeUnit.SECONDS).eventType()).isEqualTo("tokenGenerated");
  }

  @Test
  void aClosedAsyncSubscriptionStopsReceiving() throws Exception {
    CountDownLatch first = new CountDownLatch(1);
    List<Long> seen = new CopyOnWriteArrayList<>();
    Subscription subscription = emitter.subscribeAsync(8, e -> {
      seen.add(e.envelope().seq());
      first.countDown();
    });
    emitStatus(1);
    assertThat(first.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    subscription.close();
    subscription.close();
    emitStatus(3);

    assertThat(seen).containsExactly(1L);
    assertThat(subscription.dropped()).isZero();
  }

  @Test
  void aQueueHoldsAtLeastOneMessage() {
    assertThatThrownBy(() -> emitter.subscribeAsync(0, e -> {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emitter.subscribe(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void subscribersCanBeCountedAndClosedTogether() {
    Subscribers<String> subscribers = new Subscribers<>("test", new SubscriberStats());
    List<String> seen = new ArrayList<>();
    subscribers.subscribe(seen::add);
    subscribers.subscribeAsync(1, s -> {});

    subscribers.publish("a");
    assertThat(subscribers.size()).isEqualTo(2);
    subscribers.closeAll();
    subscribers.publish("b");

    assertThat(seen).containsExactly("a");
    assertThat(subscribers.size()).isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
