package dev.eventschema.engine.telemetry;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The engine's meter names (Micrometer's dotted style; Prometheus shows dots as underscores, adds
 * {@code _total} to counters and {@code _seconds} to timers), tag keys, and histogram buckets.
 *
 * <p>Shaped on vLLM's metrics and the OpenTelemetry GenAI conventions: the three latency histograms
 * carry the OpenTelemetry names, so that GenAI dashboards read them as they are; the rest are the
 * engine's own, under {@code eventschema.}.
 */
public final class MeterNames {

  public static final String MODELS_LOADED = "eventschema.models.loaded";
  public static final String MODEL_LOADS = "eventschema.model.loads";
  public static final String MODEL_UNLOADS = "eventschema.model.unloads";
  public static final String MODEL_INVALIDATIONS = "eventschema.model.invalidations";
  public static final String REQUESTS_RUNNING = "eventschema.requests.running";
  public static final String REQUESTS_WAITING = "eventschema.requests.waiting";
  /** Counted once per non-empty {@code tokenGenerated}; the completion's total is not added again. */
  public static final String GENERATION_TOKENS = "eventschema.generation.tokens";
  public static final String TIME_TO_FIRST_TOKEN = "gen_ai.server.time_to_first_token";
  public static final String INTER_TOKEN_LATENCY = "gen_ai.server.time_per_output_token";
  public static final String REQUEST_DURATION = "gen_ai.server.request.duration";
  public static final String ERRORS = "eventschema.errors";
  public static final String EVENTS_EMITTED = "eventschema.events.emitted";
  public static final String EVENTS_REJECTED = "eventschema.events.rejected";
  public static final String SUBSCRIBER_DROPS = "eventschema.subscriber.drops";
  public static final String SUBSCRIBER_FAILURES = "eventschema.subscriber.failures";

  /** A loaded model's id, or {@link #OTHER_MODEL}. */
  public static final String TAG_MODEL = "model";
  /** The OpenTelemetry GenAI model attribute, on the {@code gen_ai.*} histograms. */
  public static final String TAG_GEN_AI_MODEL = "gen_ai.request.model";
  /** The OpenTelemetry GenAI operation attribute: always {@link #OPERATION}. */
  public static final String TAG_GEN_AI_OPERATION = "gen_ai.operation.name";
  public static final String TAG_TYPE = "type";
  public static final String TAG_CODE = "code";
  public static final String TAG_SOURCE = "source";
  public static final String TAG_SERVICE = "service.name";

  /** The tag value of a model that is not (or no longer, or not yet) loaded, so that ids stay bounded. */
  public static final String OTHER_MODEL = "other";
  /** The tag value of an event type that names none of the eight events. */
  public static final String UNKNOWN_TYPE = "unknown";
  /** The tag value of an error without a code. */
  public static final String NO_CODE = "none";
  public static final String OPERATION = "text_completion";

  /** vLLM's time-to-first-token buckets (a superset of OpenTelemetry's advisory ones), in seconds. */
  static final Duration[] TIME_TO_FIRST_TOKEN_BUCKETS = seconds(
      0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80, 160, 640,
      2560);

  /** vLLM's inter-token-latency buckets, in seconds. */
  static final Duration[] INTER_TOKEN_LATENCY_BUCKETS = seconds(
      0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80);

  /** vLLM's end-to-end request latency buckets, in seconds. */
  static final Duration[] REQUEST_DURATION_BUCKETS = seconds(
      0.3, 0.5, 0.8, 1, 1.5, 2, 2.5, 5, 10, 15, 20, 30, 40, 50, 60, 120, 240, 480, 960, 1920, 7680);

  private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry(MODEL_LOADS, "Models loaded"),
      Map.entry(MODEL_UNLOADS, "Models unloaded on request"),
      Map.entry(MODEL_INVALIDATIONS, "Model handles made stale (runtime restart, failure)"),
      Map.entry(GENERATION_TOKENS, "Tokens generated (the end-of-sequence marker excluded)"),
      Map.entry(TIME_TO_FIRST_TOKEN, "From generation start to its first token"),
      Map.entry(INTER_TOKEN_LATENCY, "Between successive tokens of a generation"),
      Map.entry(REQUEST_DURATION, "Generation duration, as the runtime reported it"),
      Map.entry(ERRORS, "Error events, by error code"),
      Map.entry(EVENTS_EMITTED, "Events accepted and delivered, by type"),
      Map.entry(EVENTS_REJECTED, "Payloads rejected by their schema, by claimed type, first violation's code and source"));

  private MeterNames() {}

  /** The help text of a meter. */
  static String describe(String name) {
    return DESCRIPTIONS.getOrDefault(name, "");
  }

  private static Duration[] seconds(double... bounds) {
    return Arrays.stream(bounds).mapToObj(s -> Duration.ofNanos(Math.round(s * 1e9))).toArray(Duration[]::new);
  }
}
