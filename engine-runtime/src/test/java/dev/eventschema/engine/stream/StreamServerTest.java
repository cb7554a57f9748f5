package dev.eventschema.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.HelloFrame;
import dev.eventschema.engine.events.HelloFrameValidator;
import dev.eventschema.engine.events.StreamSchemas;
import dev.eventschema.engine.events.TokenGeneratedEventValidator;
import dev.eventschema.engine.testing.SseClient;
import dev.eventschema.engine.testing.SseClient.Frame;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StreamServerTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String TOKEN = "s3cret-token-0123456789";

  private StreamHub hub;
  private StreamServer server;
  private final List<SseClient> clients = new ArrayList<>();

  private void start(StreamSettings settings, int history, int clientQueue) {
    hub = new StreamHub(history, clientQueue);
    server = StreamServer.start(settings, hub, () -> Map.of("status", "ready"), () -> List.of(Map.of("eventType", "x")));
  }

  private void start() {
    start(StreamSettingsBuilder.builder().port(0).build(), 100, 100);
  }

  private URI events() {
    return server.baseUri().resolve("events");
  }

  private SseClient connect(Map<String, String> headers) {
    SseClient client = SseClient.connect(events(), headers);
    clients.add(client);
    return client;
  }

  private long publish(int i) {
    return hub.publish("event", "runtimeStatus", Optional.empty(),
        Map.of("status", "ready", "modelsLoaded", i, "metadata", Map.of("text", "line\nbreak \"quoted\" </script>")),
        Instant.now());
  }

  @AfterEach
  void stop() {
    clients.forEach(SseClient::close);
    if (server != null) {
      hub.close();
      server.close();
    }
  }

  @Test
  void everyMessageIsOneFrameWithItsIdAndAValidEnvelope() throws Exception {
    start();
    SseClient client = connect(Map.of());
    assertThat(client.status()).isEqualTo(200);
    assertThat(client.response().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/event-stream"));
    awaitClients(1);
    for (int i = 1; i <= 3; i++) {
      publish(i);
    }
    for (int i = 1; i <= 3; i++) {
      Frame frame = client.nextEvent(WAIT);
      assertThat(frame.event()).isEqualTo("event");
      assertThat(frame.id()).isEqualTo(String.valueOf(i));
      ParseResult<EventEnvelope> envelope = EventEnvelopeValidator.INSTANCE.parse(frame.json());
      assertThat(envelope.violations()).isEmpty();
      assertThat(envelope.orElseThrow().seq()).isEqualTo(i);
      assertThat(envelope.orElseThrow().type()).isEqualTo("runtimeStatus");
      // strings are data: a newline, quotes and markup arrive as they were sent, JSON-encoded
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) frame.payload().get("metadata");
      assertThat(metadata).containsEntry("text", "line\nbreak \"quoted\" </script>");
    }
  }

  @Test
  void theFirstFrameAfterThePreambleIsAHelloListingTheSchemaVersions() throws Exception {
    start();
    publish(1);
    publish(2);

    SseClient client = connect(Map.of());

    assertThat(client.next(WAIT).comment()).isEqualTo("connected"); // retry: dispatches no frame
    assertHello(client.next(WAIT), 2);
    awaitClients(1);
    publish(3);
    assertThat(client.next(WAIT).id()).isEqualTo("3");
  }

  @Test
  void aResumingClientGetsTheHelloBeforeTheReplay() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).build(), 3, 100);
    for (int i = 1; i <= 6; i++) {
      publish(i);
    }

    SseClient resuming = connect(Map.of("Last-Event-ID", "4"));
    SseClient lostSome = connect(Map.of("Last-Event-ID", "1"));

    assertThat(resuming.next(WAIT).comment()).isEqualTo("connected");
    assertHello(resuming.next(WAIT), 6);
    assertThat(resuming.next(WAIT).id()).isEqualTo("5");
    assertThat(lostSome.next(WAIT).comment()).isEqualTo("connected");
    assertHello(lostSome.next(WAIT), 6);
    assertThat(lostSome.next(WAIT).event()).isEqualTo("dropped");
  }

  @Test
  void beforeAnyMessageTheHelloStillHasAValidEnvelope() throws Exception {
    start();

    SseClient client = connect(Map.of());

    assertThat(client.next(WAIT).comment()).isEqualTo("connected");
    assertHello(client.next(WAIT), 1);
  }

  /** A hello: no id, a valid envelope of type hello whose payload is a valid HelloFrame. */
  private static void assertHello(Frame frame, long seq) {
    assertThat(frame.event()).isEqualTo("hello");
    assertThat(frame.id()).as("a hello is not a message: the client's last event id stays its own").isNull();
    ParseResult<EventEnvelope> envelope = EventEnvelopeValidator.INSTANCE.parse(frame.json());
    assertThat(envelope.violations()).isEmpty();
    assertThat(envelope.orElseThrow().type()).isEqualTo("hello");
    assertThat(envelope.orElseThrow().seq()).isEqualTo(seq);
    ParseResult<HelloFrame> hello = HelloFrameValidator.INSTANCE.parse(frame.payload());
    assertThat(hello.violations()).isEmpty();
    assertThat(hello.orElseThrow().engine()).isEqualTo(StreamHub.ENGINE_NAME);
    assertThat(hello.orElseThrow().schemas()).isEqualTo(StreamSchemas.versions())
        .containsEntry("hello", HelloFrameValidator.INSTANCE.version())
        .containsEntry("tokenGenerated", TokenGeneratedEventValidator.INSTANCE.version());
  }

  @Test
  void aClientThatReconnectsWithLastEventIdGetsWhatItMissedThenTheLiveStream() throws Exception {
    start();
    for (int i = 1; i <= 5; i++) {
      publish(i);
    }
    SseClient first = connect(Map.of());
    awaitClients(1);
    publish(6);
    publish(7);
    assertThat(first.nextEvent(WAIT).id()).isEqualTo("6");
    assertThat(first.nextEvent(WAIT).id()).isEqualTo("7");
    first.close();
    publish(8);
    publish(9);

    SseClient again = connect(Map.of("Last-Event-ID", "7"));
    assertThat(again.nextEvent(WAIT).id()).isEqualTo("8");
    assertThat(again.nextEvent(WAIT).id()).isEqualTo("9");
    publish(10);
    assertThat(again.nextEvent(WAIT).id()).isEqualTo("10");

    SseClient everything = connect(Map.of("Last-Event-ID", "0"));
    for (int i = 1; i <= 10; i++) {
      assertThat(everything.nextEvent(WAIT).id()).isEqualTo(String.valueOf(i));
    }
  }

  @Test
  void whenTheHistoryNoLongerHoldsTheNextMessageADroppedFrameCountsTheLoss() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).build(), 3, 100);
    for (int i = 1; i <= 10; i++) {
      publish(i);
    }
    SseClient client = connect(Map.of("Last-Event-ID", "2"));
    Frame dropped = client.nextEvent(WAIT);
    assertThat(dropped.event()).isEqualTo("dropped");
    assertThat(dropped.id()).isNull(); // the client's last id stays the last message it really got
    assertThat(dropped.type()).isEqualTo("dropped");
    assertThat(((Number) dropped.payload().get("missed")).longValue()).isEqualTo(5); // 3 to 7
    assertThat(dropped.seq()).isEqualTo(7);
    assertThat(client.nextEvent(WAIT).id()).isEqualTo("8");
    assertThat(client.nextEvent(WAIT).id()).isEqualTo("9");
    assertThat(client.nextEvent(WAIT).id()).isEqualTo("10");
  }

  @Test
  void aSilentStreamSendsHeartbeats() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).heartbeatMs(100).build(), 10, 10);
    SseClient client = connect(Map.of());
    assertThat(client.await(frame -> frame.isComment() && frame.comment().equals("heartbeat"), WAIT)).isNotNull();
  }

  @Test
  void aStalledClientMissesFramesWithoutSlowingThePublisherAndIsToldHowMany() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).build(), 1000, 16);
    SseClient stalled = SseClient.stalled(events(), Map.of());
    clients.add(stalled);
    awaitClients(1);
    // far more than the socket buffers and the client's queue hold; publish never waits on the client
    int published = 0;
    while (hub.droppedFrames() == 0 && published < 400_000) {
      publish(++published);
    }
    for (int i = 0; i < 1000; i++) {
      publish(++published);
    }
    assertThat(hub.droppedFrames()).isPositive();
    stalled.startReading();
    Frame dropped = stalled.await(frame -> "dropped".equals(frame.event()), WAIT);
    assertThat(((Number) dropped.payload().get("missed")).longValue()).isPositive();
    // The stream goes on. The writer may still hold frames queued after this gap (and a later gap) when
    // the notice arrives, so a frame published now can be dropped too: publish until a new one arrives.
    long firstNew = published + 1L;
    long deadline = System.nanoTime() + WAIT.toNanos();
    Frame next = null;
    while (next == null && System.nanoTime() < deadline) {
      publish(++published);
      next = stalled.awaitOrNull(frame -> !frame.isComment() && !frame.isHello() && frame.id() != null
          && !"dropped".equals(frame.event())
          && Long.parseLong(frame.id()) >= firstNew, Duration.ofMillis(200));
    }
    assertThat(next).as("a frame published after the stall").isNotNull();
  }

  @Test
  void aClientThatLeavesIsForgotten() throws Exception {
    start();
    SseClient client = connect(Map.of());
    awaitClients(1);
    client.close();
    long deadline = System.nanoTime() + WAIT.toNanos();
    int i = 0;
    while (hub.clientCount() > 0 && System.nanoTime() < deadline) {
      publish(++i); // the writer notices at its next write
      Thread.onSpinWait();
    }
    assertThat(hub.clientCount()).isZero();
    assertThat(server.streamingClients()).isZero();
  }

  @Test
  void withATokenEveryEndpointRequiresIt() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).token(TOKEN).build(), 10, 10);
    try (HttpClient http = HttpClient.newHttpClient()) {
      for (String path : List.of("events", "health", "rejections", "nowhere")) {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).as(path).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Authorization", "Bearer " + TOKEN + "x").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.statusCode()).as(path).isEqualTo(401);
      }
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.baseUri().resolve("health"))
          .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"ready\"");
    }
    SseClient client = connect(Map.of("Authorization", "Bearer " + TOKEN));
    assertThat(client.status()).isEqualTo(200);
  }

  @Test
  void aNonLoopbackAddressIsRefusedWithoutATokenUnlessForced() {
    for (String host : List.of("0.0.0.0", "192.0.2.10", "::")) {
      StreamSettings remote = StreamSettingsBuilder.builder().port(0).host(host).build();
      assertThatThrownBy(() -> StreamServer.start(remote, new StreamHub(), Map::of, List::of))
          .isInstanceOfSatisfying(EngineException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
            assertThat(e.getMessage()).contains(host).contains("token");
          });
      // a token, or an explicit choice, lifts the refusal (checked without binding anything)
      StreamServer.checkSecurity(StreamSettingsBuilder.from(remote).token(TOKEN).build());
      StreamServer.checkSecurity(StreamSettingsBuilder.from(remote).allowRemoteWithoutToken(true).build());
    }
    StreamServer.checkSecurity(StreamSettingsBuilder.builder().host("localhost").build());
    // the token's rules are the schema's: the generated builder refuses a bad one
    assertThatThrownBy(() -> StreamSettingsBuilder.builder().token("short").build())
        .isInstanceOf(SchemaViolationException.class).hasMessageContaining("/token").hasMessageContaining("16");
    assertThatThrownBy(() -> StreamSettingsBuilder.builder().token("sixteen chars or more").build())
        .isInstanceOf(SchemaViolationException.class).hasMessageContaining("printable ASCII characters without spaces");
  }

  @Test
  void healthRejectionsAndErrorsAreServedAsJson() throws Exception {
    start();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(server.baseUri().resolve("health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
      assertThat(health.body()).isEqualTo("{\"status\":\"ready\"}");
      HttpResponse<String> rejections = http.send(HttpRequest.newBuilder(server.baseUri().resolve("rejections"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(rejections.body()).isEqualTo("[{\"eventType\":\"x\"}]");
      assertThat(http.send(HttpRequest.newBuilder(server.baseUri().resolve("nowhere")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
      assertThat(http.send(HttpRequest.newBuilder(server.baseUri().resolve("health"))
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
          .isEqualTo(405);
    }
  }

  @Test
  void streamsBeyondMaxClientsAreTurnedAway() throws Exception {
    start(StreamSettingsBuilder.builder().port(0).maxClients(1).build(), 10, 10);
    SseClient first = connect(Map.of());
    assertThat(first.status()).isEqualTo(200);
    awaitClients(1);
    SseClient second = connect(Map.of());
    assertThat(second.status()).isEqualTo(503);
  }

  @Test
  void closingEndsTheStreamsAfterWhatIsQueued() throws Exception {
    start();
    SseClient client = connect(Map.of());
    awaitClients(1);
    publish(1);
    // the hub's close is what ends the streams after their queues; the server's close then waits for
    // the writers at most 2 s, which a writer on a heavily loaded machine can miss (seen once, at load 21),
    // so the server closes only after the stream ended
    hub.close();
    assertThat(client.nextEvent(WAIT).id()).isEqualTo("1");
    assertThat(client.nextEvent(WAIT).event()).isEqualTo("eof");
    server.close();
  }

  private void awaitClients(int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (hub.clientCount() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("clients never connected");
      }
      Thread.onSpinWait();
    }
  }
}
