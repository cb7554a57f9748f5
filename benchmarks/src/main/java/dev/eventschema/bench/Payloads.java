package dev.eventschema.bench;

import dev.eventschema.bench.model.CompletedRecord;
import dev.eventschema.bench.model.TelemetryRecord;
import dev.eventschema.bench.model.TokenRecord;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationCompletedEventBuilder;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The payloads every benchmark uses, shaped like what the engine emits (see {@code Engine.onToken}
 * and {@code Engine.finished}) and like a typical telemetry configuration. Each invalid payload
 * breaks only rules that all the compared validators can state, so that each reports something.
 */
public final class Payloads {

  private Payloads() {}

  /** A token as the engine emits it: no metadata. */
  public static TokenRecord validToken() {
    return new TokenRecord("tiny-shakespeare", " the", OptionalDouble.of(-1.25), Map.of());
  }

  /** Two violations: an empty model and a positive log-probability. */
  public static TokenRecord invalidToken() {
    return new TokenRecord("", " the", OptionalDouble.of(0.5), Map.of());
  }

  /** The same valid token, built by the generated builder: an {@code ImmutableTokenGeneratedEvent}. */
  public static TokenGeneratedEvent builtToken() {
    TokenRecord token = validToken();
    return TokenGeneratedEventBuilder.builder().model(token.model()).token(token.token())
        .logprob(token.logprob()).metadata(token.metadata()).build();
  }

  /** A completion as the engine emits it: metadata holds the finish reason. */
  public static CompletedRecord validCompleted() {
    return new CompletedRecord("tiny-shakespeare", 128, 2350.5, OptionalDouble.of(54.46),
        Map.of("finishReason", "length"));
  }

  /** Two violations: a negative token count and a negative duration. */
  public static CompletedRecord invalidCompleted() {
    return new CompletedRecord("tiny-shakespeare", -1, -3.5, OptionalDouble.of(54.46),
        Map.of("finishReason", "length"));
  }

  public static GenerationCompletedEvent builtCompleted() {
    CompletedRecord completed = validCompleted();
    return GenerationCompletedEventBuilder.builder().model(completed.model())
        .tokensGenerated(completed.tokensGenerated()).durationMs(completed.durationMs())
        .throughput(completed.throughput()).metadata(completed.metadata()).build();
  }

  /** Every field present; two labels, in wire order as a JSON reader would give them. */
  public static TelemetryRecord validTelemetry() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("env", "prod");
    labels.put("region", "eu_west_1");
    return new TelemetryRecord(true, Optional.of("eventschema-engine"), OptionalInt.of(9464),
        OptionalLong.of(1000), labels);
  }

  /** Three violations: a service name with a space and '!', a privileged port, a reserved label name. */
  public static TelemetryRecord invalidTelemetry() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("env", "prod");
    labels.put("__name__", "x");
    return new TelemetryRecord(true, Optional.of("engine one!"), OptionalInt.of(80), OptionalLong.of(1000), labels);
  }

  public static TelemetryConfig builtTelemetry() {
    TelemetryRecord config = validTelemetry();
    return TelemetryConfigBuilder.builder().enabled(config.enabled()).serviceName(config.serviceName())
        .prometheusPort(config.prometheusPort()).exportIntervalMs(config.exportIntervalMs())
        .labels(config.labels()).build();
  }

  // JSON texts for the strict-parse benchmarks. "invalid": constraint violations only, so that every
  // pipeline runs its full validation; "unknownKey": the same plus a misspelt key, which a strict
  // reader must reject (Jackson stops there, at the first error).

  public static final String TOKEN_JSON_VALID = """
      {"model":"tiny-shakespeare","token":" the","logprob":-1.25}""";
  public static final String TOKEN_JSON_INVALID = """
      {"model":"","token":" the","logprob":0.5}""";
  public static final String TOKEN_JSON_UNKNOWN_KEY = """
      {"model":"","token":" the","logprob":0.5,"logprobs":[-1.25]}""";

  public static final String TELEMETRY_JSON_VALID = """
      {"enabled":true,"serviceName":"eventschema-engine","prometheusPort":9464,"exportIntervalMs":1000,\
      "labels":{"env":"prod","region":"eu_west_1"}}""";
  public static final String TELEMETRY_JSON_INVALID = """
      {"enabled":true,"serviceName":"engine one!","prometheusPort":80,"exportIntervalMs":1000,\
      "labels":{"env":"prod","__name__":"x"}}""";
  public static final String TELEMETRY_JSON_UNKNOWN_KEY = """
      {"enabled":true,"serviceName":"engine one!","prometheusPrt":9464,"exportIntervalMs":100,\
      "labels":{"env":"prod","__name__":"x"}}""";

  // For CodecBenchmark: the completion as JSON, and payloads with exactly three violations each
  // (TELEMETRY_JSON_INVALID has three), to set against the valid parse.

  public static final String COMPLETED_JSON_VALID = """
      {"model":"tiny-shakespeare","tokensGenerated":128,"durationMs":2350.5,"throughput":54.46,\
      "metadata":{"finishReason":"length"}}""";
  /** An empty model, a token that is a number, a positive log-probability. */
  public static final String TOKEN_JSON_INVALID3 = """
      {"model":"","token":7,"logprob":0.5}""";
  /** A negative token count, duration and throughput. */
  public static final String COMPLETED_JSON_INVALID3 = """
      {"model":"tiny-shakespeare","tokensGenerated":-1,"durationMs":-3.5,"throughput":-1.0,\
      "metadata":{"finishReason":"length"}}""";
}
