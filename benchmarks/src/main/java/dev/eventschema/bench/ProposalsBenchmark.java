package dev.eventschema.bench;

import dev.eventschema.Violation;
import dev.eventschema.bench.model.TelemetryRecord;
import dev.eventschema.engine.config.TelemetryConfigValidator;
import dev.eventschema.support.DidYouMean;
import dev.eventschema.support.StringPattern;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Not part of the comparison: today's generated/support code against a prototype of a proposed
 * change ({@link Proposals}), to put a number on the expected gain. Each pair gives the same answers
 * (checked at set-up).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ProposalsBenchmark {

  /** The telemetry wire keys, as the generated validator holds them. */
  private static final Set<String> TELEMETRY_KEYS =
      Set.of("enabled", "serviceName", "prometheusPort", "exportIntervalMs", "labels");
  private static final StringPattern TIME_TODAY = StringPattern.compile(Proposals.TIME_REGEX);

  private static final com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>> MAP =
      new com.fasterxml.jackson.core.type.TypeReference<>() {};

  private TelemetryRecord telemetry;
  private com.fasterxml.jackson.core.JsonFactory json;
  private com.fasterxml.jackson.databind.ObjectReader maps;
  private String tokenJson;
  private String time;
  private String misspeltKey;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    tokenJson = Payloads.TOKEN_JSON_VALID;
    maps = Alternatives.jacksonForMaps().readerFor(MAP);
    json = Alternatives.jacksonForMaps().getFactory();
    Object streamed = Proposals.parseTokenStreaming(json, maps, Payloads.TOKEN_JSON_VALID);
    Agreement.require(streamed.equals(Payloads.validToken()), "streaming prototype read " + streamed);
    Agreement.require(Proposals.parseTokenStreaming(json, maps, Payloads.TOKEN_JSON_UNKNOWN_KEY) instanceof List<?> found
        && found.size() == 3, "streaming prototype, unknown key");
    telemetry = Payloads.validTelemetry();
    time = "2026-11-27T15:04:07.123Z";
    misspeltKey = "prometheusPrt";
    Agreement.require(Proposals.validateTelemetry(telemetry).equals(TelemetryConfigValidator.INSTANCE.validate(telemetry))
        && Proposals.validateTelemetry(Payloads.invalidTelemetry())
            .equals(TelemetryConfigValidator.INSTANCE.validate(Payloads.invalidTelemetry())), "telemetry prototype");
    java.util.Random random = new java.util.Random(42);
    String alphabet = "aZ0_-.:TZ9 é";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(12); n > 0; n--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String key = sb.toString();
      boolean label = key.matches("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");
      Agreement.require(Proposals.labelKeyMatches(key) == label && Proposals.labelKeyMatchesFast(key) == label, key);
      Agreement.require(Proposals.serviceNameMatchesFast(key) == key.matches("[A-Za-z0-9_-]+"), key);
    }
    Agreement.require(Proposals.validateTelemetryFast(telemetry).isEmpty()
        && Proposals.validateTelemetryFast(Payloads.invalidTelemetry())
            .equals(TelemetryConfigValidator.INSTANCE.validate(Payloads.invalidTelemetry())), "fast telemetry prototype");
    for (String t : List.of(time, "2026-11-27T15:04:07Z", "2026-11-27T15:04:07.Z", "2026-11-27T15:04:07.1234567890Z",
        "2026-11-27 15:04:07Z", "2026-11-27T15:04:07.5Z")) {
      Agreement.require(Proposals.timeMatches(t) == TIME_TODAY.matches(t)
          && Proposals.timeMatchesFast(t) == TIME_TODAY.matches(t), t);
    }
    for (String key : List.of(misspeltKey, "enabeld", "label", "x", "exportIntervalMS", "servicename", "prometheus")) {
      Agreement.require(java.util.Objects.equals(Proposals.closest(key, TELEMETRY_KEYS),
          DidYouMean.closest(key, TELEMETRY_KEYS)), key);
    }
  }

  @Benchmark
  public List<Violation> telemetryValidate_today() {
    return TelemetryConfigValidator.INSTANCE.validate(telemetry);
  }

  @Benchmark
  public List<Violation> telemetryValidate_lookaheadAsPrefixCheck() {
    return Proposals.validateTelemetry(telemetry);
  }

  @Benchmark
  public List<Violation> telemetryValidate_lookaheadAndFastSequence() {
    return Proposals.validateTelemetryFast(telemetry);
  }

  @Benchmark
  public boolean envelopeTime_today() {
    return TIME_TODAY.matches(time);
  }

  @Benchmark
  public boolean envelopeTime_optionalGroupExpanded() {
    return Proposals.timeMatches(time);
  }

  @Benchmark
  public Object tokenParse_today() throws Exception {
    return dev.eventschema.engine.events.TokenGeneratedEventValidator.INSTANCE.parse(
        maps.readValue(tokenJson));
  }

  @Benchmark
  public Object tokenParse_streamingFloor() throws Exception {
    return Proposals.parseTokenStreaming(json, maps, tokenJson);
  }

  @Benchmark
  public boolean envelopeTime_expandedAndFastSequence() {
    return Proposals.timeMatchesFast(time);
  }

  @Benchmark
  public String didYouMean_today() {
    return DidYouMean.closest(misspeltKey, TELEMETRY_KEYS);
  }

  @Benchmark
  public String didYouMean_bounded() {
    return Proposals.closest(misspeltKey, TELEMETRY_KEYS);
  }
}
