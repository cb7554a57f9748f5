package dev.eventschema.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.EngineSettingsBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;
import dev.eventschema.engine.core.GenerationHandle;
import dev.eventschema.engine.testing.SseClient;
import dev.eventschema.engine.testing.SseClient.Frame;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures (prints, asserts nothing about speed) how many messages per second one SSE client
 * receives: from a flood published straight into the hub, and from the engine generating unpaced.
 *
 * <p>Not part of {@code verify} (tag {@code measurement}); run it with {@code ./mvnw -B verify -pl
 * engine-runtime -am -Dgroups=measurement -DexcludedGroups=}. {@code StreamBurstTest} checks the
 * same deliveries, smaller, in {@code verify}.
 */
@Tag("measurement")
class StreamThroughputTest {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void oneClientReceivesAFloodPublishedIntoTheHub() throws Exception {
    int messages = 100_000;
    try (StreamHub hub = new StreamHub(1000, 1_000_000);
        StreamServer server = StreamServer.start(StreamSettingsBuilder.builder().port(0).build(), hub, Map::of,
            java.util.List::of);
        SseClient client = SseClient.connect(server.baseUri().resolve("events"), Map.of())) {
      assertThat(hub.clientCount()).isEqualTo(1); // connect() returned: the server registered it before answering
      long start = System.nanoTime();
      for (int i = 1; i <= messages; i++) {
        hub.publish("event", "tokenGenerated", Optional.of("g-1"),
            Map.of("model", "harbor-trigram", "token", " word", "logprob", -1.25), Instant.now());
      }
      long published = System.nanoTime();
      String last = String.valueOf(messages);
      client.await(frame -> last.equals(frame.id()), WAIT);
      long received = System.nanoTime();
      System.out.printf("hub flood: %d messages published in %.2f s (%.0f/s); one SSE client received all in %.2f s"
          + " (%.0f messages/s), %d dropped%n", messages, (published - start) / 1e9,
          messages / ((published - start) / 1e9), (received - start) / 1e9, messages / ((received - start) / 1e9),
          hub.droppedFrames());
      assertThat(hub.droppedFrames()).isZero();
    }
  }

  @Test
  void oneClientReceivesTheEngineGeneratingUnpaced() throws Exception {
    EngineConfig config = EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .stream(StreamSettingsBuilder.builder().port(0).clientQueue(1_000_000).build())
        .engine(EngineSettingsBuilder.builder().maxConcurrent(4).maxWaiting(64).build())
        .build();
    try (EmbeddedEngine engine = EmbeddedEngine.start(config);
        SseClient client = SseClient.connect(engine.baseUri().resolve("events"), Map.of())) {
      StreamHub hub = engine.stream().hub();
      assertThat(hub.clientCount()).isEqualTo(1); // connect() returned: the server registered it before answering
      long firstSeq = hub.lastSeq();
      long start = System.nanoTime();
      Deque<GenerationHandle> inFlight = new ArrayDeque<>();
      long tokens = 0;
      for (int i = 0; i < 400; i++) {
        if (inFlight.size() >= 8) {
          tokens += inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS).tokensGenerated();
        }
        inFlight.addLast(engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The harbor town", 2000, 1.5, i)));
      }
      while (!inFlight.isEmpty()) {
        tokens += inFlight.removeFirst().completion().get(30, TimeUnit.SECONDS).tokensGenerated();
      }
      long generated = System.nanoTime();
      long lastSeq = hub.lastSeq();
      String last = String.valueOf(lastSeq);
      Frame lastFrame = client.await(frame -> last.equals(frame.id()), WAIT);
      long received = System.nanoTime();
      long count = lastSeq - firstSeq;
      System.out.printf("engine flood: 400 generations, %d tokens, %d stream messages in %.2f s (%.0f messages/s"
          + " emitted); one SSE client had them all after %.2f s (%.0f messages/s), %d dropped%n", tokens, count,
          (generated - start) / 1e9, count / ((generated - start) / 1e9), (received - start) / 1e9,
          count / ((received - start) / 1e9), hub.droppedFrames());
      assertThat(lastFrame).isNotNull();
    }
  }
}
