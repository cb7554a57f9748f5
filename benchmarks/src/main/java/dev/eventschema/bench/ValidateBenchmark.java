package dev.eventschema.bench;

import dev.eventschema.Violation;
import dev.eventschema.bench.model.CompletedRecord;
import dev.eventschema.bench.model.TelemetryRecord;
import dev.eventschema.bench.model.TokenRecord;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigValidator;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationCompletedEventValidator;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventValidator;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Comparison 1: {@code validate} of one event, valid and invalid, by the generated validator, by
 * hand-written checks, by Hibernate Validator and by avaje-validator, all on the same object: a
 * plain record implementing the schema interface (so the generated validator runs every check),
 * carrying the equivalent Jakarta annotations. {@code *_generatedBuiltValue} is the by-construction
 * shortcut: the value came from the generated builder, so {@code validate} accepts it at once.
 *
 * <p>Before measuring, {@link #setUp} checks that the four agree on the number of violations
 * (and the generated and hand-written ones on every violation), so no benchmark measures a
 * validator that ignores its rules.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidateBenchmark {

  @Param({"valid", "invalid"})
  public String payload;

  private TokenRecord token;
  private CompletedRecord completed;
  private TelemetryRecord telemetry;
  private TokenGeneratedEvent builtToken;
  private GenerationCompletedEvent builtCompleted;
  private TelemetryConfig builtTelemetry;
  private jakarta.validation.Validator hibernate;
  private io.avaje.validation.Validator avaje;

  @Setup(Level.Trial)
  public void setUp() {
    boolean valid = payload.equals("valid");
    token = valid ? Payloads.validToken() : Payloads.invalidToken();
    completed = valid ? Payloads.validCompleted() : Payloads.invalidCompleted();
    telemetry = valid ? Payloads.validTelemetry() : Payloads.invalidTelemetry();
    builtToken = Payloads.builtToken();
    builtCompleted = Payloads.builtCompleted();
    builtTelemetry = Payloads.builtTelemetry();
    hibernate = Alternatives.hibernate();
    avaje = Alternatives.avaje();

    Agreement.check("token", valid ? 0 : 2, TokenGeneratedEventValidator.INSTANCE.validate(token),
        HandWritten.validate(token), hibernate.validate(token).size(), avaje.check(token).size());
    Agreement.check("completed", valid ? 0 : 2, GenerationCompletedEventValidator.INSTANCE.validate(completed),
        HandWritten.validate(completed), hibernate.validate(completed).size(), avaje.check(completed).size());
    Agreement.check("telemetry", valid ? 0 : 3, TelemetryConfigValidator.INSTANCE.validate(telemetry),
        HandWritten.validate(telemetry), hibernate.validate(telemetry).size(), avaje.check(telemetry).size());
    Agreement.require(TokenGeneratedEventValidator.INSTANCE.validate(builtToken).isEmpty(), "built token");
  }

  // --- TokenGenerated ---

  @Benchmark
  public List<Violation> token_generated() {
    return TokenGeneratedEventValidator.INSTANCE.validate(token);
  }

  @Benchmark
  public List<Violation> token_handWritten() {
    return HandWritten.validate(token);
  }

  @Benchmark
  public Set<ConstraintViolation<TokenRecord>> token_hibernate() {
    return hibernate.validate(token);
  }

  @Benchmark
  public Set<io.avaje.validation.ConstraintViolation> token_avaje() {
    return avaje.check(token);
  }

  @Benchmark
  public List<Violation> token_generatedBuiltValue() {
    return TokenGeneratedEventValidator.INSTANCE.validate(builtToken);
  }

  // --- GenerationCompleted ---

  @Benchmark
  public List<Violation> completed_generated() {
    return GenerationCompletedEventValidator.INSTANCE.validate(completed);
  }

  @Benchmark
  public List<Violation> completed_handWritten() {
    return HandWritten.validate(completed);
  }

  @Benchmark
  public Set<ConstraintViolation<CompletedRecord>> completed_hibernate() {
    return hibernate.validate(completed);
  }

  @Benchmark
  public Set<io.avaje.validation.ConstraintViolation> completed_avaje() {
    return avaje.check(completed);
  }

  @Benchmark
  public List<Violation> completed_generatedBuiltValue() {
    return GenerationCompletedEventValidator.INSTANCE.validate(builtCompleted);
  }

  // --- TelemetryConfig (regexes) ---

  @Benchmark
  public List<Violation> telemetry_generated() {
    return TelemetryConfigValidator.INSTANCE.validate(telemetry);
  }

  @Benchmark
  public List<Violation> telemetry_handWritten() {
    return HandWritten.validate(telemetry);
  }

  @Benchmark
  public Set<ConstraintViolation<TelemetryRecord>> telemetry_hibernate() {
    return hibernate.validate(telemetry);
  }

  @Benchmark
  public Set<io.avaje.validation.ConstraintViolation> telemetry_avaje() {
    return avaje.check(telemetry);
  }

  @Benchmark
  public List<Violation> telemetry_generatedBuiltValue() {
    return TelemetryConfigValidator.INSTANCE.validate(builtTelemetry);
  }
}
