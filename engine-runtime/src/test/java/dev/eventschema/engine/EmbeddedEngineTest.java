package dev.eventschema.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.ParseResult;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.EngineSettingsBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.core.GenerationResult;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.stream.EventStream;
import dev.eventschema.engine.testing.SseClient;
import dev.eventschema.engine.testing.SseClient.Frame;
import dev.eventschema.engine.testing.Threads;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  /** How long the stalled-client test may flood, and then wait for the client to catch up (each). */
  private static final Duration FLOOD_LIMIT = Duration.ofSeconds(20);

  private static URI events(EmbeddedEngine engine) {
    return engine.baseUri().resolve("events");
  }

  @Test
  void aGenerationsEventsReachAStreamClientInOrderAndConcurrentOnesAreToldApart() throws Exception {
    try (EmbeddedEngine engine = EmbeddedEngine.start(EmbeddedEngine.freePortsConfig());
        SseClient client = SseClient.connect(events(engine), Map.of("Last-Event-ID", "0"))) {
      // the whole history so far: the engine's first status, then the model loaded
      Frame first = client.nextEvent(WAIT);
      assertThat(first.type()).isEqualTo("runtimeStatus");
      assertThat(first.payload()).containsEntry("status", "ready");
      assertThat(client.await(f -> "modelLoaded".equals(f.type()), WAIT).payload())
          .containsEntry("model", EmbeddedEngine.DEFAULT_MODEL_ID);

      GenerationHandle a = engine.engine().generate(
          GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The keeper", 40, 1.0, 1).paced(500));
      GenerationHandle b = engine.engine().generate(
          GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The river", 40, 1.0, 2).paced(500));
      GenerationResult resultA = a.completion().get(30, TimeUnit.SECONDS);
      GenerationResult resultB = b.completion().get(30, TimeUnit.SECONDS);

      Set<String> open = new java.util.HashSet<>(Set.of(a.id(), b.id()));
      List<Frame> frames = client.eventsUntil(f -> {
        if ("generationCompleted".equals(f.type())) {
          open.remove((String) f.json().get("generationId"));
        }
        return open.isEmpty();
      }, WAIT);

      long previous = first.seq();
      for (Frame frame : frames) {
        assertThat(frame.seq()).isGreaterThan(previous); // strictly increasing on the wire
        assertThat(frame.id()).isEqualTo(String.valueOf(frame.seq()));
        previous = frame.seq();
        ParseResult<?> envelope = EventEnvelopeValidator.INSTANCE.parse(frame.json());
        assertThat(envelope.violations()).isEmpty();
        if (frame.event().equals("event")) {
          assertThat(EventType.fromWireName(frame.type()).orElseThrow().parse(frame.payload()).violations()).isEmpty();
        }
      }
      for (var entry : Map.of(a.id(), resultA, b.id(), resultB).entrySet()) {
        List<Frame> own = frames.stream().filter(f -> entry.getKey().equals(f.json().get("generationId"))).toList();
        assertThat(own.get(0).type()).isEqualTo("generationStarted");
        assertThat(own.get(own.size() - 1).type()).isEqualTo("generationCompleted");
        List<Frame> tokens = own.subList(1, own.size() - 1);
        assertThat(tokens).allSatisfy(f -> assertThat(f.type()).isEqualTo("tokenGenerated"));
        assertThat(tokens.stream().map(f -> (String) f.payload().get("token")).collect(Collectors.joining()))
            .isEqualTo(entry.getValue().text());
        assertThat(((Number) own.get(own.size() - 1).payload().get("tokensGenerated")).longValue())
            .isEqualTo(entry.getValue().tokensGenerated());
      }
    }
  }

  @Test
  void aStalledClientNeverSlowsTheEngineMissesFramesAndIsToldHowMany() throws Exception {
    EngineConfig config = EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .stream(StreamSettingsBuilder.builder().port(0).clientQueue(64).build())
        .engine(EngineSettingsBuilder.builder().maxConcurrent(4).maxWaiting(64).build())
        .build();
    try (EmbeddedEngine engine = EmbeddedEngine.start(config);
        SseClient stalled = SseClient.stalled(events(engine), Map.of())) {
      EventStream stream = engine.stream();
      // unpaced generations while the client reads nothing, until the stream drops frames for it
      Deque<GenerationHandle> inFlight = new ArrayDeque<>();
      long deadline = System.nanoTime() + FLOOD_LIMIT.toNanos();
      int generations = 0;
      while (stream.hub().droppedFrames() == 0) {
        assertThat(System.nanoTime()).as("no frame dropped for the stalled client after %d generations", generations)
            .isLessThan(deadline);
        if (inFlight.size() >= 8) {
          inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS);
        }
        inFlight.addLast(engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The harbor town", 2000, 1.5, generations++)));
      }
      while (!inFlight.isEmpty()) {
        inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS); // the engine was never held up
      }
      // the stream's drops are counted with the engine's subscriber drops, which telemetry reports
      assertThat(engine.emitter().subscriberStats().drops()).isPositive();

      stalled.startReading();
      Frame notice = stalled.await(f -> "dropped".equals(f.event()), WAIT);
      assertThat(((Number) notice.payload().get("missed")).longValue()).isPositive();

      // the client catches up with the live stream after its gaps: a later generation reaches it whole
      boolean caughtUp = false;
      long catchUpDeadline = System.nanoTime() + FLOOD_LIMIT.toNanos();
      for (int i = 0; !caughtUp && System.nanoTime() < catchUpDeadline; i++) {
        GenerationHandle after = engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The sea", 5, 1.0, i));
        after.completion().get(30, TimeUnit.SECONDS);
        caughtUp = stalled.awaitOrNull(f -> "generationCompleted".equals(f.type())
            && after.id().equals(f.json().get("generationId")), Duration.ofSeconds(5)) != null;
      }
      assertThat(caughtUp).isTrue();
    }
  }

  @Test
  void theDemoStreamsEventsRejectionsAndTelemetryThenShutsDownCleanly() throws Exception {
    Set<Thread> before = Threads.snapshot();
    EmbeddedEngine engine = EmbeddedEngine.startDemo(0.3);
    SseClient client = SseClient.connect(events(engine), Map.of());
    try {
      assertThat(client.await(f -> "tokenGenerated".equals(f.type()), WAIT)).isNotNull();
      Frame rejection = client.await(f -> "rejection".equals(f.event()), WAIT);
      assertThat(rejection.payload()).containsEntry("source", "runtime");
      assertThat((List<?>) rejection.payload().get("violations")).isNotEmpty();
      Frame telemetry = client.await(f -> "telemetry".equals(f.event()), WAIT);
      assertThat(telemetry.type()).isEqualTo("telemetrySnapshot");
      assertThat(telemetry.payload()).containsKeys("tokensGenerated", "eventsByType", "rejectionsByCode");

      try (HttpClient http = HttpClient.newHttpClient()) {
        String metrics = http.send(HttpRequest.newBuilder(engine.metricsUri().orElseThrow()).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("eventschema_generation_tokens_total", "eventschema_events_rejected_total");
        String health = http.send(HttpRequest.newBuilder(engine.baseUri().resolve("health")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(health).contains("\"modelsLoaded\"");
        String rejections = http.send(HttpRequest.newBuilder(engine.baseUri().resolve("rejections")).build(),
            HttpResponse.BodyHandlers.ofString()).body();
        assertThat(rejections).startsWith("[{").contains("\"source\":\"runtime\"");
      }
    } finally {
      engine.close();
    }
    // the stream's last message is the final status, then the server ends the stream
    List<Frame> rest = client.eventsUntil(f -> "eof".equals(f.event()), WAIT);
    List<Frame> messages = new ArrayList<>(rest.subList(0, rest.size() - 1));
    Frame last = messages.get(messages.size() - 1);
    assertThat(last.type()).isEqualTo("runtimeStatus");
    assertThat(last.payload()).containsEntry("status", "shutdown").containsEntry("activeTasks", 0);
    client.close();
    assertThat(Threads.leakedSince(before, Duration.ofSeconds(15))).isEmpty();
  }
}
