package dev.eventschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.Violation.Code;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ViolationTest {

  @ParameterizedTest
  @EnumSource(Code.class)
  void codesHaveALowerSnakeWireFormThatReadsBack(Code code) {
    assertThat(code.wireName()).matches("[a-z_]+");
    assertThat(Code.fromWireName(code.wireName())).isEqualTo(code);
  }

  @Test
  void readsAsPathMessageAndCode() {
    Violation violation = new Violation("/prometheusPort", Code.TOO_SMALL, "must be between 1024 and 65535, was 80");

    assertThat(violation).hasToString("/prometheusPort: must be between 1024 and 65535, was 80 [too_small]");
    assertThat(violation.field()).isEqualTo("prometheusPort");
    assertThat(violation.under("/config").path()).isEqualTo("/config/prometheusPort");
    assertThat(new Violation("", Code.INVALID_TYPE, "expected an object").field()).isEqualTo("(root)");
  }

  @Test
  void theExceptionListsEveryViolation() {
    SchemaViolationException e = new SchemaViolationException(List.of(
        new Violation("/a", Code.MISSING, "is required"),
        new Violation("/b", Code.TOO_BIG, "must be at most 3, was 4")));

    assertThat(e.getMessage()).isEqualTo("2 schema violations:\n  /a: is required [missing]\n  /b: must be at most 3, was 4 [too_big]");
    assertThat(e.violations()).hasSize(2);
  }

  @Test
  void anInvalidResultHasAtLeastOneViolationAndThrowsThemAll() {
    assertThatThrownBy(() -> new ParseResult.Invalid<String>(List.of())).isInstanceOf(IllegalArgumentException.class);

    ParseResult<String> invalid = new ParseResult.Invalid<>(List.of(new Violation("", Code.MISSING, "x")));

    assertThat(invalid.isValid()).isFalse();
    assertThatThrownBy(invalid::orElseThrow).isInstanceOf(SchemaViolationException.class).hasMessageContaining("(root): x");
    assertThat(new ParseResult.Valid<>("v").orElseThrow()).isEqualTo("v");
  }
}
