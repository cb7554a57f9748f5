package dev.eventschema.engine.emit;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.events.Source;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each rejection is logged once at WARN, with its violations (slf4j-simple writes to System.err). */
class RejectionWarningTest {

  @Test
  void aRejectionIsLoggedOnceWithItsViolations() {
    EngineEventEmitter emitter = new EngineEventEmitter();
    emitter.subscribeRejections(r -> {});
    emitter.subscribeRejections(r -> {});
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      emitter.emit("runtimeStatus", map("status", "warming-up-4711", "modelsLoaded", -1), Source.RUNTIME);
    } finally {
      System.setErr(original);
    }

    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).containsOnlyOnce("warming-up-4711");
    assertThat(log).contains("WARN").contains("Rejected runtimeStatus payload from runtime (seq 1)")
        .contains("/status").contains("[invalid_value]").contains("/modelsLoaded").contains("[too_small]");
  }
}
