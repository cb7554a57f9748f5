package dev.eventschema.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.Violation;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.Emission;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.RejectionRecord;
import dev.eventschema.engine.events.Source;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Violations are capped wherever they are printed or sent: the first 20, then "and N more". */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReportedViolationsTest {

  private static final List<Violation> MANY = IntStream.range(0, 1000)
      .mapToObj(i -> new Violation("/tokens/" + i, Violation.Code.INVALID_TYPE, "expected a string, was number " + i))
      .toList();

  @Test
  void textExceptionsAndRejectionRecordsReportTheFirstTwentyThenHowManyMore() {
    String text = ReportedViolations.describe(MANY);
    assertThat(text).contains("/tokens/19:").doesNotContain("/tokens/20:").endsWith("; and 980 more");

    EngineException exception = EngineException.ofViolations(ErrorCode.INVALID_EVENT, "tokenGenerated event", MANY);
    assertThat(exception.getMessage()).contains("and 999 more violations");
    assertThat((List<?>) exception.details().get("violations")).hasSize(20);
    assertThat(exception.details()).containsEntry("moreViolations", 980);

    try (EngineEventEmitter emitter = new EngineEventEmitter()) {
      Emission emission = emitter.reject("tokenGenerated", Map.of(), MANY, Source.RUNTIME);
      RejectionRecord record = ((Emission.Rejected) emission).rejection().toRecord();
      assertThat(record.violations()).hasSize(20);
      assertThat(record.moreViolations()).hasValue(980);
    }
    assertThat(ReportedViolations.describe(MANY.subList(0, 3))).doesNotContain("more");
  }
}
