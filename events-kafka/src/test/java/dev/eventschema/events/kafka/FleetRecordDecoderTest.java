package dev.eventschema.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.Violation;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.ViolationRecord;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The decoder's rejections: each names the field (a pointer into the CloudEvent), the rule and the value. */
class FleetRecordDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final FleetRecordDecoder decoder = new FleetRecordDecoder();

  /** A valid token event as the mapping writes it, to break one attribute at a time. */
  private static Map<String, Object> tokenEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("specversion", "1.0");
    event.put("id", "engine-a-42");
    event.put("source", "engine-a");
    event.put("type", "tokenGenerated");
    event.put("datacontenttype", "application/json");
    event.put("dataschema", "urn:eventschema:tokenGenerated?version=1");
    event.put("subject", "gen-7");
    event.put("time", "2026-11-30T07:04:07.123Z");
    event.put("seq", "42");
    event.put("data", new LinkedHashMap<>(Map.of("model", "harbor-trigram", "token", "keeper", "metadata", Map.of())));
    return event;
  }

  private FleetRecord decode(Map<String, Object> event) throws Exception {
    return decoder.decode(JSON.writeValueAsBytes(event));
  }

  private static RejectionRecord rejectionOf(FleetRecord record) {
    assertThat(record).isInstanceOf(FleetRecord.Invalid.class);
    RejectionRecord rejection = ((FleetRecord.Invalid) record).rejection();
    assertThat(rejection.source()).isEqualTo(Source.CONSUMER);
    return rejection;
  }

  private static List<String> violations(FleetRecord record) {
    return rejectionOf(record).violations().stream()
        .map(v -> v.path() + " " + v.code().wireName() + ": " + v.message()).toList();
  }

  @Test
  void theWellFormedEventIsAccepted() throws Exception {
    assertThat(decode(tokenEvent())).isInstanceOf(FleetRecord.Event.class);
  }

  @Test
  void anUnknownTypeIsRejectedWithASuggestion() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("type", "tokenGenerate");

    FleetRecord record = decode(event);

    assertThat(violations(record)).containsExactly("/type invalid_value: must be one of the engine's event types,"
        + " 'rejection' or 'telemetrySnapshot', was 'tokenGenerate'; did you mean 'tokenGenerated'?");
    assertThat(rejectionOf(record).eventType()).isEqualTo("tokenGenerate");
    assertThat(((FleetRecord.Invalid) record).engineId()).contains("engine-a");
    assertThat(((FleetRecord.Invalid) record).seq()).hasValue(42);
  }

  @Test
  void malformedJsonIsRejectedWithTheTextAsReceived() {
    FleetRecord record = decoder.decode("{\"specversion\": \"1.0\", ".getBytes(StandardCharsets.UTF_8));

    assertThat(violations(record)).singleElement().asString()
        .startsWith(" invalid_type: expected a CloudEvent in structured JSON mode, was not valid JSON (");
    assertThat(rejectionOf(record).payload()).containsEntry("value", "{\"specversion\": \"1.0\", ")
        .containsEntry("bytes", 23L);
    assertThat(((FleetRecord.Invalid) record).engineId()).isEmpty();
  }

  @Test
  void aRawValueIsCutToABound() {
    byte[] huge = ("x".repeat(100_000)).getBytes(StandardCharsets.UTF_8);

    RejectionRecord rejection = rejectionOf(decoder.decode(huge));

    assertThat((String) rejection.payload().get("value")).hasSize(ConsumerRejections.MAX_RAW_CHARS + 3);
  }

  @Test
  void jsonThatIsNotAnObjectIsRejected() {
    assertThat(violations(decoder.decode("[1, 2]".getBytes(StandardCharsets.UTF_8))))
        .containsExactly(" invalid_type: expected a CloudEvent in structured JSON mode (a JSON object), was [...");
  }

  @Test
  void aTombstoneIsRejected() {
    assertThat(violations(decoder.decode(null)))
        .containsExactly(" missing: is required: the record has no value (a tombstone)");
  }

  @Test
  void aPayloadThatBreaksItsSchemaIsRejectedAtItsField() throws Exception {
    Map<String, Object> event = tokenEvent();
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    data.put("logprob", 0.5);
    data.put("model", "");

    FleetRecord record = decode(event);

    assertThat(rejectionOf(record).violations()).extracting(ViolationRecord::path)
        .containsExactlyInAnyOrder("/data/model", "/data/logprob");
    assertThat(violations(record)).anySatisfy(v -> assertThat(v).startsWith("/data/logprob too_big:").contains("0.5"));
    assertThat(rejectionOf(record).payload()).containsEntry("id", "engine-a-42");
  }

  @Test
  void eachMissingRequiredAttributeIsNamed() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.remove("id");
    event.remove("seq");
    event.remove("data");

    assertThat(violations(decode(event))).containsExactly(
        "/id missing: is required: every event of an engine has it",
        "/seq missing: is required: every event of an engine has it",
        "/data missing: is required: the payload travels in data");
  }

  @Test
  void attributesOfTheWrongFormAreNamedWithTheirValue() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("specversion", "0.3");
    event.put("source", "https://engine-a/x");
    event.put("seq", 42);
    event.put("datacontenttype", "text/plain");

    assertThat(violations(decode(event))).containsExactly(
        "/seq invalid_type: must be a string, was 42",
        "/specversion invalid_value: must be '1.0', was '0.3'",
        "/datacontenttype invalid_value: must be 'application/json', was 'text/plain'",
        "/source invalid_format: must be an engine id (1 to 128 letters, digits, '.', '_', '~' or '-'),"
            + " was 'https://engine-a/x'");
  }

  @Test
  void anIdThatDoesNotMatchSourceAndSeqIsRejected() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("id", "engine-b-42");

    assertThat(violations(decode(event)))
        .containsExactly("/id invalid_value: must be 'engine-a-42' (source-seq), was 'engine-b-42'");
  }

  @Test
  void theEnvelopeRulesAreNamedWhereTheCloudEventHoldsThem() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("time", "yesterday");
    event.put("subject", "");

    assertThat(rejectionOf(decode(event)).violations()).extracting(ViolationRecord::path)
        .containsExactlyInAnyOrder("/time", "/subject");
  }

  @Test
  void aSeqThatIsNotAPositiveNumberIsRejected() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("seq", "0");

    assertThat(violations(decode(event)))
        .containsExactly("/seq invalid_format: must be a positive whole number in decimal digits, was '0'");
  }

  @Test
  void anInvalidRejectionRecordIsRejectedToo() throws Exception {
    Map<String, Object> event = tokenEvent();
    event.put("type", "rejection");
    event.remove("subject");
    event.put("data", Map.of("eventType", "x", "source", "elsewhere", "payload", Map.of(), "violations", List.of()));

    assertThat(rejectionOf(decode(event)).violations()).extracting(ViolationRecord::path)
        .containsExactlyInAnyOrder("/data/source", "/data/violations");
  }

  /** A valid telemetry snapshot as the mapping writes it. */
  private static Map<String, Object> telemetryEvent() {
    Map<String, Object> event = tokenEvent();
    event.put("type", "telemetrySnapshot");
    event.put("dataschema", "urn:eventschema:telemetrySnapshot?version=2");
    event.remove("subject");
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("intervalMs", 1000);
    data.put("modelsLoaded", 1);
    data.put("requestsRunning", 0);
    data.put("requestsWaiting", 0);
    data.put("tokensGenerated", 120);
    data.put("tokensPerSecond", 12.5);
    data.put("eventsByType", Map.of("tokenGenerated", 120));
    data.put("rejectionsByType", Map.of());
    data.put("rejectionsByCode", Map.of());
    data.put("subscriberDrops", 0);
    data.put("kafkaEmitted", 130);
    data.put("kafkaDelivered", 128);
    data.put("kafkaDropped", 0);
    event.put("data", data);
    return event;
  }

  @Test
  void aWellFormedTelemetrySnapshotIsAccepted() throws Exception {
    assertThat(decode(telemetryEvent())).isInstanceOfSatisfying(FleetRecord.Telemetry.class, telemetry -> {
      assertThat(telemetry.engineId()).isEqualTo("engine-a");
      assertThat(telemetry.seq()).isEqualTo(42);
      assertThat(telemetry.snapshot().tokensGenerated()).isEqualTo(120);
      assertThat(telemetry.snapshot().kafkaDelivered()).hasValue(128);
    });
  }

  @Test
  void aTelemetrySnapshotThatBreaksItsSchemaIsRejectedNamingFieldRuleAndValue() throws Exception {
    Map<String, Object> event = telemetryEvent();
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) event.get("data");
    data.put("kafkaDropped", -3);
    data.put("tokensPerSecond", "fast");
    data.remove("modelsLoaded");

    FleetRecord record = decode(event);

    assertThat(rejectionOf(record).eventType()).isEqualTo("telemetrySnapshot");
    assertThat(((FleetRecord.Invalid) record).engineId()).contains("engine-a");
    assertThat(violations(record)).hasSize(3).anySatisfy(v -> assertThat(v).startsWith("/data/modelsLoaded missing"))
        .anySatisfy(v -> assertThat(v).startsWith("/data/tokensPerSecond invalid_type").contains("fast"))
        .anySatisfy(v -> assertThat(v).startsWith("/data/kafkaDropped too_small").contains("-3"));
  }

  @Test
  void aMisspelledTelemetryTypeIsRejectedWithASuggestion() throws Exception {
    Map<String, Object> event = telemetryEvent();
    event.put("type", "telemetrySnapshots");

    assertThat(violations(decode(event))).singleElement().asString()
        .endsWith("was 'telemetrySnapshots'; did you mean 'telemetrySnapshot'?");
  }

  @Test
  void atMostTwentyViolationsAreListedAndTheRestCounted() {
    List<Violation> violations = IntStream.range(0, 25)
        .mapToObj(i -> new Violation("/data/k" + i, Violation.Code.INVALID_TYPE, "must be a string, was " + i))
        .toList();

    RejectionRecord rejection = ConsumerRejections.of(tokenEvent(), violations).rejection();

    assertThat(rejection.violations()).hasSize(20);
    assertThat(rejection.violations().get(19).path()).isEqualTo("/data/k19");
    assertThat(rejection.moreViolations()).hasValue(5);
  }
}
