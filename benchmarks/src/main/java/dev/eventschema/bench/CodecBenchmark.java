package dev.eventschema.bench;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonWriter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.bench.model.CompletedRecord;
import dev.eventschema.bench.model.TelemetryRecord;
import dev.eventschema.bench.model.TokenRecord;
import dev.eventschema.bench.model.json.CompletedDsl;
import dev.eventschema.bench.model.json.CompletedJsonb;
import dev.eventschema.bench.model.json.TelemetryDsl;
import dev.eventschema.bench.model.json.TelemetryJsonb;
import dev.eventschema.bench.model.json.TokenDsl;
import dev.eventschema.bench.model.json.TokenJsonb;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigCodec;
import dev.eventschema.engine.events.GenerationCompletedEvent;
import dev.eventschema.engine.events.GenerationCompletedEventCodec;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.TokenGeneratedEventCodec;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Comparison 7 (issue 12): the generated streaming codecs ({@code FooCodec}) against the JSON
 * binders, on the UTF-8 bytes of the same payloads (token, completion, telemetry configuration):
 * <ul>
 *   <li>{@code *_parse_codec}: {@code FooCodec.INSTANCE.read(bytes)}: strict, every rule checked,
 *       every violation reported, the immutable value;
 *   <li>{@code *_parse_jacksonHibernate}: Jackson 2 databind into the record (as strict as it goes,
 *       see {@link Alternatives#strictJackson()}), then Hibernate Validator;
 *   <li>{@code *_parse_jacksonRecord}: the same binding, without validation;
 *   <li>{@code *_parse_dslJson}, {@code *_parse_avajeJsonb}: DSL-JSON 2 and avaje-jsonb 3 into
 *       plain records with their compile-time generated binders ({@link JsonPeers}), no validation;
 *   <li>{@code *_parseInvalid_codec}: the codec on a payload with three violations, all reported;
 *       the target is within 2x of {@code *_parse_codec};
 *   <li>{@code *_write_*}: a value to UTF-8 bytes: the codec ({@code writeBytes} of the built value),
 *       Jackson databind ({@code writeValueAsBytes} of the record, empty values left out as on the
 *       wire), DSL-JSON (a writer kept per thread) and avaje-jsonb ({@code toJsonBytes}).
 * </ul>
 * The set-up checks that every reader gets the same content and that every writer writes it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {

  private final byte[] tokenJson = bytes(Payloads.TOKEN_JSON_VALID);
  private final byte[] completedJson = bytes(Payloads.COMPLETED_JSON_VALID);
  private final byte[] telemetryJson = bytes(Payloads.TELEMETRY_JSON_VALID);
  private final byte[] tokenInvalid = bytes(Payloads.TOKEN_JSON_INVALID3);
  private final byte[] completedInvalid = bytes(Payloads.COMPLETED_JSON_INVALID3);
  private final byte[] telemetryInvalid = bytes(Payloads.TELEMETRY_JSON_INVALID);

  private ObjectReader jacksonToken;
  private ObjectReader jacksonCompleted;
  private ObjectReader jacksonTelemetry;
  private ObjectWriter jacksonWriter;
  private Validator hibernate;
  private DslJson<Object> dsl;
  private JsonWriter dslWriter;
  private JsonType<TokenJsonb> jsonbToken;
  private JsonType<CompletedJsonb> jsonbCompleted;
  private JsonType<TelemetryJsonb> jsonbTelemetry;

  private TokenGeneratedEvent builtToken;
  private GenerationCompletedEvent builtCompleted;
  private TelemetryConfig builtTelemetry;
  private TokenRecord recordToken;
  private CompletedRecord recordCompleted;
  private TelemetryRecord recordTelemetry;
  private TokenDsl dslToken;
  private CompletedDsl dslCompleted;
  private TelemetryDsl dslTelemetry;
  private TokenJsonb jsonbTokenValue;
  private CompletedJsonb jsonbCompletedValue;
  private TelemetryJsonb jsonbTelemetryValue;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    JsonMapper strict = Alternatives.strictJackson();
    jacksonToken = strict.readerFor(TokenRecord.class);
    jacksonCompleted = strict.readerFor(CompletedRecord.class);
    jacksonTelemetry = strict.readerFor(TelemetryRecord.class);
    jacksonWriter = strict.rebuild().serializationInclusion(JsonInclude.Include.NON_EMPTY).build().writer();
    hibernate = Alternatives.hibernate();
    dsl = JsonPeers.dslJson();
    dslWriter = dsl.newWriter();
    Jsonb jsonb = JsonPeers.jsonb();
    jsonbToken = jsonb.type(TokenJsonb.class);
    jsonbCompleted = jsonb.type(CompletedJsonb.class);
    jsonbTelemetry = jsonb.type(TelemetryJsonb.class);

    builtToken = Payloads.builtToken();
    builtCompleted = Payloads.builtCompleted();
    builtTelemetry = Payloads.builtTelemetry();
    recordToken = Payloads.validToken();
    recordCompleted = Payloads.validCompleted();
    recordTelemetry = Payloads.validTelemetry();
    dslToken = token_parse_dslJson();
    dslCompleted = completed_parse_dslJson();
    dslTelemetry = telemetry_parse_dslJson();
    jsonbTokenValue = token_parse_avajeJsonb();
    jsonbCompletedValue = completed_parse_avajeJsonb();
    jsonbTelemetryValue = telemetry_parse_avajeJsonb();
    CodecAgreement.check(this);
  }

  // --- parse: TokenGenerated ---

  @Benchmark
  public ParseResult<TokenGeneratedEvent> token_parse_codec() {
    return TokenGeneratedEventCodec.INSTANCE.read(tokenJson);
  }

  @Benchmark
  public ParseResult<TokenGeneratedEvent> token_parseInvalid_codec() {
    return TokenGeneratedEventCodec.INSTANCE.read(tokenInvalid);
  }

  @Benchmark
  public Object token_parse_jacksonHibernate() throws Exception {
    TokenRecord value = jacksonToken.readValue(tokenJson);
    Set<?> violations = hibernate.validate(value);
    return violations.isEmpty() ? value : violations;
  }

  @Benchmark
  public TokenRecord token_parse_jacksonRecord() throws Exception {
    return jacksonToken.readValue(tokenJson);
  }

  @Benchmark
  public TokenDsl token_parse_dslJson() {
    return JsonPeers.read(dsl, TokenDsl.class, tokenJson);
  }

  @Benchmark
  public TokenJsonb token_parse_avajeJsonb() {
    return jsonbToken.fromJson(tokenJson);
  }

  // --- parse: GenerationCompleted ---

  @Benchmark
  public ParseResult<GenerationCompletedEvent> completed_parse_codec() {
    return GenerationCompletedEventCodec.INSTANCE.read(completedJson);
  }

  @Benchmark
  public ParseResult<GenerationCompletedEvent> completed_parseInvalid_codec() {
    return GenerationCompletedEventCodec.INSTANCE.read(completedInvalid);
  }

  @Benchmark
  public Object completed_parse_jacksonHibernate() throws Exception {
    CompletedRecord value = jacksonCompleted.readValue(completedJson);
    Set<?> violations = hibernate.validate(value);
    return violations.isEmpty() ? value : violations;
  }

  @Benchmark
  public CompletedRecord completed_parse_jacksonRecord() throws Exception {
    return jacksonCompleted.readValue(completedJson);
  }

  @Benchmark
  public CompletedDsl completed_parse_dslJson() {
    return JsonPeers.read(dsl, CompletedDsl.class, completedJson);
  }

  @Benchmark
  public CompletedJsonb completed_parse_avajeJsonb() {
    return jsonbCompleted.fromJson(completedJson);
  }

  // --- parse: TelemetryConfig ---

  @Benchmark
  public ParseResult<TelemetryConfig> telemetry_parse_codec() {
    return TelemetryConfigCodec.INSTANCE.read(telemetryJson);
  }

  @Benchmark
  public ParseResult<TelemetryConfig> telemetry_parseInvalid_codec() {
    return TelemetryConfigCodec.INSTANCE.read(telemetryInvalid);
  }

  @Benchmark
  public Object telemetry_parse_jacksonHibernate() throws Exception {
    TelemetryRecord value = jacksonTelemetry.readValue(telemetryJson);
    Set<?> violations = hibernate.validate(value);
    return violations.isEmpty() ? value : violations;
  }

  @Benchmark
  public TelemetryRecord telemetry_parse_jacksonRecord() throws Exception {
    return jacksonTelemetry.readValue(telemetryJson);
  }

  @Benchmark
  public TelemetryDsl telemetry_parse_dslJson() {
    return JsonPeers.read(dsl, TelemetryDsl.class, telemetryJson);
  }

  @Benchmark
  public TelemetryJsonb telemetry_parse_avajeJsonb() {
    return jsonbTelemetry.fromJson(telemetryJson);
  }

  // --- write ---

  @Benchmark
  public byte[] token_write_codec() {
    return TokenGeneratedEventCodec.INSTANCE.writeBytes(builtToken);
  }

  @Benchmark
  public byte[] token_write_jackson() throws JsonProcessingException {
    return jacksonWriter.writeValueAsBytes(recordToken);
  }

  @Benchmark
  public byte[] token_write_dslJson() {
    return JsonPeers.write(dsl, dslWriter, dslToken);
  }

  @Benchmark
  public byte[] token_write_avajeJsonb() {
    return jsonbToken.toJsonBytes(jsonbTokenValue);
  }

  @Benchmark
  public byte[] completed_write_codec() {
    return GenerationCompletedEventCodec.INSTANCE.writeBytes(builtCompleted);
  }

  @Benchmark
  public byte[] completed_write_jackson() throws JsonProcessingException {
    return jacksonWriter.writeValueAsBytes(recordCompleted);
  }

  @Benchmark
  public byte[] completed_write_dslJson() {
    return JsonPeers.write(dsl, dslWriter, dslCompleted);
  }

  @Benchmark
  public byte[] completed_write_avajeJsonb() {
    return jsonbCompleted.toJsonBytes(jsonbCompletedValue);
  }

  @Benchmark
  public byte[] telemetry_write_codec() {
    return TelemetryConfigCodec.INSTANCE.writeBytes(builtTelemetry);
  }

  @Benchmark
  public byte[] telemetry_write_jackson() throws JsonProcessingException {
    return jacksonWriter.writeValueAsBytes(recordTelemetry);
  }

  @Benchmark
  public byte[] telemetry_write_dslJson() {
    return JsonPeers.write(dsl, dslWriter, dslTelemetry);
  }

  @Benchmark
  public byte[] telemetry_write_avajeJsonb() {
    return jsonbTelemetry.toJsonBytes(jsonbTelemetryValue);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The wire content of bytes, as a map: for the set-up's comparisons. */
  static Map<String, Object> content(byte[] json) throws Exception {
    return JsonMapper.builder().build().readValue(json, Map.class);
  }
}
