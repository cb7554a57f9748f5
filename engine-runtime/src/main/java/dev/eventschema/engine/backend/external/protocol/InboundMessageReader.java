package dev.eventschema.engine.backend.external.protocol;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns one line of the runtime's stdout into an {@link InboundMessage}. Every problem becomes a
 * {@link InboundMessage.Rejected} with all its violations; nothing here throws, so a bad line can
 * never stop the reader thread.
 *
 * <p>A valid notification (every token is one) is read in one streaming pass by its generated
 * codec, {@code RpcNotificationCodec}: no Jackson databind map, and its {@code params} come out as
 * an already-checked map, which the params' validator reads without copying. Anything else (a
 * response, a line that breaks the protocol) is read as before: JSON by Jackson into plain maps and
 * lists, floats as written, then the envelope and the params through their generated validators.
 * So a rejection carries the message as received and the same violations as ever, and a duplicate
 * key or trailing text stays "not JSON".
 *
 * <p>Thread-safe (stateless after construction).
 */
public final class InboundMessageReader {

  /**
   * The message type of a line that is not a JSON object, that is neither notification nor response,
   * or whose method is not one of {@link #METHODS}. So a rejection's type is always one of
   * {@link #METHODS}, {@value #RESPONSE} or {@value #UNKNOWN}.
   */
  public static final String UNKNOWN = "unknown";

  /** The message type of responses. */
  public static final String RESPONSE = "response";

  /** Longest part of a bad line kept in a rejection: enough to recognise it, not enough to flood. */
  private static final int MAX_QUOTED_LINE = 2048;

  private static final String KNOWN_METHODS = "'stream.chunk', 'stream.stats', 'stream.event'";

  /** The notification methods of the protocol. */
  public static final Set<String> METHODS = Set.of("stream.chunk", "stream.stats", "stream.event");

