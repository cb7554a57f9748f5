package dev.eventschema.engine.events;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static dev.eventschema.engine.events.testing.Payloads.pathsAndCodes;
import static dev.eventschema.engine.events.testing.Payloads.with;
import static dev.eventschema.engine.events.testing.Payloads.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import dev.eventschema.ParseResult;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every engine event against its generated validator, as payloads arrive from data: a minimal and a
 * full payload, each required field missing, empty and mistyped, each optional field out of range,
 * and the edge cases. Each invalid case names exactly the violations expected, as {@code path code}.
 */
class EventSchemasTest {

  static final Map<String, Object> MODEL_LOADED = map("model", "llama-3-8b", "modelPath", "/models/llama-3-8b");
  static final Map<String, Object> MODEL_UNLOADED = map("model", "llama-3-8b");
  static final Map<String, Object> MODEL_INVALIDATED = map("model", "llama-3-8b", "reason", "python_restart");
  static final Map<String, Object> GENERATION_STARTED = map("model", "llama-3-8b", "prompt", "Hello");
  static final Map<String, Object> TOKEN_GENERATED = map("model", "llama-3-8b", "token", "Hel");
  static final Map<String, Object> GENERATION_COMPLETED =
      map("model", "llama-3-8b", "tokensGenerated", 128, "durationMs", 1532.5);
  static final Map<String, Object> ERROR = map("error", "model not found: llama-9");
  static final Map<String, Object> RUNTIME_STATUS = map("status", "ready", "modelsLoaded", 1);

