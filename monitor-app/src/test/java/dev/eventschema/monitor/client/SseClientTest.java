package dev.eventschema.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.events.StreamSchemas;
import dev.eventschema.monitor.support.HubEngine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The client against the engine's real stream server. */
class SseClientTest {

  private final Inbox inbox = new Inbox(100_000);
  /** The messages of the stream, in order; the hello of each connection is kept apart. */
  private final List<StreamMessage> received = new ArrayList<>();
  private final List<StreamMessage.Hello> hellos = new ArrayList<>();

  private void waitUntil(String what, BooleanSupplier condition) {
    try {
      WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
        List<StreamMessage> drained = new ArrayList<>();
        inbox.drainTo(drained, Integer.MAX_VALUE);
        for (StreamMessage message : drained) {
          if (message instanceof StreamMessage.Hello hello) {
            hellos.add(hello);
          } else {
            received.add(message);
          }
        }
        return condition.getAsBoolean();
      });
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what + "; received " + received.size(), e);
    }
  }

  private static Map<String, Object> token(String t) {
    return Map.of("model", "m", "token", t);
  }

  @Test
  void receivesEventsAndResumesWithLastEventIdWithoutMissingAny() {
    try (HubEngine engine = HubEngine.start(0, 4096);
        SseClient client = new SseClient(engine.baseUri(), null, GeneratedValidation.INSTANCE, inbox).start()) {
      waitUntil("connected", () -> client.status().state() == ConnectionStatus.State.CONNECTED);
      for (int i = 0; i < 50; i++) {
        engine.event("tokenGenerated", "g-1", token("a" + i));
      }
      waitUntil("50 events", () -> received.size() == 50);
      client.dropConnection();
      waitUntil("reconnecting", () -> client.status().state() != ConnectionStatus.State.CONNECTED);
      for (int i = 50; i < 80; i++) {
        engine.event("tokenGenerated", "g-1", token("a" + i)); // published while the client is away
      }
      waitUntil("80 events", () -> received.size() == 80);
      assertThat(received).extracting(StreamMessage::seq)
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 80).boxed().toList());
      waitUntil("the status caught up", () -> client.status().lastSeq() == 80);
      assertThat(client.status().missed()).isZero();
      assertThat(client.status().reconnects()).isEqualTo(1);
      assertThat(hellos).as("one hello per connection, not counted as a message").hasSize(2)
          .allSatisfy(h -> assertThat(h.schemas()).isEqualTo(StreamSchemas.versions()));
      assertThat(client.status().received()).isEqualTo(80);
    }
  }

  @Test
  void countsWhatTheHistoryNoLongerHeld() {
    try (HubEngine engine = HubEngine.start(0, 4096)) {
      for (int i = 0; i < 10_051; i++) { // seq 1..10051; the engine's history keeps the last 10,000
        engine.event("tokenGenerated", "g-1", token("x"));
      }
      try (SseClient client = new SseClient(engine.baseUri(), null, GeneratedValidation.INSTANCE, inbox)
          .resumingAfter(1).start()) {
        waitUntil("the replay", () -> received.size() == 10_001);
        assertThat(received.get(0)).isInstanceOfSatisfying(StreamMessage.Dropped.class,
            d -> assertThat(d.missed()).isEqualTo(50));
        assertThat(received.get(1).seq()).isEqualTo(52);
        waitUntil("the status caught up", () -> client.status().lastSeq() == 10_051);
        assertThat(client.status().missed()).isEqualTo(50);
        assertThat(client.status().reportedDropped()).isEqualTo(50);
      }
    }
  }

  @Test
  void noticesARestartedEngineBehindTheSameAddress() {
    HubEngine first = HubEngine.start(0, 4096);
    int port = first.port();
    try (SseClient client = new SseClient(first.baseUri(), null, GeneratedValidation.INSTANCE, inbox).start()) {
      waitUntil("connected", () -> client.status().state() == ConnectionStatus.State.CONNECTED);
      for (int i = 0; i < 20; i++) {
        first.event("tokenGenerated", "g-1", token("a"));
      }
      waitUntil("20 events", () -> received.size() == 20);
      first.close();
      waitUntil("reconnecting", () -> client.status().state() == ConnectionStatus.State.RECONNECTING);
      try (HubEngine second = HubEngine.start(port, 4096)) {
        waitUntil("connected again", () -> client.status().state() == ConnectionStatus.State.CONNECTED);
        second.event("tokenGenerated", "g-2", token("b"));
        waitUntil("21 events", () -> received.size() == 21);
        waitUntil("the restart noticed", () -> client.status().restarts() == 1);
        assertThat(received.get(20).seq()).isEqualTo(1);
      }
    }
  }

  @Test
  void explainsAnEngineThatIsNotThere() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    try (SseClient client = new SseClient(URI.create("http://127.0.0.1:" + port), null, GeneratedValidation.INSTANCE,
        inbox).start()) {
      waitUntil("reconnecting", () -> client.status().state() == ConnectionStatus.State.RECONNECTING);
      assertThat(client.status().detail()).isEqualTo("Nothing is listening at 127.0.0.1:" + port
          + ". Is the engine running?");
      assertThat(client.status().retryAtMillis()).isPositive();
    }
  }
}
