package dev.eventschema.monitor.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeCodec;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns SSE frames into {@link StreamMessage}s, validating the envelope and the payload of every
 * frame with the generated validators. Anything that fails becomes a {@link StreamMessage.Rejection}
 * with source {@code consumer}. Thread-confined to the client thread (stateless but for the mapper).
 */
public final class Decoder {

  /** The type under which a consumer rejection of a broken envelope is shown. */
  public static final String ENVELOPE = "envelope";

  private final ObjectMapper json = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private final WireValidation validation;

  public Decoder(WireValidation validation) {
    this.validation = validation;
  }

  /** The message a frame carries; never {@code null}. */
  public StreamMessage decode(SseFrame frame) {
    Object parsed;
    try {
      parsed = read(frame.data());
    } catch (JsonProcessingException e) {
      return consumer(seqOf(frame), Instant.now(), ENVELOPE, frame.data(),
          List.of(new Violation("", Code.INVALID_TYPE, "expected a JSON envelope, was not valid JSON ("
              + e.getOriginalMessage() + ")")));
    }
    if (!(parsed instanceof Map<?, ?> raw)) {
      return consumer(seqOf(frame), Instant.now(), ENVELOPE, parsed,
          List.of(new Violation("", Code.INVALID_TYPE, "expected a JSON object as the envelope")));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> envelope = (Map<String, Object>) raw;
    return decode(envelope, frame.event(), seqOf(frame));
  }

  /**
   * The message an envelope's wire form carries, checked; never {@code null}.
   *
   * @param frameEvent the SSE {@code event:} field, or {@code "message"} to tell the kind by the type
   * @param fallbackSeq the sequence number to report when the envelope has none
   */
  private StreamMessage decode(Map<String, Object> envelope, String frameEvent, long fallbackSeq) {
    List<Violation> violations = validation.envelope(envelope);
    long seq = envelope.get("seq") instanceof Number n ? n.longValue() : fallbackSeq;
    Instant time = null;
    if (envelope.get("time") instanceof String t) {
      try {
        time = instant(t);
      } catch (DateTimeParseException e) {
        violations = plus(violations, new Violation("/time", Code.INVALID_FORMAT, "must be a real instant, was '" + t + "'"));
      }
    }
    String type = envelope.get("type") instanceof String s ? s : ENVELOPE;
    if (!violations.isEmpty()) {
      return consumer(seq, time == null ? Instant.now() : time, ENVELOPE, envelope, violations);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = (Map<String, Object>) envelope.getOrDefault("payload", Map.of());
    String kind = "message".equals(frameEvent) ? kindOf(type) : frameEvent;
    switch (kind) {
      case "event" -> {
        if (!validation.eventTypes().contains(type)) {
          return consumer(seq, time, ENVELOPE, envelope, List.of(new Violation("/type", Code.INVALID_VALUE,
              "must be one of the engine's event types " + validation.eventTypes() + ", was '" + type + "'")));
        }
        List<Violation> problems = validation.event(type, payload);
        if (!problems.isEmpty()) {
          return consumer(seq, time, type, payload, problems);
        }
        String generationId = envelope.get("generationId") instanceof String g ? g : null;
        String model = payload.get("model") instanceof String m ? m : null;
        return new StreamMessage.Event(seq, time, type, generationId, model, Summaries.of(type, payload), payload);
      }
      case "rejection" -> {
        List<Violation> problems = validation.rejection(payload);
        if (!problems.isEmpty()) {
          return consumer(seq, time, type, payload, problems);
        }
        return new StreamMessage.Rejection(seq, time, String.valueOf(payload.get("eventType")),
            String.valueOf(payload.get("source")), payload.get("payload"), violationsOf(payload.get("violations")));
      }
      case "telemetry" -> {
        List<Violation> problems = validation.telemetry(payload);
        if (!problems.isEmpty()) {
          return consumer(seq, time, type, payload, problems);
        }
        return new StreamMessage.Telemetry(seq, time, telemetryOf(payload));
      }
      case "hello" -> {
        // not a message of the stream: seq 0, so that it never counts in the client's gap accounting
        List<Violation> problems = validation.hello(payload);
        if (!problems.isEmpty()) {
          return consumer(0, time, type, payload, problems);
        }
        @SuppressWarnings("unchecked")
        Map<String, Integer> schemas = (Map<String, Integer>) payload.get("schemas");
        return new StreamMessage.Hello(time, (String) payload.get("engine"), Map.copyOf(schemas));
      }
      case "dropped" -> {
        if (!(payload.get("missed") instanceof Number missed) || missed.longValue() < 0
            || payload.size() != 1) {
          return consumer(seq, time, type, payload,
              List.of(new Violation("/missed", Code.INVALID_TYPE, "expected {\"missed\": n} with n >= 0")));
        }
        return new StreamMessage.Dropped(seq, time, missed.longValue());
      }
      default -> {
        return consumer(seq, time, type, envelope, List.of(new Violation("", Code.INVALID_VALUE,
            "unknown kind of frame 'event: " + frameEvent + "'")));
      }
    }
  }

  /**
   * The frame's JSON. A well-formed envelope (every frame of a healthy engine) is read in one
   * streaming pass by the generated {@code EventEnvelopeCodec}, without Jackson databind's map; its
   * wire form then goes through the checks below like any other, and its payload is already a
   * checked map that they neither walk nor copy again. Anything else is read by Jackson as before,
   * so that a broken frame is shown with the same message.
   */
  private Object read(String data) throws JsonProcessingException {
    if (EventEnvelopeCodec.INSTANCE.read(data) instanceof ParseResult.Valid<EventEnvelope> valid) {
      return EventEnvelopeValidator.INSTANCE.toMap(valid.value());
    }
    return json.readValue(data, Object.class);
  }

  private String lastTimeText;
  private Instant lastTime;

  /** Parses the envelope's time, remembering the last one (many messages share a millisecond). */
  private Instant instant(String text) {
    if (!text.equals(lastTimeText)) {
      lastTime = Instant.parse(text);
      lastTimeText = text;
    }
    return lastTime;
  }

  private static String kindOf(String type) {
    return switch (type) {
      case "rejection" -> "rejection";
      case "telemetrySnapshot" -> "telemetry";
      case "dropped" -> "dropped";
      case "hello" -> "hello";
      default -> "event";
    };
  }

  private static StreamMessage.Rejection consumer(long seq, Instant time, String type, Object payload,
      List<Violation> violations) {
    return new StreamMessage.Rejection(seq, time, type, StreamMessage.Rejection.CONSUMER, payload, violations);
  }

  private static long seqOf(SseFrame frame) {
    try {
      return frame.id() == null ? 0 : Long.parseLong(frame.id().trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static List<Violation> plus(List<Violation> list, Violation v) {
    List<Violation> all = new ArrayList<>(list);
    all.add(v);
    return all;
  }

  static List<Violation> violationsOf(Object wire) {
    List<Violation> out = new ArrayList<>();
    if (wire instanceof List<?> list) {
      for (Object item : list) {
        if (item instanceof Map<?, ?> m) {
          Code code;
          try {
            code = Code.fromWireName(String.valueOf(m.get("code")));
          } catch (IllegalArgumentException unknown) {
            code = Code.INVALID_VALUE;
          }
          out.add(new Violation(String.valueOf(m.get("path")), code, String.valueOf(m.get("message"))));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * The values of a {@code telemetrySnapshot}'s wire form, already checked by its validator: what an
   * SSE frame of it becomes, and what the fleet's consumer makes of a snapshot read from Kafka.
   */
  public static StreamMessage.TelemetryValues telemetryOf(Map<String, Object> p) {
    return new StreamMessage.TelemetryValues(
        longOf(p.get("intervalMs")), (int) longOf(p.get("modelsLoaded")), (int) longOf(p.get("requestsRunning")),
        (int) longOf(p.get("requestsWaiting")), longOf(p.get("tokensGenerated")), doubleOf(p.get("tokensPerSecond")),
        p.get("timeToFirstTokenP50Ms") instanceof Number n ? n.doubleValue() : Double.NaN,
        p.get("timeToFirstTokenP95Ms") instanceof Number n ? n.doubleValue() : Double.NaN,
        counts(p.get("eventsByType")), counts(p.get("rejectionsByType")), counts(p.get("rejectionsByCode")),
        longOf(p.get("subscriberDrops")), countOrAbsent(p.get("kafkaEmitted")),
        countOrAbsent(p.get("kafkaDelivered")), countOrAbsent(p.get("kafkaDropped")));
  }

  /** A count the snapshot may leave out (an engine without a Kafka sink): -1 when absent. */
  private static long countOrAbsent(Object value) {
    return value instanceof Number n ? n.longValue() : -1;
  }

  private static Map<String, Long> counts(Object wire) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (wire instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), longOf(v)));
    }
    return out;
  }

  private static long longOf(Object o) {
    return o instanceof Number n ? n.longValue() : 0;
  }

  private static double doubleOf(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0;
  }
}
