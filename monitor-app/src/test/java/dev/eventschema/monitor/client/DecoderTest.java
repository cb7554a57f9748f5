package dev.eventschema.monitor.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import org.junit.jupiter.api.Test;

/** The dashboard's own validation of what it receives, with the engine's generated validators. */
class DecoderTest {

  private final Decoder decoder = new Decoder(GeneratedValidation.INSTANCE);

  private StreamMessage decode(String event, String data) {
    return decoder.decode(new SseFrame(event, null, data));
  }

  @Test
  void aHelloBecomesAHelloWithSeqZeroAndABrokenOneARejection() {
    StreamMessage hello = decode("hello", """
        {"seq": 7, "time": "2026-01-02T03:04:05.678Z", "type": "hello",
         "payload": {"engine": "e-1", "schemas": {"envelope": 1, "tokenGenerated": 4}}}""");
    assertThat(hello).isInstanceOfSatisfying(StreamMessage.Hello.class, h -> {
      assertThat(h.seq()).isZero();
      assertThat(h.engine()).isEqualTo("e-1");
      assertThat(h.schemas()).containsEntry("tokenGenerated", 4).hasSize(2);
    });

    StreamMessage broken = decode("hello", """
        {"seq": 7, "time": "2026-01-02T03:04:05.678Z", "type": "hello",
         "payload": {"engine": "e-1", "schemas": {"tokenGenerated": 0}}}""");
    assertThat(broken).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.seq()).isZero();
      assertThat(r.source()).isEqualTo("consumer");
      assertThat(r.firstViolation().path()).isEqualTo("/schemas/tokenGenerated");
    });
  }

  @Test
  void aValidEventBecomesAnEventWithASummary() {
    StreamMessage m = decode("event", """
        {"seq": 5, "time": "2026-01-02T03:04:05.678Z", "type": "tokenGenerated", "generationId": "g-1",
         "payload": {"model": "tiny", "token": "Hello", "logprob": -0.5}}""");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Event.class, e -> {
      assertThat(e.seq()).isEqualTo(5);
      assertThat(e.type()).isEqualTo("tokenGenerated");
      assertThat(e.generationId()).isEqualTo("g-1");
      assertThat(e.model()).isEqualTo("tiny");
      assertThat(e.summary()).contains("Hello").contains("-0.500");
    });
  }

  @Test
  void anInvalidPayloadBecomesAConsumerRejectionWithEveryViolation() {
    StreamMessage m = decode("event", """
        {"seq": 6, "time": "2026-01-02T03:04:05.678Z", "type": "generationCompleted",
         "payload": {"model": "tiny", "tokensGenerated": -3, "durationMs": "fast", "extra": 1}}""");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.source()).isEqualTo("consumer");
      assertThat(r.eventType()).isEqualTo("generationCompleted");
      assertThat(r.violations()).extracting(Violation::path).contains("/tokensGenerated", "/durationMs", "/extra");
      assertThat(r.violations()).extracting(Violation::code).contains(Code.TOO_SMALL, Code.INVALID_TYPE,
          Code.UNRECOGNIZED_KEYS);
    });
  }

  @Test
  void aBrokenEnvelopeIsRejected() {
    StreamMessage m = decode("event", """
        {"seq": 0, "time": "yesterday", "type": "tokenGenerated", "payload": {}}""");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.eventType()).isEqualTo(Decoder.ENVELOPE);
      assertThat(r.violations()).extracting(Violation::path).contains("/seq", "/time");
    });
  }

  @Test
  void notJsonIsRejectedWithTheRawText() {
    StreamMessage m = decode("event", "{not json");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.payload()).isEqualTo("{not json");
      assertThat(r.violations()).singleElement().extracting(Violation::code).isEqualTo(Code.INVALID_TYPE);
    });
  }

  @Test
  void anUnknownEventTypeIsRejected() {
    StreamMessage m = decode("event", """
        {"seq": 9, "time": "2026-01-02T03:04:05Z", "type": "modelExploded", "payload": {}}""");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Rejection.class,
        r -> assertThat(r.violations()).extracting(Violation::path).containsExactly("/type"));
  }

  @Test
  void readsEngineRejectionsTelemetryAndDropped() {
    StreamMessage rejection = decode("rejection", """
        {"seq": 10, "time": "2026-01-02T03:04:05Z", "type": "rejection", "payload": {"eventType": "modelLoaded",
         "source": "runtime", "payload": {"model": ""}, "violations": [
           {"path": "/model", "code": "too_small", "message": "must not be empty"},
           {"path": "/modelPath", "code": "missing", "message": "is required"}]}}""");
    assertThat(rejection).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.source()).isEqualTo("runtime");
      assertThat(r.violations()).extracting(Violation::code).containsExactly(Code.TOO_SMALL, Code.MISSING);
    });
    StreamMessage telemetry = decode("telemetry", """
        {"seq": 11, "time": "2026-01-02T03:04:06Z", "type": "telemetrySnapshot", "payload": {"intervalMs": 1000,
         "modelsLoaded": 1, "requestsRunning": 2, "requestsWaiting": 0, "tokensGenerated": 500,
         "tokensPerSecond": 42.5, "timeToFirstTokenP50Ms": 12.0, "eventsByType": {"tokenGenerated": 500},
         "rejectionsByType": {}, "rejectionsByCode": {}, "subscriberDrops": 0}}""");
    assertThat(telemetry).isInstanceOfSatisfying(StreamMessage.Telemetry.class, t -> {
      assertThat(t.values().tokensPerSecond()).isEqualTo(42.5);
      assertThat(t.values().ttftP50Ms()).isEqualTo(12.0);
      assertThat(t.values().ttftP95Ms()).isNaN();
      assertThat(t.values().kafkaEmitted()).isEqualTo(-1); // an engine without a Kafka sink
    });
    StreamMessage withKafka = decode("telemetry", """
        {"seq": 12, "time": "2026-01-02T03:04:06Z", "type": "telemetrySnapshot", "payload": {"intervalMs": 1000,
         "modelsLoaded": 1, "requestsRunning": 0, "requestsWaiting": 0, "tokensGenerated": 500,
         "tokensPerSecond": 0, "eventsByType": {}, "rejectionsByType": {}, "rejectionsByCode": {},
         "subscriberDrops": 0, "kafkaEmitted": 90, "kafkaDelivered": 80, "kafkaDropped": 7}}""");
    assertThat(withKafka).isInstanceOfSatisfying(StreamMessage.Telemetry.class, t -> {
      assertThat(t.values().kafkaEmitted()).isEqualTo(90);
      assertThat(t.values().kafkaDelivered()).isEqualTo(80);
      assertThat(t.values().kafkaDropped()).isEqualTo(7);
    });
    StreamMessage dropped = decode("dropped", """
        {"seq": 40, "time": "2026-01-02T03:04:07Z", "type": "dropped", "payload": {"missed": 28}}""");
    assertThat(dropped).isEqualTo(new StreamMessage.Dropped(40, java.time.Instant.parse("2026-01-02T03:04:07Z"), 28));
  }

  @Test
  void anInvalidTelemetrySnapshotIsRejectedNotCharted() {
    StreamMessage m = decode("telemetry", """
        {"seq": 12, "time": "2026-01-02T03:04:06Z", "type": "telemetrySnapshot", "payload": {"intervalMs": -1}}""");
    assertThat(m).isInstanceOfSatisfying(StreamMessage.Rejection.class, r -> {
      assertThat(r.source()).isEqualTo("consumer");
      assertThat(r.eventType()).isEqualTo("telemetrySnapshot");
    });
  }
}