  private final ObjectMapper json = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION) // {"a":1,"a":2} is ambiguous: reject it
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // {"a":1} garbage is not one message
      // numbers as written: 1e400 is then "too_big, was 1E+400", as in the schemas, not a rounded Infinity
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .build();

  /** The message on {@code line}, or why it was rejected. */
  public InboundMessage read(String line) {
    if (RpcNotificationCodec.INSTANCE.read(line) instanceof ParseResult.Valid<RpcNotification> valid
        && !hasWholeFraction(valid.value().params())) {
      // The wire form of the valid envelope is the message as received (same keys, same values).
      return notification(valid.value(), RpcNotificationValidator.INSTANCE.toMap(valid.value()));
    }
    return readAsMap(line);
  }

  /**
   * Whether a value holds a {@code Double} that is a whole number. The codec reads a fraction as a
   * {@code Double}, this reader's map path as written ({@code BigDecimal}); the two give the same
   * double unless it is whole and was rounded (1e-400 is 0.0), which WireType.DOUBLE moves to the
   * next double on the written side. Such a line, rare, is read by the map path.
   */
  private static boolean hasWholeFraction(Object value) {
    if (value instanceof Double number) {
      return number == Math.rint(number);
    }
    if (value instanceof Map<?, ?> map) {
      for (Object item : map.values()) {
        if (hasWholeFraction(item)) {
          return true;
        }
      }
    } else if (value instanceof List<?> list) {
      for (Object item : list) {
        if (hasWholeFraction(item)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The message on {@code line} read into maps by Jackson, then checked: what every rejection reports. */
  private InboundMessage readAsMap(String line) {
    Object parsed;
    try {
      parsed = json.readValue(line, Object.class);
    } catch (JacksonException notJson) {
      return notAnObject(line, "must be a JSON object, was not JSON (" + firstLine(notJson.getOriginalMessage()) + ")");
    }
    if (!(parsed instanceof Map<?, ?>)) {
      return notAnObject(line, "must be a JSON object, was " + describe(parsed));
    }
    @SuppressWarnings("unchecked") // Jackson reads JSON objects as maps with String keys
    Map<String, Object> message = (Map<String, Object>) parsed;
    if (message.containsKey("method")) {
      return notification(message);
    }
    if (message.containsKey("id")) {
      return response(message);
    }
    return new InboundMessage.Rejected(UNKNOWN, message, List.of(new Violation("/method", Code.MISSING,
        "a message needs 'method' (a notification) or 'id' (a response)")));
  }

  /** The message of a line too long to be read whole. */
  public InboundMessage tooLong(String start, int limit) {
    return new InboundMessage.Rejected(UNKNOWN, Map.<String, Object>of("line", quote(start)),
        List.of(new Violation("", Code.TOO_BIG, "must be at most " + limit + " characters long")));
  }

  private InboundMessage notification(Map<String, Object> message) {
    // the message type names the method only when it is one of the protocol's: a runtime may send any
    // string, and the type becomes a metric tag, so it must come from a closed set
    Object method = message.get("method");
    String type = method instanceof String name && METHODS.contains(name) ? name : UNKNOWN;
    ParseResult<RpcNotification> envelope = RpcNotificationValidator.INSTANCE.parse(message);
    if (!(envelope instanceof ParseResult.Valid<RpcNotification> valid)) {
      return new InboundMessage.Rejected(type, message, envelope.violations());
    }
    return notification(valid.value(), message);
  }

  /** A notification whose envelope is valid: its params, by its method. */
  private InboundMessage notification(RpcNotification envelope, Map<String, Object> message) {
    String type = METHODS.contains(envelope.method()) ? envelope.method() : UNKNOWN; // a closed set: see above
    Map<String, Object> params = envelope.params();
    return switch (envelope.method()) {
      case "stream.chunk" -> params.containsKey("tokens")
          ? params(type, message, StreamChunkBatchValidator.INSTANCE, InboundMessage.ChunkBatch::new)
          : params(type, message, StreamChunkValidator.INSTANCE, InboundMessage.Chunk::new);
      case "stream.stats" -> params(type, message, StreamStatsValidator.INSTANCE, InboundMessage.Stats::new);
      case "stream.event" -> streamEvent(type, message);
      default -> new InboundMessage.Rejected(type, message, List.of(new Violation("/method", Code.INVALID_VALUE,
          "must be one of " + KNOWN_METHODS + ", was '" + envelope.method() + "'")));
    };
  }

  private InboundMessage streamEvent(String type, Map<String, Object> message) {
    InboundMessage read = params(type, message, StreamEventValidator.INSTANCE, InboundMessage.Event::new);
    if (read instanceof InboundMessage.Event(StreamEvent event, Map<String, Object> raw)
        && event.event() == StreamEvent.Kind.ERROR && event.error().isEmpty()) {
      return new InboundMessage.Rejected(type, message, List.of(new Violation("/params/error", Code.MISSING,
          "is required when 'event' is 'error'")));
    }
    return read;
  }

  private static <T> InboundMessage params(String type, Map<String, Object> message, SchemaValidator<T> schema,
      BiFunction<T, Map<String, Object>, InboundMessage> typed) {
    @SuppressWarnings("unchecked") // the envelope validator checked that params is an object
    Map<String, ?> params = (Map<String, ?>) message.getOrDefault("params", Map.of());
    ParseResult<T> result = schema.parse(params);
    if (result instanceof ParseResult.Valid<T> valid) {
      return typed.apply(valid.value(), message);
    }
    return new InboundMessage.Rejected(type, message, under("/params", result.violations()));
  }

  private static InboundMessage response(Map<String, Object> message) {
    List<Violation> violations = new ArrayList<>();
    ParseResult<RpcResponse> envelope = RpcResponseValidator.INSTANCE.parse(message);
    violations.addAll(envelope.violations());
    boolean hasResult = message.containsKey("result");
    boolean hasError = message.containsKey("error");
    if (hasResult == hasError) {
      violations.add(hasResult
          ? new Violation("/error", Code.INVALID_VALUE, "must not be present together with 'result'")
          : new Violation("/result", Code.MISSING, "a response needs 'result' or 'error'"));
    }
    if (!violations.isEmpty()) {
      return new InboundMessage.Rejected(RESPONSE, message, violations);
    }
    RpcResponse response = envelope.orElseThrow();
    return new InboundMessage.Response(response.id(), response.result(), response.error(), message);
  }

  private static List<Violation> under(String prefix, List<Violation> violations) {
    return violations.stream().map(violation -> violation.under(prefix)).toList();
  }

  private static InboundMessage.Rejected notAnObject(String line, String message) {
    return new InboundMessage.Rejected(UNKNOWN, Map.<String, Object>of("line", quote(line)),
        List.of(new Violation("", Code.INVALID_TYPE, message)));
  }

  private static String quote(String line) {
    return line.length() <= MAX_QUOTED_LINE ? line : line.substring(0, MAX_QUOTED_LINE) + "...";
  }

  private static String describe(Object value) {
    return switch (value) {
      case null -> "null";
      case List<?> array -> "an array";
      case String string -> "a string";
      case Boolean bool -> "a boolean";
      default -> "a number";
    };
  }

  private static String firstLine(String message) {
    String first = message == null ? "" : message.lines().findFirst().orElse("");
    return first.length() <= 200 ? first : first.substring(0, 200) + "...";
  }
}
