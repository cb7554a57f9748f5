package dev.eventschema.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.testing.compile.Compilation;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.Violation.Code;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The rules that once meant different things in the validator and in its JSON Schema (see the
 * README's rules table): each one's validator side, message and exported keyword.
 */
@Timeout(60)
class WireRulesTest {

  private static final GeneratedCode CODE = GeneratedCode.compileOrFail(List.of(TestSchemas.source("Probe", """
      @EventSchema
      public interface Probe {
        @Size(max = 4) String name();

        long count();

        double score();

        @Size(min = 1) List<String> parts();

        Map<String, Object> metadata();
      }
      """)));

  private static final SchemaValidator<Object> PROBE = CODE.validator("Probe");

  private static Map<String, Object> payload(Object... keysAndValues) {
    Map<String, Object> payload = new LinkedHashMap<>(Map.of("name", "ab", "count", 1, "score", 0.5, "parts", List.of("p")));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      payload.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return payload;
  }

  private static List<Violation> violations(Map<String, Object> payload) {
    ParseResult<Object> result = PROBE.parse(payload);
    return result.violations();
  }

  @Test
  void stringLengthsCountCodePoints() {
    assertThat(violations(payload("name", "😀😀😀😀"))).isEmpty();
    assertThat(violations(payload("name", "😀😀😀😀😀"))).extracting(Violation::path, Violation::code, Violation::message)
        .containsExactly(tuple("/name", Code.TOO_BIG, "must have at most 4 characters, had 5"));
    assertThat(violations(payload("name", "abcd"))).isEmpty();
    assertThat(violations(payload("name", "abc😀"))).isEmpty();
    assertThat(violations(payload("name", "abcde"))).hasSize(1);
    assertThat(CODE.resource("META-INF/eventschema/probe.schema.json").orElseThrow()).contains("\"maxLength\": 4");
  }

  @Test
  void numbersBeyondTheDoubleRangeAreTooBigAsWritten() {
    assertThat(violations(payload("score", new BigDecimal("1e400"), "count", new BigDecimal("-1e400"))))
        .extracting(Violation::path, Violation::code, Violation::message).containsExactly(
            tuple("/count", Code.TOO_SMALL, "must fit in a long (at least -9223372036854775808), was -1E+400"),
            tuple("/score", Code.TOO_BIG, "must be at most 1.7976931348623157E308 (the double range), was 1E+400"));
    assertThat(violations(payload("score", new BigInteger("9".repeat(400))))).extracting(Violation::code)
        .containsExactly(Code.TOO_BIG);
    assertThat(violations(payload("metadata", Map.of("x", new BigDecimal("-1e400"))))).extracting(Violation::path)
        .containsExactly("/metadata/x");
    assertThat(violations(payload("score", new BigDecimal("1.7976931348623157e308")))).isEmpty();
    assertThat(violations(payload("count", new BigDecimal("1e1000000000")))).extracting(Violation::code)
        .containsExactly(Code.TOO_BIG);
  }

  @Test
  void longAndDoubleExportTheirTypesRange() {
    String schema = CODE.resource("META-INF/eventschema/probe.schema.json").orElseThrow();

    assertThat(schema).contains("\"minimum\": -9223372036854775808", "\"maximum\": 9223372036854775807",
        "\"minimum\": -1.7976931348623157E308", "\"maximum\": 1.7976931348623157E308");
  }

  @Test
  void aCollectionThatMustNotBeEmptyIsRequired() {
    Map<String, Object> withoutParts = payload();
    withoutParts.remove("parts");

    assertThat(violations(withoutParts)).extracting(Violation::path, Violation::code)
        .containsExactly(tuple("/parts", Code.MISSING));
    assertThat(CODE.resource("META-INF/eventschema/probe.schema.json").orElseThrow())
        .containsPattern("\"required\": \\[[^]]*\"parts\"");
  }

  @Test
  void theOpenObjectsDepthLimitIsInTheSchema() {
    assertThat(violations(payload("metadata", nested(32)))).isEmpty();
    assertThat(violations(payload("metadata", nested(33)))).extracting(Violation::code).containsExactly(Code.TOO_BIG);
    String schema = CODE.resource("META-INF/eventschema/probe.schema.json").orElseThrow();
    assertThat(schema).contains("\"json-value-depth-32\"", "\"json-value-depth-33\"")
        .doesNotContain("\"json-value-depth-34\"");
  }

  /** An open object whose containers nest {@code depth} deep, counting itself as 1. */
  private static Map<String, Object> nested(int depth) {
    Object value = "leaf";
    for (int level = depth; level > 1; level--) {
      value = level % 2 == 0 ? new ArrayList<>(List.of(value)) : new LinkedHashMap<>(Map.of("k", value));
    }
    return new LinkedHashMap<>(Map.of("k", value));
  }

  @Test
  void aNonPortableRegexIsACompileErrorWithItsIdAndAReplacement() {
    Compilation compilation = GeneratedCode.compile(TestSchemas.source("Bad", """
        @EventSchema
        public interface Bad {
          @Pattern(regexp = "https?://[^\\\\s]+") String url();
        }
        """));

    assertThat(compilation.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(compilation.errors()).extracting(d -> d.getMessage(null)).containsExactly(
        "[eventschema:non-portable-regex] @Pattern regexp on url(): \\s at index 11 of \"https?://[^\\s]+\" means one"
            + " thing in Java and another in ECMA-262, which JSON Schema validators use; write [ \\t\\n\\x0B\\f\\r]"
            + " (Java's \\s is ASCII, ECMA-262's includes Unicode spaces)");
    assertThat(compilation.errors()).allSatisfy(d -> assertThat(d.getKind()).isEqualTo(Diagnostic.Kind.ERROR));
  }
}
