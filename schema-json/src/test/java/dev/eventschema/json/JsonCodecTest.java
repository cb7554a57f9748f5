package dev.eventschema.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import dev.eventschema.support.CheckedJson;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link JsonCodec} and {@link JsonInput} on a hand-written codec, {@link Point.Codec}. */
@Timeout(10)
class JsonCodecTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Point.Codec CODEC = Point.Codec.INSTANCE;

  @Test
  void aValidReadGivesTheValueWithCollectionsThatTheValueKeptAsTheyWere() {
    Point point = valid("{\"name\":\"p\",\"tags\":[1,2],\"meta\":{\"a\":[1,{\"b\":null}],\"c\":1.5}}");

    assertThat(point.name()).isEqualTo("p");
    assertThat(point.tags()).containsExactly(1, 2);
    assertThat(point.meta()).isEqualTo(Map.of("a", List.of(1, java.util.Collections.singletonMap("b", null)), "c", 1.5));
    // Checked while read: the record's JsonValues.copyObject kept it instead of copying it again.
    assertThat(CheckedJson.isChecked(point.meta())).isTrue();
    assertThat(CheckedJson.heightOf(point.meta())).isEqualTo(3);
  }

  @Test
  void everyInputFormGivesTheSameValue() throws Exception {
    String json = "{\"name\":\"p\",\"tags\":[3],\"meta\":{\"k\":\"v\"}}";
    Point expected = valid(json);

    assertThat(CODEC.read(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(new ParseResult.Valid<>(expected));
    assertThat(CODEC.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo(new ParseResult.Valid<>(expected));
    assertThat(CODEC.read(new StringReader(json))).isEqualTo(new ParseResult.Valid<>(expected));
  }

  @Test
  void theSameAnswerAsParseOfTheMapOnInvalidOpenMapContent() throws Exception {
    // 1e999 overflows to infinity; 33 nested objects exceed JsonValues.MAX_DEPTH.
    String deep = "{\"a\":".repeat(33) + "1" + "}".repeat(33);
    for (String json : List.of(
        "{\"name\":\"p\",\"meta\":{\"x\":1e999,\"y\":[1,-1e999]}}",
        "{\"name\":\"p\",\"meta\":" + deep + "}",
        // an integer beyond the double range: too_big, as written
        "{\"name\":\"p\",\"meta\":{\"big\":1" + "0".repeat(400) + "}}",
        "{\"meta\":{\"x\":1e999},\"tags\":[1,\"two\",null],\"nmae\":1}")) {
      ParseResult<Point> viaMap = Point.VALIDATOR.parse(MAPPER.readValue(json, Map.class));
      assertThat(CODEC.read(json)).as(json).isEqualTo(viaMap);
      assertThat(viaMap).isInstanceOf(ParseResult.Invalid.class);
    }
  }

  @Test
  void theDeepestAllowedOpenMapIsValidAndChecked() {
    String deepest = "{\"a\":".repeat(32) + "1" + "}".repeat(32);
    Point point = valid("{\"name\":\"p\",\"meta\":" + deepest + "}");
    assertThat(CheckedJson.heightOf(point.meta())).isEqualTo(32);
  }

  @Test
  void aDuplicateKeyIsReportedAtItsPathAtAnyDepth() {
    assertThat(violations("{\"name\":\"p\",\"name\":\"q\",\"meta\":{\"a\":{\"b\":1,\"b\":2}}}"))
        .extracting(Violation::path, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/name", Code.INVALID_VALUE),
            org.assertj.core.groups.Tuple.tuple("/meta/a/b", Code.INVALID_VALUE));
  }

  @Test
  void violationsComeInParseOrderWhateverTheKeyOrder() {
    assertThat(violations("{\"tags\":[\"x\"],\"extra\":true}"))
        .extracting(Violation::path, Violation::code)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("/extra", Code.UNRECOGNIZED_KEYS),
            org.assertj.core.groups.Tuple.tuple("/name", Code.MISSING),
            org.assertj.core.groups.Tuple.tuple("/tags/0", Code.INVALID_TYPE));
  }

  @Test
  void malformedTruncatedAndTrailingTextIsOneViolationWithLineAndColumn() {
    Violation truncated = single("{\"name\":\n\"p\"");
    assertThat(truncated.code()).isEqualTo(Code.INVALID_FORMAT);
    assertThat(truncated.message()).startsWith("malformed JSON at line 2, column");

    Violation trailing = single("{\"name\":\"p\"} {}");
    assertThat(trailing.message()).isEqualTo("malformed JSON at line 1, column 14: unexpected content after the object");

    assertThat(single("").message()).isEqualTo("malformed JSON: expected an object, the input is empty");
    assertThat(single("[1]")).isEqualTo(new Violation("", Code.INVALID_TYPE, "expected an object, was array"));
  }

  @Test
  void aParserLimitIsOneTooBigViolation() {
    Violation limit = single("{\"name\":\"p\",\"tags\":[" + "9".repeat(1001) + "]}");
    assertThat(limit.code()).isEqualTo(Code.TOO_BIG);
    assertThat(limit.message()).startsWith("exceeds a limit of the JSON parser at line 1");
  }

  @Test
  void anOpenParserReadsASequenceOfObjects() throws Exception {
    try (JsonParser parser = new JsonFactory().createParser("{\"name\":\"a\"}\n{\"name\":\"b\"}")) {
      assertThat(((ParseResult.Valid<Point>) CODEC.read(parser)).value().name()).isEqualTo("a");
      parser.nextToken(); // the codec leaves the parser on the object's end
      assertThat(((ParseResult.Valid<Point>) CODEC.read(parser)).value().name()).isEqualTo("b");
    }
  }

  @Test
  void writingGivesTheCompactWireFormRepeatedlyWithRecycledBuffers() {
    Point point = valid("{\"name\":\"p\\u00e9\",\"tags\":[1],\"meta\":{\"k\":[true,null,2.5]}}");
    String expected = "{\"name\":\"pé\",\"tags\":[1],\"meta\":{\"k\":[true,null,2.5]}}";
    for (int i = 0; i < 3; i++) {
      assertThat(CODEC.writeString(point)).isEqualTo(expected);
      assertThat(new String(CODEC.writeBytes(point), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
    String big = "x".repeat(100_000);
    Point large = valid("{\"name\":\"" + big + "\"}");
    assertThat(CODEC.writeBytes(large)).hasSize(big.length() + "{\"name\":\"\",\"tags\":[],\"meta\":{}}".length());
  }

  private static Point valid(String json) {
    ParseResult<Point> result = CODEC.read(json);
    assertThat(result).as(json).isInstanceOf(ParseResult.Valid.class);
    return ((ParseResult.Valid<Point>) result).value();
  }

  private static List<Violation> violations(String json) {
    ParseResult<Point> result = CODEC.read(json);
    assertThat(result).as(json).isInstanceOf(ParseResult.Invalid.class);
    return result.violations();
  }

  private static Violation single(String json) {
    List<Violation> violations = violations(json);
    assertThat(violations).hasSize(1);
    return violations.get(0);
  }
}
