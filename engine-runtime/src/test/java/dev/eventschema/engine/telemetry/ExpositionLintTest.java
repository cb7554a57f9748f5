package dev.eventschema.engine.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.testing.RawHttp;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The {@code /metrics} exposition passes {@code promtool check metrics}: always by the in-JVM
 * {@link PromLint} (the same rules), and by promtool itself when it is installed. CI must have it
 * ({@code .ci/run} installs Debian's {@code prometheus} package), so under {@code CI=true} a missing
 * promtool fails the test instead of passing it quietly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExpositionLintTest {

  @Test
  void theExpositionIsLintClean() throws Exception {
    TelemetryConfig config = TelemetryConfigBuilder.builder().enabled(true).prometheusPort(FreePort.find())
        .putLabels("env", "test").build();
    try (EngineEventEmitter emitter = new EngineEventEmitter();
        TelemetryBridge bridge = new TelemetryBridge(config).start()) {
      bridge.attach(emitter);
      emitter.emitModelLoaded(Events.modelLoaded("m"));
      emitter.emitGenerationStarted("g-1", Events.generationStarted("m"));
      emitter.emitTokenGenerated("g-1", Events.token("m", "a"));
      emitter.emitTokenGenerated("g-1", Events.token("m", "b"));
      emitter.emitGenerationCompleted("g-1", Events.generationCompleted("m", 2, 10));
      emitter.emitError(Events.error(ErrorCode.MODEL_NOT_FOUND, "no model"));
      emitter.emit("tokenGenerated", Map.of("token", 5), Source.NETWORK);
      String text = RawHttp.get(bridge.port().orElseThrow(), "/metrics", "localhost").body();
      assertThat(text).contains("process_cpu_seconds_total", "system_cpus_available")
          .doesNotContain("process_cpu_time_ns_total", "system_cpu_count");

      assertThat(PromLint.check(text)).isEmpty();
      Optional<String> promtool = promtool();
      if (promtool.isEmpty()) {
        assertThat(System.getenv("CI")).as("promtool is missing; CI installs it (.ci/run)").isNotEqualTo("true");
        return;
      }
      Process check = new ProcessBuilder(promtool.get(), "check", "metrics").redirectErrorStream(true).start();
      check.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
      check.getOutputStream().close();
      String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(output).isEmpty();
      assertThat(check.exitValue()).isZero();
    }
  }

  private static Optional<String> promtool() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
        .map(dir -> new File(dir, "promtool")).filter(File::canExecute).map(File::getPath).findFirst();
  }
}
