package dev.eventschema.events.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.json.JsonOutput;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.data.PojoCloudEventData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One engine's messages as CloudEvents 1.0 (docs/fleet.md has the table). An accepted event becomes
 * a CloudEvent whose {@code type} is its wire name ({@code tokenGenerated}), {@code source} the
 * engine id, {@code id} {@code <engineId>-<seq>}, {@code time} the envelope's, {@code dataschema} the
 * schema's {@code $id} and version, {@code subject} the generation id when there is one, and {@code
 * data} the payload's wire form ({@code application/json}); the stream's {@code seq} rides along as
 * the extension attribute {@value #SEQ_EXTENSION}. A rejection becomes a CloudEvent of type {@value
 * #REJECTION_TYPE} whose data is its {@link RejectionRecord} wire form, and a telemetry snapshot a
 * CloudEvent of type {@value #TELEMETRY_TYPE} whose data is its {@link TelemetrySnapshot} wire form,
 * as the SSE stream sends it.
 *
 * <p>The extension holds {@code seq} as decimal digits: the CloudEvents type system's Integer is 32
 * bits, and an engine at 50,000 events a second passes 2^31 in half a day.
 *
 * <p>Immutable and thread-safe. The data is written to JSON only when the event is serialized (by
 * the Kafka binding's serializer, on the producer's thread), never here.
 */
public final class CloudEventMapping {

  /** The extension attribute that carries the stream's sequence number, as decimal digits. */
  public static final String SEQ_EXTENSION = "seq";

  /** The CloudEvents {@code type} of a rejection; its data is a {@code RejectionRecord}. */
  public static final String REJECTION_TYPE = RejectionRecordValidator.INSTANCE.eventName();

  /** The CloudEvents {@code type} of a telemetry snapshot; its data is a {@code TelemetrySnapshot}. */
  public static final String TELEMETRY_TYPE = TelemetrySnapshotValidator.INSTANCE.eventName();

  /** The {@code datacontenttype} of every event: the data is the payload's JSON wire form. */
  public static final String DATA_CONTENT_TYPE = "application/json";

  /** What the rejections topic is called when not configured: the events topic plus this. */
  public static final String REJECTIONS_TOPIC_SUFFIX = ".rejections";

  /**
   * What an engine id may hold: a short URI reference of unreserved characters, so that it is a
   * valid {@code source} as it is and can be part of {@code id} and of a record key.
   */
  public static final Pattern ENGINE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~-]{0,127}");

  /** A bare factory: the wire form is plain JSON values, which need no databind (and its per-call setup). */
  private static final JsonFactory JSON = new JsonFactory();

  private final String engineId;
  private final URI source;
  /** The last time parsed: an engine stamps many messages within one millisecond. */
  private volatile ParsedTime lastTime = new ParsedTime("", null);

  private record ParsedTime(String text, OffsetDateTime time) {}

  private CloudEventMapping(String engineId) {
    this.engineId = engineId;
    this.source = URI.create(engineId);
  }

  /**
   * The mapping of the engine {@code engineId}.
   *
   * @throws IllegalArgumentException naming the rule when {@code engineId} does not match {@link #ENGINE_ID}
   */
  public static CloudEventMapping forEngine(String engineId) {
    Objects.requireNonNull(engineId, "engineId");
    if (!ENGINE_ID.matcher(engineId).matches()) {
      throw new IllegalArgumentException("engineId must be 1 to 128 letters, digits, '.', '_', '~' or '-', starting"
          + " with a letter or digit, was '" + engineId + "'");
    }
    return new CloudEventMapping(engineId);
  }

  public String engineId() {
    return engineId;
  }

  /**
   * The CloudEvent of an accepted event's envelope.
   *
   * @throws IllegalArgumentException when the envelope's type is not one of the eight engine events
   */
  public CloudEvent event(EventEnvelope envelope) {
    Objects.requireNonNull(envelope, "envelope");
    EventType type = EventType.fromWireName(envelope.type()).orElseThrow(() -> new IllegalArgumentException(
        "not an engine event: '" + envelope.type() + "'; rejections go through rejection(...)"));
    CloudEventBuilder builder = base(envelope.seq(), envelope.time(), type.wireName())
        .withDataSchema(DataSchemas.of(type.validator()))
        .withData(DATA_CONTENT_TYPE, PojoCloudEventData.wrap(envelope.payload(), CloudEventMapping::json));
    envelope.generationId().ifPresent(builder::withSubject);
    return builder.build();
  }

  /**
   * The CloudEvent of a rejection: {@code seq} and {@code time} are the rejection's place in the
   * engine's stream (its sequence is shared with accepted events).
   */
  public CloudEvent rejection(long seq, String time, RejectionRecord record) {
    Objects.requireNonNull(record, "record");
    Map<String, Object> wire = RejectionRecordValidator.INSTANCE.toMap(record);
    return base(seq, time, REJECTION_TYPE)
        .withDataSchema(DataSchemas.of(RejectionRecordValidator.INSTANCE))
        .withData(DATA_CONTENT_TYPE, PojoCloudEventData.wrap(wire, CloudEventMapping::json))
        .build();
  }

  /**
   * The CloudEvent of a telemetry snapshot: {@code seq} and {@code time} are its place in the
   * engine's stream (its sequence is shared with accepted events and rejections).
   */
  public CloudEvent telemetry(long seq, String time, TelemetrySnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    Map<String, Object> wire = TelemetrySnapshotValidator.INSTANCE.toMap(snapshot);
    return base(seq, time, TELEMETRY_TYPE)
        .withDataSchema(DataSchemas.of(TelemetrySnapshotValidator.INSTANCE))
        .withData(DATA_CONTENT_TYPE, PojoCloudEventData.wrap(wire, CloudEventMapping::json))
        .build();
  }

  /**
   * The Kafka record key of an accepted event: its generation id when it has one, so that one
   * generation's events land in one partition in order; else the engine id, so that an engine's
   * other events keep their order too.
   */
  public String key(EventEnvelope envelope) {
    return envelope.generationId().orElse(engineId);
  }

  /** The key of a rejection: the engine id. */
  public String rejectionKey() {
    return engineId;
  }

  /**
   * The key of a telemetry snapshot: the engine id, the key of the engine's events outside a
   * generation, so that its snapshots share their partition and keep their order.
   */
  public String telemetryKey() {
    return engineId;
  }

  /** The CloudEvents {@code id} of the message {@code seq} of this engine. */
  public String id(long seq) {
    return engineId + "-" + seq;
  }

  /** The rejections topic that goes with {@code topic} when none is configured. */
  public static String defaultRejectionsTopic(String topic) {
    return topic + REJECTIONS_TOPIC_SUFFIX;
  }

  private CloudEventBuilder base(long seq, String time, String type) {
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be positive, was " + seq);
    }
    return CloudEventBuilder.v1()
        .withId(id(seq))
        .withSource(source)
        .withType(type)
        .withTime(time(Objects.requireNonNull(time, "time")))
        .withExtension(SEQ_EXTENSION, Long.toString(seq));
  }

  private OffsetDateTime time(String text) {
    ParsedTime last = lastTime;
    if (last.text().equals(text)) {
      return last.time();
    }
    OffsetDateTime parsed = OffsetDateTime.parse(text);
    lastTime = new ParsedTime(text, parsed);
    return parsed;
  }

  private static byte[] json(Map<String, Object> wire) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = JSON.createGenerator(bytes)) {
      JsonOutput.writeValue(wire, generator);
    }
    return bytes.toByteArray();
  }
}
