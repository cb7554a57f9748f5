package dev.eventschema.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.http.JdkHttpServerSettings;
import dev.eventschema.engine.testing.RawHttp;
import dev.eventschema.engine.testing.RawHttp.Response;
import dev.eventschema.engine.testing.SseClient;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The defects of issue 11 on the stream server, one test each, on a real port with raw sockets. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StreamServerSecurityTest {

  private static final String TOKEN = "s3cret-token-0123456789";

  private StreamHub hub;
  private StreamServer server;
  private final List<AutoCloseable> open = new ArrayList<>();

  private void start(StreamSettingsBuilder settings) {
    hub = new StreamHub(100, 100);
    server = StreamServer.start(settings.build(), hub, () -> Map.of("status", "ready"), List::of);
  }

  private StreamSettingsBuilder local() {
    return StreamSettingsBuilder.builder().port(0);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
    if (server != null) {
      hub.close();
      server.close();
    }
  }

  @Test
  void onlyLoopbackLiteralsLocalhostAndConfiguredNamesAreAnswered() {
    start(local().addAllowedHosts("engine.internal"));
    int port = server.port();
    for (String host : List.of("127.0.0.1:" + port, "127.0.0.1", "127.8.9.10:" + port, "localhost:" + port,
        "LOCALHOST", "[::1]:" + port, "[::1]", "engine.internal:" + port, "Engine.Internal")) {
      assertThat(RawHttp.get(port, "/health", host).status()).as(host).isEqualTo(200);
    }
    for (String host : List.of("127.evil.example", "127.0.0.1.nip.io", "127.0.0.1.nip.io:" + port,
        "attacker.example:80", "localhost.attacker.example", "127.0.0.256", "127.1", "[::2]", "[::1]x",
        "127.0.0.1:99999", "127.0.0.1:", "engine.internal.evil", "")) {
      Response response = RawHttp.get(port, "/rejections", host);
      assertThat(response.status()).as("Host: " + host).isEqualTo(421);
      assertThat(response.body()).doesNotContain(host.isEmpty() ? "\u0000" : host); // nothing echoed
    }
    assertThat(RawHttp.send(port, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n").status())
        .as("HTTP/1.1 without Host").isEqualTo(400);
  }

  @Test
  void halfSentRequestsDoNotBlockOtherClients() throws Exception {
    start(local());
    int port = server.port();
    for (int i = 0; i < 100; i++) {
      open.add(RawHttp.halfSent(port));
    }
    // every handler thread a half-sent request holds is its own: the others still answer
    assertThat(RawHttp.get(port, "/health", "127.0.0.1").status()).isEqualTo(200);
    SseClient stream = SseClient.connect(server.baseUri().resolve("events"), Map.of());
    open.add(stream::close);
    assertThat(stream.status()).isEqualTo(200);
  }

  @Test
  void aHalfSentRequestIsClosedOnceTheHeaderTimeoutPasses() throws Exception {
    start(local());
    try (Socket stalled = RawHttp.halfSent(server.port())) {
      // the JDK closes it after sun.net.httpserver.maxReqTime; bounded here at three times that
      Duration bound = Duration.ofSeconds(3L * Long.getLong(JdkHttpServerSettings.MAX_REQ_TIME, 10) + 5);
      assertThat(RawHttp.awaitClosedByServer(stalled, bound)).isEmpty();
    }
  }

  @Test
  void oneClientCannotHoldMoreThanItsShareOfRequests() throws IOException {
    start(local().maxRequestsPerClient(2).heartbeatMs(100)); // a heartbeat notices who left
    SseClient first = SseClient.connect(server.baseUri().resolve("events"), Map.of());
    SseClient second = SseClient.connect(server.baseUri().resolve("events"), Map.of());
    open.add(first::close);
    open.add(second::close);
    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);

    Response third = RawHttp.get(server.port(), "/health", "localhost");
    assertThat(third.status()).isEqualTo(429);
    assertThat(third.header("Retry-After")).isEqualTo("1");

    second.close();
    awaitStreams(1);
    assertThat(RawHttp.get(server.port(), "/health", "localhost").status()).isEqualTo(200);
  }

  @Test
  void allowRemoteWithoutTokenStillChecksTheHost() {
    start(local().host("0.0.0.0").allowRemoteWithoutToken(true));
    assertThat(RawHttp.get(server.port(), "/health", "127.0.0.1").status()).isEqualTo(200);
    assertThat(RawHttp.get(server.port(), "/health", "rebound.attacker.example").status()).isEqualTo(421);
  }

  @Test
  void theBearerSchemeIsAcceptedInAnyCaseAndTheHostIsCheckedEvenWithAToken() {
    start(local().token(TOKEN));
    int port = server.port();
    for (String scheme : List.of("Bearer", "bearer", "BEARER", "bEaReR")) {
      assertThat(RawHttp.get(port, "/health", "localhost", "Authorization: " + scheme + " " + TOKEN).status())
          .as(scheme).isEqualTo(200);
    }
    assertThat(RawHttp.get(port, "/health", "localhost", "Authorization: Basic " + TOKEN).status()).isEqualTo(401);
    assertThat(RawHttp.get(port, "/health", "localhost", "Authorization: Bearer" + TOKEN).status()).isEqualTo(401);
    assertThat(RawHttp.get(port, "/health", "localhost", "Authorization: Bearer " + TOKEN.substring(1)).status())
        .isEqualTo(401);
    assertThat(RawHttp.get(port, "/health", "127.evil.example", "Authorization: Bearer " + TOKEN).status())
        .isEqualTo(421);
  }

  @Test
  void oversizedHeadersGet431() {
    start(local());
    Response response = RawHttp.get(server.port(), "/health", "localhost", "X-Padding: " + "a".repeat(20_000));
    assertThat(response.status()).isEqualTo(431);
    Response many = RawHttp.get(server.port(), "/health", "localhost",
        java.util.stream.IntStream.range(0, 150).mapToObj(i -> "X-H" + i + ": v").toArray(String[]::new));
    assertThat(many.status()).isEqualTo(431);
  }

  @Test
  void headIsAnsweredWhereGetIs() {
    start(local());
    int port = server.port();
    for (String path : List.of("/health", "/rejections")) {
      Response get = RawHttp.get(port, path, "localhost");
      Response head = RawHttp.exchange(port, "HEAD", path, "localhost");
      assertThat(head.status()).as(path).isEqualTo(200);
      assertThat(head.body()).as(path).isEmpty();
      assertThat(head.header("Content-Type")).isEqualTo(get.header("Content-Type"));
      assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length()));
    }
    Response events = RawHttp.exchange(port, "HEAD", "/events", "localhost");
    assertThat(events.status()).isEqualTo(200);
    assertThat(events.header("Content-Type")).startsWith("text/event-stream");
    assertThat(events.body()).isEmpty();
    Response post = RawHttp.exchange(port, "POST", "/health", "localhost", "Content-Length: 0");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.header("Allow")).isEqualTo("GET, HEAD");
  }

  private void awaitStreams(int count) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (server.streamingClients() != count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("streams never reached " + count);
      }
      Thread.onSpinWait();
    }
  }
}
