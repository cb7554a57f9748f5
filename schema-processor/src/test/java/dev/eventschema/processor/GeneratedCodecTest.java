package dev.eventschema.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.json.JsonCodec;
import dev.eventschema.json.JsonCodecProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated codecs: when they are generated, what they look like, and input that is not a valid object. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GeneratedCodecTest {

  private static final String TOKEN = """
      {"requestId": "r1", "index": 3, "token": "the", "elapsedMs": 1.5""";

  static JsonCodec<Object> tokenCodec() {
    return TestSchemas.TOKENS.codeWithJson().codec("TokenEvent");
  }

  static List<Violation> violations(ParseResult<?> result) {
    assertThat(result.isValid()).as("valid: %s", result).isFalse();
    return result.violations();
  }

  @Nested
  class Generation {

    @Test
    void withoutSchemaJsonOnTheClassPathNoCodecIsGenerated() {
      Compilation compilation = TestSchemas.TOKENS.code().compilation();
      assertThat(compilation.generatedSourceFile(GeneratedCode.PACKAGE + ".TokenEventCodec")).isEmpty();
      assertThat(compilation.generatedSourceFile(GeneratedCode.PACKAGE + ".EventSchemaCodecs")).isEmpty();
    }

    @Test
    void aProviderListsEveryCodecOfThePackageForTheServiceLoader() throws Exception {
      GeneratedCode code = TestSchemas.TOKENS.codeWithJson();
      JsonCodecProvider provider = (JsonCodecProvider) code.type("EventSchemaCodecs").getConstructor().newInstance();
      assertThat(provider.codecs()).extracting(c -> c.validator().eventName())
          .containsExactlyInAnyOrder("token", "modelLoaded", "modelUnloaded");
      assertThat(code.resource("META-INF/services/dev.eventschema.json.JsonCodecProvider"))
          .contains(GeneratedCode.PACKAGE + ".EventSchemaCodecs\n");
    }

    @Test
    void theCodecReadsLikeHandWrittenCode() {
      JavaFileObject schema = TestSchemas.source("ModelUnloadedEvent", """
          @EventSchema
          public interface ModelUnloadedEvent {
            String model();

            @Positive OptionalLong parameters();
          }
          """);
      Compilation compilation = GeneratedCode.compileWithJsonOrFail(List.of(schema)).compilation();
      assertThat(compilation)
          .generatedSourceFile(GeneratedCode.PACKAGE + ".ModelUnloadedEventCodec")
          .hasSourceEquivalentTo(JavaFileObjects.forSourceString(GeneratedCode.PACKAGE + ".ModelUnloadedEventCodec",
              GoldenCodec.MODEL_UNLOADED));
    }
  }

  @Nested
  class NotAValidObject {

    static Stream<Arguments> malformed() {
      return Stream.of(
          Arguments.of(TOKEN + ", \"index\": tru}", "/index", "line 1, column 76"),
          Arguments.of(TOKEN, "/elapsedMs", "line 1, column 65"),
          Arguments.of("{\"requestId\" \"r1\"}", "/requestId", "line 1, column 14"),
          Arguments.of(TOKEN + "}\n{}", "", "line 2, column 1"),
          Arguments.of("", "", "the input is empty"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void malformedJsonIsOneViolationWithLineAndColumn(String json, String path, String where) {
      assertThat(violations(tokenCodec().read(json))).singleElement().satisfies(v -> {
        assertThat(v.path()).isEqualTo(path);
        assertThat(v.code()).isEqualTo(Code.INVALID_FORMAT);
        assertThat(v.message()).startsWith("malformed JSON").contains(where);
      });
    }

    @Test
    void aRootThatIsNotAnObjectIsAnInvalidType() {
      assertThat(violations(tokenCodec().read("[1, 2]")))
          .containsExactly(new Violation("", Code.INVALID_TYPE, "expected an object, was array"));
    }

    @Test
    void theParsersDefaultLimitsApply() {
      String longNumber = "{\"requestId\": \"r\", \"index\": " + "1".repeat(1001) + "}";
      assertThat(violations(tokenCodec().read(longNumber))).singleElement().satisfies(v -> {
        assertThat(v.code()).isEqualTo(Code.TOO_BIG);
        assertThat(v.path()).isEqualTo("/index");
        assertThat(v.message()).startsWith("exceeds a limit of the JSON parser at line 1").contains("Number value length");
      });
      String deep = "{\"metadata\": " + "[".repeat(1001) + "]".repeat(1001) + "}";
      assertThat(violations(tokenCodec().read(deep))).singleElement()
          .satisfies(v -> assertThat(v.message()).contains("Document nesting depth (1001) exceeds"));
    }

    static Stream<Arguments> limits() {
      return Stream.of(
          Arguments.of(StreamReadConstraints.builder().maxStringLength(10).build(),
              TOKEN.replace("\"the\"", "\"" + "t".repeat(11) + "\"") + "}", "String value length"),
          // Checked as the parser loads more input: past its first buffer.
          Arguments.of(StreamReadConstraints.builder().maxDocumentLength(10_000).build(),
              TOKEN + ", \"metadata\": {\"text\": \"" + "x".repeat(20_000) + "\"}}", "Document length"),
          Arguments.of(StreamReadConstraints.builder().maxNestingDepth(3).build(),
              "{\"metadata\": {\"a\": {\"b\": {}}}}", "nesting depth"),
          Arguments.of(StreamReadConstraints.builder().maxNumberLength(3).build(), TOKEN.replace("3", "1234") + "}",
              "Number value length"));
    }

    @ParameterizedTest
    @MethodSource("limits")
    void aParsersOwnLimitsBecomeOneTooBigViolation(StreamReadConstraints limits, String json, String which)
        throws IOException {
      JsonFactory factory = JsonFactory.builder().streamReadConstraints(limits).build();
      // From a stream: the parser meets the document's length as it reads, not when it is created.
      try (JsonParser parser = factory.createParser(new ByteArrayInputStream(json.getBytes(UTF_8)))) {
        assertThat(violations(tokenCodec().read(parser))).singleElement().satisfies(v -> {
          assertThat(v.code()).isEqualTo(Code.TOO_BIG);
          assertThat(v.message()).contains("line 1, column").contains(which);
        });
      }
    }

    @Test
    void aStreamThatFailsIsAViolationNotAnException() {
      InputStream failing = new InputStream() {
        @Override
        public int read() throws IOException {
          throw new IOException("connection reset");
        }
      };
      assertThat(violations(tokenCodec().read(failing))).singleElement()
          .satisfies(v -> assertThat(v.message()).startsWith("could not read the JSON text").contains("connection reset"));
    }
  }

  @Nested
  class Keys {

    static Stream<Arguments> duplicates() {
      return Stream.of(
          Arguments.of(TestSchemas.TOKENS, "TokenEvent", TOKEN + ", \"token\": \"a\"}", "/token"),
          Arguments.of(TestSchemas.TOKENS, "TokenEvent", TOKEN + ", \"metadata\": {\"a\": [{\"b\": 1, \"b\": 2}]}}",
              "/metadata/a/0/b"),
          Arguments.of(TestSchemas.TELEMETRY, "TelemetryConfig", "{\"enabled\": true, \"labels\": {\"env\": \"a\", \"env\": \"b\"}}",
              "/labels/env"),
          Arguments.of(TestSchemas.JOBS, "JobUpdatedEvent", """
              {"jobId": "j", "status": "queued", "resources": {"cpus": 1, "memoryBytes": 0, "cpus": 2}}""",
              "/resources/cpus"),
          Arguments.of(TestSchemas.PROMPTS, "TemplatePrompt", """
              {"type": "template", "template": "t", "type": "template"}""", "/type"));
    }

    @ParameterizedTest
    @MethodSource("duplicates")
    void aKeyThatAppearsTwiceIsAnInvalidValue(TestSchemas group, String schema, String json, String path) {
      assertThat(violations(group.codeWithJson().codec(schema).read(json)))
          .extracting(Violation::path, Violation::code, Violation::message)
          .containsExactly(tuple(path, Code.INVALID_VALUE,
              "duplicate key '" + path.substring(path.lastIndexOf('/') + 1) + "'; a key may appear only once"));
    }

    @Test
    void anUnknownKeyIsSkippedWholeAndReportedOnce() {
      String json = TOKEN + ", \"tokn\": {\"deep\": [1, {\"x\": [true, null]}]}}";
      assertThat(violations(tokenCodec().read(json)))
          .containsExactly(new Violation("/tokn", Code.UNRECOGNIZED_KEYS, "unknown key 'tokn'; did you mean 'token'?"));
    }

    @Test
    void anOpenParserReadsOneObjectAtATime() throws IOException {
      try (JsonParser parser = new JsonFactory().createParser(TOKEN + "}\n" + TOKEN + ", \"index\": -1}\n[]")) {
        assertThat(tokenCodec().read(parser).isValid()).isTrue();
        parser.nextToken();
        assertThat(violations(tokenCodec().read(parser))).extracting(Violation::path).containsExactly("/index");
        parser.nextToken();
        assertThat(violations(tokenCodec().read(parser))).extracting(Violation::code).containsExactly(Code.INVALID_TYPE);
      }
    }
  }
}
