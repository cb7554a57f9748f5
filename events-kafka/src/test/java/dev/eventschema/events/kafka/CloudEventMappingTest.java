package dev.eventschema.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeBuilder;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.RejectionRecordBuilder;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotBuilder;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.engine.events.TokenGeneratedEventValidator;
import dev.eventschema.engine.events.ViolationRecord;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.events.testing.Payloads;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class CloudEventMappingTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  private final CloudEventMapping mapping = CloudEventMapping.forEngine("engine-a");
  private final FleetRecordDecoder decoder = new FleetRecordDecoder();

  static EventEnvelope tokenEnvelope(long seq, String generationId) {
    EventEnvelopeBuilder envelope = EventEnvelopeBuilder.builder()
        .seq(seq)
        .time("2026-11-30T07:04:07.123Z")
        .type(EventType.TOKEN_GENERATED.wireName())
        .payload(EventType.TOKEN_GENERATED.toMap(Events.token("harbor-trigram", "keeper")));
    if (generationId != null) {
      envelope.generationId(generationId);
    }
    return envelope.build();
  }

  static RejectionRecord rejectionRecord() {
    return RejectionRecordBuilder.builder()
        .eventType("tokenGenerated")
        .source(Source.RUNTIME)
        .payload(Payloads.map("model", "", "token", "x"))
        .violations(List.of(ViolationRecord.of(new Violation("/model", Violation.Code.TOO_SMALL,
            "must have at least 1 character, was ''"))))
        .build();
  }

  static TelemetrySnapshot snapshot() {
    return TelemetrySnapshotBuilder.builder()
        .intervalMs(1000)
        .modelsLoaded(2)
        .requestsRunning(1)
        .requestsWaiting(0)
        .tokensGenerated(1234)
        .tokensPerSecond(56.5)
        .timeToFirstTokenP50Ms(12.25)
        .timeToFirstTokenP95Ms(40.0)
        .eventsByType(Map.of("tokenGenerated", 1234L, "generationStarted", 9L))
        .rejectionsByType(Map.of("tokenGenerated", 3L))
        .rejectionsByCode(Map.of("too_small", 3L))
        .subscriberDrops(0)
        .kafkaEmitted(1250)
        .kafkaDelivered(1240)
        .kafkaDropped(4)
        .build();
  }

  @Test
  void anAcceptedEventHasTheAttributesOfTheMappingTable() throws Exception {
    CloudEvent event = mapping.event(tokenEnvelope(42, "gen-7"));

    assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
    assertThat(event.getType()).isEqualTo("tokenGenerated");
    assertThat(event.getSource()).isEqualTo(URI.create("engine-a"));
    assertThat(event.getId()).isEqualTo("engine-a-42");
    assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse("2026-11-30T07:04:07.123Z"));
    assertThat(event.getDataSchema()).isEqualTo(
        URI.create("urn:eventschema:tokenGenerated?version=" + TokenGeneratedEventValidator.INSTANCE.version()));
    assertThat(event.getSubject()).isEqualTo("gen-7");
    assertThat(event.getDataContentType()).isEqualTo("application/json");
    assertThat(event.getExtension("seq")).isEqualTo("42");
    assertThat(JSON.readValue(event.getData().toBytes(), Map.class))
        .isEqualTo(EventType.TOKEN_GENERATED.toMap(Events.token("harbor-trigram", "keeper")));
  }

  @Test
  void anEventWithoutAGenerationHasNoSubjectAndIsKeyedByTheEngine() {
    EventEnvelope envelope = tokenEnvelope(3, null);

    assertThat(mapping.event(envelope).getSubject()).isNull();
    assertThat(mapping.key(envelope)).isEqualTo("engine-a");
    assertThat(mapping.key(tokenEnvelope(4, "gen-7"))).isEqualTo("gen-7");
    assertThat(mapping.rejectionKey()).isEqualTo("engine-a");
  }

  @Test
  void aRejectionIsACloudEventOfTypeRejectionWithItsRecordAsData() throws Exception {
    CloudEvent event = mapping.rejection(9, "2026-11-30T07:04:08Z", rejectionRecord());

    assertThat(event.getType()).isEqualTo("rejection");
    assertThat(event.getId()).isEqualTo("engine-a-9");
    assertThat(event.getDataSchema().toString()).startsWith("urn:eventschema:rejection?version=");
    assertThat(JSON.readValue(event.getData().toBytes(), Map.class)).containsEntry("eventType", "tokenGenerated")
        .containsEntry("source", "runtime");
  }

  @Test
  void aTelemetrySnapshotIsACloudEventOfItsOwnTypeKeyedByTheEngine() throws Exception {
    CloudEvent event = mapping.telemetry(17, "2026-11-30T07:04:09.500Z", snapshot());

    assertThat(event.getType()).isEqualTo("telemetrySnapshot");
    assertThat(event.getSource()).isEqualTo(URI.create("engine-a"));
    assertThat(event.getId()).isEqualTo("engine-a-17");
    assertThat(event.getExtension("seq")).isEqualTo("17");
    assertThat(event.getSubject()).isNull();
    assertThat(event.getDataSchema()).isEqualTo(URI.create("urn:eventschema:telemetrySnapshot?version="
        + TelemetrySnapshotValidator.INSTANCE.version()));
    assertThat(JSON.readValue(event.getData().toBytes(), Map.class)).containsEntry("tokensGenerated", 1234)
        .containsEntry("kafkaDropped", 4);
    assertThat(mapping.telemetryKey()).isEqualTo("engine-a").isEqualTo(mapping.key(tokenEnvelope(1, null)));
  }

  @Test
  void aTelemetrySnapshotSurvivesTheKafkaBindingsStructuredSerializerAndTheDecoderUnchanged() {
    try (CloudEventSerializer serializer = new CloudEventSerializer()) {
      serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED",
          CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
      byte[] value = serializer.serialize("events", new RecordHeaders(),
          mapping.telemetry(17, "2026-11-30T07:04:09.500Z", snapshot()));

      assertThat(decoder.decode(value)).isInstanceOfSatisfying(FleetRecord.Telemetry.class, telemetry -> {
        assertThat(telemetry.engineId()).isEqualTo("engine-a");
        assertThat(telemetry.seq()).isEqualTo(17);
        assertThat(Instant.parse(telemetry.time())).isEqualTo(Instant.parse("2026-11-30T07:04:09.500Z"));
        assertThat(telemetry.snapshot()).isEqualTo(snapshot());
      });
    }
  }

  @Test
  void aSnapshotOfAnEngineWithoutASinkRoundTripsWithoutItsKafkaCounts() {
    TelemetrySnapshot withoutSink = TelemetrySnapshotBuilder.builder().intervalMs(0).modelsLoaded(0)
        .requestsRunning(0).requestsWaiting(0).tokensGenerated(0).tokensPerSecond(0).eventsByType(Map.of())
        .rejectionsByType(Map.of()).rejectionsByCode(Map.of()).subscriberDrops(0).build();

    FleetRecord received = decoder.decode(FORMAT.serialize(mapping.telemetry(1, "2026-11-30T07:04:07Z", withoutSink)));

    assertThat(received).isInstanceOfSatisfying(FleetRecord.Telemetry.class, telemetry -> {
      assertThat(telemetry.snapshot()).isEqualTo(withoutSink);
      assertThat(telemetry.snapshot().kafkaDropped()).isEmpty();
      assertThat(telemetry.snapshot().timeToFirstTokenP50Ms()).isEmpty();
    });
  }

  @Test
  void anEventSurvivesTheJsonFormatAndTheDecoderUnchanged() {
    EventEnvelope sent = tokenEnvelope(42, "gen-7");

    FleetRecord received = decoder.decode(FORMAT.serialize(mapping.event(sent)));

    assertThat(received).isInstanceOfSatisfying(FleetRecord.Event.class, event -> {
      assertThat(event.engineId()).isEqualTo("engine-a");
      assertThat(event.type()).isEqualTo(EventType.TOKEN_GENERATED);
      assertThat(event.envelope().seq()).isEqualTo(42);
      assertThat(event.envelope().generationId()).contains("gen-7");
      assertThat(Instant.parse(event.envelope().time())).isEqualTo(Instant.parse(sent.time()));
      assertThat(event.envelope().payload()).isEqualTo(sent.payload());
      assertThat(event.event()).isEqualTo(Events.token("harbor-trigram", "keeper"));
    });
  }

  @Test
  void everyEngineEventTypeRoundTrips() {
    List<Object> events = List.of(Events.modelLoaded("m"), Events.modelUnloaded("m"), Events.modelInvalidated("m"),
        Events.generationStarted("m"), Events.token("m", "t"), Events.generationCompleted("m", 3, 12.5),
        Events.error(dev.eventschema.engine.events.ErrorCode.TIMEOUT, "slow"),
        Events.runtimeStatus(dev.eventschema.engine.events.RuntimeStatus.READY, 1));
    long seq = 1;
    for (Object value : events) {
      EventType type = EventType.of(value);
      EventEnvelope envelope = EventEnvelopeBuilder.builder().seq(seq++).time("2026-11-30T07:04:07Z")
          .type(type.wireName()).payload(type.toMap(value)).build();

      FleetRecord received = decoder.decode(FORMAT.serialize(mapping.event(envelope)));

      assertThat(received).as(type.wireName()).isInstanceOfSatisfying(FleetRecord.Event.class,
          event -> assertThat(event.event()).isEqualTo(value));
    }
  }

  @Test
  void aRejectionSurvivesTheKafkaBindingsStructuredSerializer() {
    try (CloudEventSerializer serializer = new CloudEventSerializer()) {
      serializer.configure(Map.of(CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED",
          CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE), false);
      RecordHeaders headers = new RecordHeaders();
      byte[] value = serializer.serialize("events.rejections", headers,
          mapping.rejection(9, "2026-11-30T07:04:08Z", rejectionRecord()));

      assertThat(new String(headers.lastHeader("content-type").value())).startsWith(JsonFormat.CONTENT_TYPE);
      assertThat(decoder.decode(value)).isInstanceOfSatisfying(FleetRecord.EngineRejection.class, rejection -> {
        assertThat(rejection.engineId()).isEqualTo("engine-a");
        assertThat(rejection.seq()).isEqualTo(9);
        assertThat(rejection.rejection()).isEqualTo(rejectionRecord());
      });
    }
  }

  @Test
  void anEngineIdMustBeAUriReferenceOfUnreservedCharacters() {
    assertThat(CloudEventMapping.forEngine("engine-a.eu_1~x").engineId()).isEqualTo("engine-a.eu_1~x");
    assertThatThrownBy(() -> CloudEventMapping.forEngine("engine a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("engineId must be 1 to 128 letters, digits, '.', '_', '~' or '-', starting with a letter or digit,"
            + " was 'engine a'");
    assertThatThrownBy(() -> CloudEventMapping.forEngine("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CloudEventMapping.forEngine("x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyEngineEventsAndPositiveSequenceNumbersAreMapped() {
    EventEnvelope hello = EventEnvelopeBuilder.builder().seq(1).time("2026-11-30T07:04:07Z").type("hello")
        .payload(Map.of()).build();

    assertThatThrownBy(() -> mapping.event(hello)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hello'");
    assertThatThrownBy(() -> mapping.rejection(0, "2026-11-30T07:04:07Z", rejectionRecord()))
        .hasMessage("seq must be positive, was 0");
    assertThatThrownBy(() -> mapping.telemetry(0, "2026-11-30T07:04:07Z", snapshot()))
        .hasMessage("seq must be positive, was 0");
  }

  @Test
  void theRejectionsTopicDefaultsToTheEventsTopicWithASuffix() {
    assertThat(CloudEventMapping.defaultRejectionsTopic("engine-events")).isEqualTo("engine-events.rejections");
  }
}
