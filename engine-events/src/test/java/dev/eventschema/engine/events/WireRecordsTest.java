package dev.eventschema.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small hand-written helpers of the wire records: wire names and the violation's wire form. */
class WireRecordsTest {

  private static final Violation TOO_BIG =
      new Violation("/port", Violation.Code.TOO_BIG, "must be at most 65535, was 70000");

  @Test
  void aViolationRecordRoundTripsToTheViolation() {
    ViolationRecord record = ViolationRecord.of(TOO_BIG);

    assertThat(record.path()).isEqualTo("/port");
    assertThat(record.code()).isEqualTo(Violation.Code.TOO_BIG);
    assertThat(record.toViolation()).isEqualTo(TOO_BIG);
  }

  @Test
  void wireFormsListEachViolationAsPathCodeAndMessage() {
    List<Map<String, Object>> wire = ViolationRecord.wireForms(List.of(TOO_BIG));

    assertThat(wire).containsExactly(
        Map.of("path", "/port", "code", "too_big", "message", "must be at most 65535, was 70000"));
  }

  @Test
  void sourcesAndErrorCodesAreLowerSnakeOnTheWire() {
    assertThat(Source.CONSUMER.wireName()).isEqualTo("consumer");
    assertThat(Source.RUNTIME.wireName()).isEqualTo("runtime");
    assertThat(ErrorCode.MODEL_NOT_FOUND.wireName()).isEqualTo("model_not_found");
  }
}