  static final Map<String, Object> METADATA =
      map("family", "llama", "tags", List.of("chat", "8b"), "nested", map("depth", 2, "ok", true), "none", null);

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPayloads")
  void validPayloadsParseAndRoundTrip(EventType type, Map<String, Object> payload) {
    ParseResult<?> result = type.parse(payload);

    assertThat(result.violations()).isEmpty();
    Object event = result.orElseThrow();
    assertThat(event).isInstanceOf(type.javaType());
    assertThat(type.validate(event)).isEmpty();
    assertThat(type.parse(type.toMap(event)).orElseThrow()).isEqualTo(event);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPayloads")
  void invalidPayloadsReportExactlyTheirViolations(EventType type, Map<String, Object> payload, List<String> expected) {
    ParseResult<?> result = type.parse(payload);

    assertThat(result.isValid()).isFalse();
    assertThat(pathsAndCodes(result.violations())).containsExactlyElementsOf(expected);
    assertThat(result.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
  }

  static Stream<Arguments> validPayloads() {
    return Stream.of(
        valid("modelLoaded minimal", EventType.MODEL_LOADED, MODEL_LOADED),
        valid("modelLoaded full", EventType.MODEL_LOADED, map("model", "meta-llama/Llama-3-8B", "modelPath",
            "/models/llama", "quantization", "q4_k_m", "parameters", 8_030_261_248L, "metadata", METADATA)),
        valid("modelLoaded zero parameters", EventType.MODEL_LOADED, with(MODEL_LOADED, "parameters", 0)),
        valid("modelLoaded model of 256 characters", EventType.MODEL_LOADED, with(MODEL_LOADED, "model", "m".repeat(256))),
        valid("modelUnloaded minimal", EventType.MODEL_UNLOADED, MODEL_UNLOADED),
        valid("modelUnloaded full", EventType.MODEL_UNLOADED, with(MODEL_UNLOADED, "reason", "idle for 10 minutes")),
        valid("modelInvalidated", EventType.MODEL_INVALIDATED, MODEL_INVALIDATED),
        valid("generationStarted minimal", EventType.GENERATION_STARTED, GENERATION_STARTED),
        valid("generationStarted empty prompt", EventType.GENERATION_STARTED, with(GENERATION_STARTED, "prompt", "")),
        valid("generationStarted template prompt", EventType.GENERATION_STARTED, with(GENERATION_STARTED, "prompt",
            map("type", "template", "template", "Hi {name}", "variables", map("name", "Ada", "empty", "")))),
        valid("generationStarted multimodal prompt", EventType.GENERATION_STARTED, with(GENERATION_STARTED, "prompt",
            map("type", "multimodal", "parts", List.of("Describe this", map("type", "imageUrlPart", "url",
                "https://example.org/cat.png"), map("type", "imageDataPart", "mediaType", "image/png", "data",
                "iVBORw0KGgo="))))),
        valid("generationStarted full", EventType.GENERATION_STARTED,
            map("model", "llama-3-8b", "prompt", "Hello", "maxTokens", 256, "metadata", METADATA)),
        valid("generationStarted maxTokens 1", EventType.GENERATION_STARTED, with(GENERATION_STARTED, "maxTokens", 1)),
        valid("tokenGenerated minimal", EventType.TOKEN_GENERATED, TOKEN_GENERATED),
        valid("tokenGenerated empty end-of-sequence token", EventType.TOKEN_GENERATED, with(TOKEN_GENERATED, "token", "")),
        valid("tokenGenerated full", EventType.TOKEN_GENERATED,
            map("model", "llama-3-8b", "token", " world", "logprob", -0.5, "metadata", METADATA)),
        valid("tokenGenerated logprob 0", EventType.TOKEN_GENERATED, with(TOKEN_GENERATED, "logprob", 0)),
        valid("generationCompleted minimal", EventType.GENERATION_COMPLETED, GENERATION_COMPLETED),
        valid("generationCompleted zero tokens", EventType.GENERATION_COMPLETED, with(with(GENERATION_COMPLETED,
            "tokensGenerated", 0), "durationMs", 0)),
        valid("generationCompleted integral duration", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "durationMs", 1532)),
        valid("generationCompleted full", EventType.GENERATION_COMPLETED, map("model", "llama-3-8b",
            "tokensGenerated", 128, "durationMs", 1532.5, "throughput", 83.5, "metadata", METADATA)),
        valid("error minimal", EventType.ERROR, ERROR),
        valid("error full", EventType.ERROR, map("error", "model not found: llama-9", "code", "model_not_found",
            "model", "llama-9", "metadata", METADATA)),
        valid("runtimeStatus ready", EventType.RUNTIME_STATUS, RUNTIME_STATUS),
        valid("runtimeStatus busy", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", "busy")),
        valid("runtimeStatus error", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", "error")),
        valid("runtimeStatus shutdown", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", "shutdown")),
        valid("runtimeStatus full", EventType.RUNTIME_STATUS,
            map("status", "busy", "modelsLoaded", 0, "activeTasks", 3, "metadata", METADATA)));
  }

  static Stream<Arguments> invalidPayloads() {
    List<Arguments> cases = new ArrayList<>();
    requiredStrings(cases, EventType.MODEL_LOADED, MODEL_LOADED, "model", "modelPath");
    requiredStrings(cases, EventType.MODEL_UNLOADED, MODEL_UNLOADED, "model");
    requiredStrings(cases, EventType.MODEL_INVALIDATED, MODEL_INVALIDATED, "model", "reason");
    requiredStrings(cases, EventType.GENERATION_STARTED, GENERATION_STARTED, "model");
    requiredStrings(cases, EventType.TOKEN_GENERATED, TOKEN_GENERATED, "model");
    requiredStrings(cases, EventType.GENERATION_COMPLETED, GENERATION_COMPLETED, "model");
    requiredStrings(cases, EventType.ERROR, ERROR, "error");
    Stream.of(
        // modelLoaded
        invalid("modelLoaded model of 257 characters", EventType.MODEL_LOADED,
            with(MODEL_LOADED, "model", "m".repeat(257)), "/model too_big"),
        invalid("modelLoaded empty quantization", EventType.MODEL_LOADED, with(MODEL_LOADED, "quantization", ""),
            "/quantization too_small", "/quantization invalid_format"),
        invalid("modelLoaded quantization with a space", EventType.MODEL_LOADED,
            with(MODEL_LOADED, "quantization", "int 4"), "/quantization invalid_format"),
        invalid("modelLoaded quantization of 65 characters", EventType.MODEL_LOADED,
            with(MODEL_LOADED, "quantization", "q".repeat(65)), "/quantization too_big"),
        invalid("modelLoaded negative parameters", EventType.MODEL_LOADED, with(MODEL_LOADED, "parameters", -1),
            "/parameters too_small"),
        invalid("modelLoaded fractional parameters", EventType.MODEL_LOADED, with(MODEL_LOADED, "parameters", 1.5),
            "/parameters invalid_type"),
        invalid("modelLoaded parameters as a string", EventType.MODEL_LOADED, with(MODEL_LOADED, "parameters", "8B"),
            "/parameters invalid_type"),
        invalid("modelLoaded parameters past a long", EventType.MODEL_LOADED,
            with(MODEL_LOADED, "parameters", BigInteger.TWO.pow(64)), "/parameters too_big"),
        invalid("modelLoaded metadata as a string", EventType.MODEL_LOADED, with(MODEL_LOADED, "metadata", "x"),
            "/metadata invalid_type"),
        invalid("modelLoaded metadata holding NaN", EventType.MODEL_LOADED,
            with(MODEL_LOADED, "metadata", map("score", Double.NaN)), "/metadata/score not_finite"),
        invalid("modelLoaded unknown key", EventType.MODEL_LOADED, with(MODEL_LOADED, "modelPth", "/x"),
            "/modelPth unrecognized_keys"),
        invalid("modelLoaded everything wrong at once", EventType.MODEL_LOADED,
            map("model", "", "parameters", -5, "extra", true),
            "/extra unrecognized_keys", "/model too_small", "/modelPath missing", "/parameters too_small"),
        // modelUnloaded
        invalid("modelUnloaded empty reason", EventType.MODEL_UNLOADED, with(MODEL_UNLOADED, "reason", ""),
            "/reason too_small"),
        invalid("modelUnloaded reason as a number", EventType.MODEL_UNLOADED, with(MODEL_UNLOADED, "reason", 3),
            "/reason invalid_type"),
        // generationStarted
        invalid("generationStarted without a prompt", EventType.GENERATION_STARTED,
            without(GENERATION_STARTED, "prompt"), "/prompt missing"),
        invalid("generationStarted prompt as a number", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "prompt", 42), "/prompt invalid_type"),
        invalid("generationStarted null prompt", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "prompt", null), "/prompt invalid_type"),
        invalid("generationStarted prompt of an unknown type", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "prompt", map("type", "video", "url", "x")), "/prompt/type invalid_union"),
        invalid("generationStarted maxTokens 0", EventType.GENERATION_STARTED, with(GENERATION_STARTED, "maxTokens", 0),
            "/maxTokens too_small"),
        invalid("generationStarted negative maxTokens", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "maxTokens", -1), "/maxTokens too_small"),
        invalid("generationStarted fractional maxTokens", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "maxTokens", 2.5), "/maxTokens invalid_type"),
        invalid("generationStarted maxTokens past an int", EventType.GENERATION_STARTED,
            with(GENERATION_STARTED, "maxTokens", 3_000_000_000L), "/maxTokens too_big"),
        // tokenGenerated
        invalid("tokenGenerated without a token", EventType.TOKEN_GENERATED, without(TOKEN_GENERATED, "token"),
            "/token missing"),
        invalid("tokenGenerated token as a number", EventType.TOKEN_GENERATED, with(TOKEN_GENERATED, "token", 7),
            "/token invalid_type"),
        invalid("tokenGenerated positive logprob", EventType.TOKEN_GENERATED, with(TOKEN_GENERATED, "logprob", 0.1),
            "/logprob too_big"),
        invalid("tokenGenerated NaN logprob", EventType.TOKEN_GENERATED,
            with(TOKEN_GENERATED, "logprob", Double.NaN), "/logprob not_finite"),
        invalid("tokenGenerated infinite logprob", EventType.TOKEN_GENERATED,
            with(TOKEN_GENERATED, "logprob", Double.NEGATIVE_INFINITY), "/logprob not_finite"),
        invalid("tokenGenerated logprob as a string", EventType.TOKEN_GENERATED,
            with(TOKEN_GENERATED, "logprob", "-0.5"), "/logprob invalid_type"),
        // generationCompleted
        invalid("generationCompleted without tokensGenerated", EventType.GENERATION_COMPLETED,
            without(GENERATION_COMPLETED, "tokensGenerated"), "/tokensGenerated missing"),
        invalid("generationCompleted negative tokensGenerated", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "tokensGenerated", -1), "/tokensGenerated too_small"),
        invalid("generationCompleted fractional tokensGenerated", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "tokensGenerated", 1.5), "/tokensGenerated invalid_type"),
        invalid("generationCompleted tokensGenerated as a string", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "tokensGenerated", "128"), "/tokensGenerated invalid_type"),
        invalid("generationCompleted without durationMs", EventType.GENERATION_COMPLETED,
            without(GENERATION_COMPLETED, "durationMs"), "/durationMs missing"),
        invalid("generationCompleted negative durationMs", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "durationMs", -0.1), "/durationMs too_small"),
        invalid("generationCompleted durationMs as a string", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "durationMs", "1s"), "/durationMs invalid_type"),
        invalid("generationCompleted infinite durationMs", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "durationMs", Double.POSITIVE_INFINITY), "/durationMs not_finite"),
        invalid("generationCompleted negative throughput", EventType.GENERATION_COMPLETED,
            with(GENERATION_COMPLETED, "throughput", -1), "/throughput too_small"),
        // error
        invalid("error with an unknown code", EventType.ERROR, with(ERROR, "code", "NotFound"), "/code invalid_value"),
        invalid("error code as a number", EventType.ERROR, with(ERROR, "code", -32602), "/code invalid_type"),
        invalid("error with an empty model", EventType.ERROR, with(ERROR, "model", ""), "/model too_small"),
        invalid("error message of 8193 characters", EventType.ERROR, with(ERROR, "error", "e".repeat(8193)),
            "/error too_big"),
        // runtimeStatus
        invalid("runtimeStatus without a status", EventType.RUNTIME_STATUS, without(RUNTIME_STATUS, "status"),
            "/status missing"),
        invalid("runtimeStatus status 'starting'", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", "starting"),
            "/status invalid_value"),
        invalid("runtimeStatus status in upper case", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", "READY"),
            "/status invalid_value"),
        invalid("runtimeStatus empty status", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", ""),
            "/status invalid_value"),
        invalid("runtimeStatus status as a boolean", EventType.RUNTIME_STATUS, with(RUNTIME_STATUS, "status", true),
            "/status invalid_type"),
        invalid("runtimeStatus without modelsLoaded", EventType.RUNTIME_STATUS, without(RUNTIME_STATUS, "modelsLoaded"),
            "/modelsLoaded missing"),
        invalid("runtimeStatus negative modelsLoaded", EventType.RUNTIME_STATUS,
            with(RUNTIME_STATUS, "modelsLoaded", -1), "/modelsLoaded too_small"),
        invalid("runtimeStatus modelsLoaded as a string", EventType.RUNTIME_STATUS,
            with(RUNTIME_STATUS, "modelsLoaded", "1"), "/modelsLoaded invalid_type"),
        invalid("runtimeStatus negative activeTasks", EventType.RUNTIME_STATUS,
            with(RUNTIME_STATUS, "activeTasks", -1), "/activeTasks too_small")
    ).forEach(cases::add);
    return cases.stream();
  }

  /** For each required string: missing, empty, mistyped (a number) and null. */
  private static void requiredStrings(List<Arguments> cases, EventType type, Map<String, Object> minimal,
      String... fields) {
    for (String field : fields) {
      String path = "/" + field;
      String name = type.wireName() + " " + field;
      cases.add(invalid(name + " missing", type, without(minimal, field), path + " missing"));
      cases.add(invalid(name + " empty", type, with(minimal, field, ""), path + " too_small"));
      cases.add(invalid(name + " as a number", type, with(minimal, field, 42), path + " invalid_type"));
      cases.add(invalid(name + " null", type, with(minimal, field, null), path + " invalid_type"));
    }
  }

  static Arguments valid(String name, EventType type, Map<String, Object> payload) {
    return Arguments.of(named(name, type), payload);
  }

  static Arguments invalid(String name, EventType type, Map<String, Object> payload, String... expected) {
    return Arguments.of(named(name, type), payload, List.of(expected));
  }
}
