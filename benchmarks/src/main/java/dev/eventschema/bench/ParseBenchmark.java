package dev.eventschema.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.Schema;
import dev.eventschema.ParseResult;
import dev.eventschema.bench.model.TelemetryRecord;
import dev.eventschema.bench.model.TokenRecord;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigValidator;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventValidator;
import jakarta.validation.ConstraintViolation;
import java.util.List;
import java.util.Map;
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
 * Comparison 2: strict parse of a JSON text into a typed event, unknown keys rejected. Three
 * pipelines on the same text:
 * <ul>
 *   <li>{@code generated}: Jackson 2 reads the text into a {@code Map}, the generated {@code parse}
 *       checks types, unknown keys and rules in one pass and builds the immutable value;
 *   <li>{@code jacksonHibernate}: Jackson 2 databind into the record (unknown properties fail, no
 *       coercion), then Hibernate Validator;
 *   <li>{@code networknt}: Jackson 3 reads a tree, json-schema-validator checks it against the
 *       generated JSON Schema ({@code jsonSchema()}), then Jackson 3 binds the tree to the record.
 * </ul>
 * {@code payload}: {@code valid}; {@code invalid} (rule violations only, so every pipeline runs all
 * its checks); {@code unknownKey} (the same plus a misspelt key: Jackson throws at the first error,
 * the other two report everything).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseBenchmark {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Param({"valid", "invalid", "unknownKey"})
  public String payload;

  private String tokenJson;
  private String telemetryJson;
  private ObjectReader maps;
  private ObjectReader strictToken;
  private ObjectReader strictTelemetry;
  private tools.jackson.databind.json.JsonMapper strict3;
  private jakarta.validation.Validator hibernate;
  private Schema tokenSchema;
  private Schema telemetrySchema;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    switch (payload) {
      case "valid" -> {
        tokenJson = Payloads.TOKEN_JSON_VALID;
        telemetryJson = Payloads.TELEMETRY_JSON_VALID;
      }
      case "invalid" -> {
        tokenJson = Payloads.TOKEN_JSON_INVALID;
        telemetryJson = Payloads.TELEMETRY_JSON_INVALID;
      }
      case "unknownKey" -> {
        tokenJson = Payloads.TOKEN_JSON_UNKNOWN_KEY;
        telemetryJson = Payloads.TELEMETRY_JSON_UNKNOWN_KEY;
      }
      default -> throw new IllegalArgumentException(payload);
    }
    // ObjectReaders built once, as a server would: no per-call type resolution on either side.
    maps = Alternatives.jacksonForMaps().readerFor(MAP);
    JsonMapper strict = Alternatives.strictJackson();
    strictToken = strict.readerFor(TokenRecord.class);
    strictTelemetry = strict.readerFor(TelemetryRecord.class);
    strict3 = Alternatives.strictJackson3();
    hibernate = Alternatives.hibernate();
    tokenSchema = Alternatives.jsonSchema(TokenGeneratedEventValidator.INSTANCE.jsonSchema());
    telemetrySchema = Alternatives.jsonSchema(TelemetryConfigValidator.INSTANCE.jsonSchema());

    boolean valid = payload.equals("valid");
    boolean unknownKey = payload.equals("unknownKey");
    expect("token", token_generated(), token_jacksonHibernate(), token_networknt(), valid ? 0 : unknownKey ? 3 : 2);
    expect("telemetry", telemetry_generated(), telemetry_jacksonHibernate(), telemetry_networknt(),
        valid ? 0 : unknownKey ? 4 : 3);
  }

  private void expect(String what, ParseResult<?> generated, Object jackson, Object networknt, int violations) {
    Agreement.require(generated.violations().size() == violations,
        what + ": generated parse found " + generated.violations() + ", expected " + violations);
    Agreement.require(violations == 0 ? networknt instanceof TokenRecord || networknt instanceof TelemetryRecord
        : networknt instanceof List<?> errors && !errors.isEmpty(), what + ": networknt gave " + networknt);
    if (payload.equals("unknownKey")) {
      Agreement.require(jackson instanceof JsonProcessingException, what + ": Jackson gave " + jackson);
    } else {
      Agreement.require(violations == 0 ? jackson instanceof TokenRecord || jackson instanceof TelemetryRecord
          : jackson instanceof Set<?> found && found.size() == violations, what + ": Jackson + HV gave " + jackson);
    }
  }

  // --- TokenGenerated ---

  /** Reference, not a pipeline: what reading the JSON text into a Map alone costs. */
  @Benchmark
  public Map<String, Object> token_readMapOnly() throws JsonProcessingException {
    return maps.readValue(tokenJson);
  }

  @Benchmark
  public ParseResult<TokenGeneratedEvent> token_generated() throws JsonProcessingException {
    return TokenGeneratedEventValidator.INSTANCE.parse(maps.readValue(tokenJson));
  }

  @Benchmark
  public Object token_jacksonHibernate() {
    TokenRecord value;
    try {
      value = strictToken.readValue(tokenJson);
    } catch (JsonProcessingException e) {
      return e;
    }
    Set<ConstraintViolation<TokenRecord>> violations = hibernate.validate(value);
    return violations.isEmpty() ? value : violations;
  }

  @Benchmark
  public Object token_networknt() {
    tools.jackson.databind.JsonNode tree = strict3.readTree(tokenJson);
    List<com.networknt.schema.Error> errors = tokenSchema.validate(tree);
    return errors.isEmpty() ? strict3.treeToValue(tree, TokenRecord.class) : errors;
  }

  // --- TelemetryConfig ---

  @Benchmark
  public Map<String, Object> telemetry_readMapOnly() throws JsonProcessingException {
    return maps.readValue(telemetryJson);
  }

  @Benchmark
  public ParseResult<TelemetryConfig> telemetry_generated() throws JsonProcessingException {
    return TelemetryConfigValidator.INSTANCE.parse(maps.readValue(telemetryJson));
  }

  @Benchmark
  public Object telemetry_jacksonHibernate() {
    TelemetryRecord value;
    try {
      value = strictTelemetry.readValue(telemetryJson);
    } catch (JsonProcessingException e) {
      return e;
    }
    Set<ConstraintViolation<TelemetryRecord>> violations = hibernate.validate(value);
    return violations.isEmpty() ? value : violations;
  }

  @Benchmark
  public Object telemetry_networknt() {
    tools.jackson.databind.JsonNode tree = strict3.readTree(telemetryJson);
    List<com.networknt.schema.Error> errors = telemetrySchema.validate(tree);
    return errors.isEmpty() ? strict3.treeToValue(tree, TelemetryRecord.class) : errors;
  }
}
