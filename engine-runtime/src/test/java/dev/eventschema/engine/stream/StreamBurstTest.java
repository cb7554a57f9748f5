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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * A client that keeps up receives a burst whole, in order and without a drop: published straight
 * into the hub, and from the engine generating unpaced. The measured versions, with the rates, are in
 * {@code StreamThroughputTest} (tag {@code measurement}).
 */
class StreamBurstTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Test
  void oneClientReceivesABurstPublishedIntoTheHubWholeAndInOrder() throws Exception {
    int messages = 5_000;
    try (StreamHub hub = new StreamHub(1000, messages);
        StreamServer server = StreamServer.start(StreamSettingsBuilder.builder().port(0).build(), hub, Map::of,
            List::of);
        SseClient client = SseClient.connect(server.baseUri().resolve("events"), Map.of())) {
      assertThat(hub.clientCount()).isEqualTo(1); // connect() returned: the server registered it before answering
      for (int i = 1; i <= messages; i++) {
        hub.publish("event", "tokenGenerated", Optional.of("g-1"),
            Map.of("model", "harbor-trigram", "token", " word" + i, "logprob", -1.25), Instant.now());
      }
      String last = String.valueOf(messages);
      List<Frame> received = client.eventsUntil(frame -> last.equals(frame.id()), WAIT);

      assertThat(received).hasSize(messages);
      assertThat(received).extracting(Frame::id)
          .isEqualTo(IntStream.rangeClosed(1, messages).mapToObj(String::valueOf).toList());
      assertThat(hub.droppedFrames()).isZero();
    }
  }

  @Test
  void oneClientReceivesEveryMessageOfTheEngineGeneratingUnpaced() throws Exception {
    EngineConfig config = EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .stream(StreamSettingsBuilder.builder().port(0).clientQueue(100_000).build())
        .engine(EngineSettingsBuilder.builder().maxConcurrent(4).maxWaiting(64).build())
        .build();
    try (EmbeddedEngine engine = EmbeddedEngine.start(config);
        SseClient client = SseClient.connect(engine.baseUri().resolve("events"), Map.of())) {
      StreamHub hub = engine.stream().hub();
      assertThat(hub.clientCount()).isEqualTo(1);
      long firstSeq = hub.lastSeq();
      List<GenerationHandle> generations = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        generations.add(engine.engine().generate(
            GenerationRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, "The harbor town", 200, 1.5, i)));
      }
      for (GenerationHandle generation : generations) {
        generation.completion().get(30, TimeUnit.SECONDS);
      }
      String last = String.valueOf(hub.lastSeq());
      List<Frame> received = client.eventsUntil(frame -> last.equals(frame.id()), WAIT);

      // the hub numbers every message it publishes (events, telemetry) in the frames' ids
      List<Long> ids = received.stream().filter(frame -> frame.id() != null).map(frame -> Long.parseLong(frame.id()))
          .filter(id -> id > firstSeq).toList();
      assertThat(ids).isEqualTo(LongStream.rangeClosed(firstSeq + 1, Long.parseLong(last)).boxed().toList());
      assertThat(hub.droppedFrames()).isZero();
    }
  }
}
