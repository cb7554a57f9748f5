package dev.eventschema.engine.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventschema.Violation.Code;
import dev.eventschema.Violation;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.ErrorEventValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineExceptionTest {

  static final List<Violation> VIOLATIONS = List.of(
      new Violation("/prometheusPort", Code.TOO_SMALL, "must be between 1024 and 65535, was 80"),
      new Violation("/serviceName", Code.INVALID_FORMAT, "letters, digits, hyphens and underscores only"),
      new Violation("", Code.MISSING, "is required"));

  @Test
  void violationsNameTheFirstFieldAndRuleAndListEveryViolation() {
    EngineException e = EngineException.ofViolations(ErrorCode.INVALID_CONFIG, "telemetry config", VIOLATIONS,
        Map.of("origin", "telemetry.json"));

    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIG);
    assertThat(e.getMessage()).isEqualTo("Invalid telemetry config: field 'prometheusPort' must be between 1024 and"
        + " 65535, was 80 [too_small] (and 2 more violations)");
    assertThat(e.details()).containsEntry("origin", "telemetry.json").containsEntry("field", "prometheusPort")
        .containsEntry("rule", "too_small");
    assertThat(e.details().get("violations")).isEqualTo(List.of(
        Map.of("path", "/prometheusPort", "code", "too_small", "message", "must be between 1024 and 65535, was 80"),
        Map.of("path", "/serviceName", "code", "invalid_format", "message",
            "letters, digits, hyphens and underscores only"),
        Map.of("path", "", "code", "missing", "message", "is required")));
  }

  @Test
  void oneViolationIsSaidWithoutACount() {
    EngineException e = EngineException.ofViolations(ErrorCode.INVALID_EVENT, "modelLoaded event",
        List.of(new Violation("", Code.MISSING, "is required")));

    assertThat(e.getMessage()).isEqualTo("Invalid modelLoaded event: field '(root)' is required [missing]");
  }

  @Test
  void twoViolationsSayOneMore() {
    EngineException e = EngineException.ofViolations(ErrorCode.INVALID_EVENT, "x", VIOLATIONS.subList(0, 2));

    assertThat(e.getMessage()).endsWith("(and 1 more violation)");
  }

  @Test
  void anExceptionAboutNoViolationIsABug() {
    assertThatThrownBy(() -> EngineException.ofViolations(ErrorCode.INVALID_EVENT, "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toEventMakesAValidErrorEvent() {
    IllegalStateException cause = new IllegalStateException("socket closed");
    EngineException e = new EngineException(ErrorCode.MODEL_LOAD_FAILED, "could not load llama",
        Map.of("attempts", 3, "ratio", Double.NaN), cause);

    ErrorEvent event = e.toEvent("llama");

    assertThat(e.getCause()).isSameAs(cause);
    assertThat(ErrorEventValidator.INSTANCE.validate(event)).isEmpty();
    assertThat(ErrorEventValidator.INSTANCE.toMap(event)).isEqualTo(Map.of("error", "could not load llama",
        "code", "model_load_failed", "model", "llama", "metadata", Map.of("attempts", 3, "ratio", "NaN")));
  }

  @Test
  void toEventWithoutAMessageUsesTheCodeAndShortensLongMessages() {
    assertThat(new EngineException(ErrorCode.TIMEOUT, null).toEvent().error()).isEqualTo("timeout");
    assertThat(new EngineException(ErrorCode.INTERNAL, "").toEvent().model()).isEmpty();
    ErrorEvent longOne = new EngineException(ErrorCode.INTERNAL, "x".repeat(10_000), null).toEvent();
    assertThat(longOne.error()).hasSize(8192).endsWith("...");
  }

  @Test
  void codesHaveLowerSnakeWireNames() {
    assertThat(ErrorCode.QUEUE_FULL.wireName()).isEqualTo("queue_full");
    assertThat(ErrorCode.RUNTIME_UNAVAILABLE.wireName()).isEqualTo("runtime_unavailable");
    assertThat(ErrorCode.values()).hasSize(11);
  }
}
