package dev.eventschema.processor;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.json.JsonCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The property that makes the codecs trustworthy: for every text of a seeded corpus (valid payloads
 * and mutants of them), {@code FooCodec.read(text)} gives exactly what
 * {@code FooValidator.parse(jackson.readValue(text, Map.class))} gives: an equal value, or equal
 * violations (paths, codes, messages) in the same order. And a valid value's written form is the
 * JSON of its {@code toMap}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CodecEquivalenceTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MUTANTS_PER_SEED = 400;

  static Stream<Arguments> seeds() {
    return Stream.of(
        Arguments.of(TestSchemas.TELEMETRY, "TelemetryConfig", """
            {"enabled": true, "serviceName": "engine", "prometheusPort": 9464, "exportIntervalMs": 1000,
             "labels": {"env": "prod", "region": "eu_west"}}"""),
        Arguments.of(TestSchemas.TOKENS, "TokenEvent", """
            {"requestId": "r1", "index": 3, "token": "the", "logprob": -0.5,
             "metadata": {"a": [1, 2.5, "x", null, {"b": true}], "n": 9007199254740993}, "elapsedMs": 12.5}"""),
        Arguments.of(TestSchemas.TOKENS, "ModelLoadedEvent", """
            {"model": "m", "modelPath": "/models/m.bin", "parameters": 7000000000, "metadata": {}}"""),
        Arguments.of(TestSchemas.JOBS, "JobUpdatedEvent", """
            {"jobId": "j1", "status": "running", "previousStatus": "queued",
             "resources": {"cpus": 2, "memoryBytes": 1024, "gpu": "a100"},
             "steps": [{"name": "build", "durationSec": 30, "logs": ["ok", "done"]}, {"name": "test", "durationSec": 0}],
             "tags": ["ci", "nightly"]}"""),
        Arguments.of(TestSchemas.SAMPLING, "SamplingParams", """
            {"temperature": 0.7, "maxTokens": 100, "seed": 42, "topK": 40, "logitBias": -0.5, "stopTokenIds": [1, 2]}"""),
        Arguments.of(TestSchemas.PROMPTS, "GenerationRequestedEvent", """
            {"model": "m", "prompt": "Hello",
             "history": [{"type": "template", "template": "Hi {name}", "variables": {"name": "Ada"}}, "plain"]}"""),
        // A union member as a field, its "type" first (streamed by the member's codec), then later (read as a map).
        Arguments.of(TestSchemas.PROMPTS, "GenerationRequestedEvent", """
            {"model": "m", "prompt": {"type": "template", "template": "Hi {name}", "variables": {"name": "Ada"}}}"""),
        Arguments.of(TestSchemas.PROMPTS, "GenerationRequestedEvent", """
            {"model": "m", "prompt": {"template": "Hi {name}", "type": "template", "variables": {"name": "Ada"}}}"""),
        Arguments.of(TestSchemas.PROMPTS, "TemplatePrompt", """
            {"type": "template", "template": "Hi {name}", "variables": {"name": "Ada"}}"""),
        Arguments.of(TestSchemas.CONTAINERS, "InventoryEvent", """
            {"levels": ["low", "high"], "levelByHost": {"h1": "low"}, "origin": {"x": 1, "y": 2},
             "path": [{"x": 0, "y": 0}], "pointsByName": {"a": {"x": 1, "y": 1}}, "readings": [1.5, 2],
             "counts": {"a": 1}, "flags": {"f": true}, "codes": ["abc"], "ids": [1, 9007199254740993]}"""),
        Arguments.of(TestSchemas.UNION_CONTAINERS, "ConversationEvent", """
            {"system": "be nice", "named": {"a": {"type": "template", "template": "x", "variables": {"k": "v"}}, "b": "t"}}"""),
        Arguments.of(TestSchemas.LENIENT, "HeartbeatEvent", """
            {"node": "n1", "uptimeMs": 5, "info": {"host": "h"}, "extra": [1, {"deep": null}]}"""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("seeds")
  void readingGivesWhatParseOfTheMapGives(TestSchemas group, String schema, String seed) throws IOException {
    GeneratedCode code = group.codeWithJson();
    JsonCodec<Object> codec = code.codec(schema);
    SchemaValidator<Object> validator = code.validator(schema);
    assertThat(codec.read(seed).isValid()).as("the seed of %s is valid: %s", schema, codec.read(seed)).isTrue();

    int valid = 0;
    List<String> corpus = new JsonCorpus(schema.hashCode()).texts(seed, MUTANTS_PER_SEED);
    for (String text : corpus) {
      @SuppressWarnings("unchecked")
      ParseResult<Object> expected = validator.parse(MAPPER.readValue(text, Map.class));
      ParseResult<Object> actual = codec.read(text);
      assertThat(actual).as("codec.read of %s", text).isEqualTo(expected);
      assertThat(codec.read(text.getBytes(UTF_8))).as("from bytes: %s", text).isEqualTo(expected);
      if (actual instanceof ParseResult.Valid<Object> read) {
        valid++;
        assertWritesItsWireForm(codec, validator, read.value());
      }
    }
    // A corpus of only valid or only invalid texts would prove little.
    assertThat(valid).as("valid texts among %s", corpus.size()).isBetween(1, corpus.size() - 100);
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("seeds")
  void everySourceReadsTheSame(TestSchemas group, String schema, String seed) {
    JsonCodec<Object> codec = group.codeWithJson().codec(schema);
    ParseResult<Object> fromText = codec.read(seed);
    assertThat(codec.read(seed.getBytes(UTF_8))).isEqualTo(fromText);
    assertThat(codec.read(new ByteArrayInputStream(seed.getBytes(UTF_8)))).isEqualTo(fromText);
    assertThat(codec.read(new StringReader(seed))).isEqualTo(fromText);
  }

  private static void assertWritesItsWireForm(JsonCodec<Object> codec, SchemaValidator<Object> validator, Object value)
      throws IOException {
    // As trees of the texts (both parsed back): the generators may escape characters differently.
    JsonNode wire = MAPPER.readTree(MAPPER.writeValueAsString(validator.toMap(value)));
    assertThat(MAPPER.readTree(codec.writeString(value))).as("written form of %s", value).isEqualTo(wire);
    assertThat(MAPPER.readTree(codec.writeBytes(value))).isEqualTo(wire);
    assertThat(codec.read(codec.writeString(value))).isEqualTo(new ParseResult.Valid<>(value));
  }
}
