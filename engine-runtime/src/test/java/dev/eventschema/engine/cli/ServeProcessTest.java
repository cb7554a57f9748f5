package dev.eventschema.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.testing.SseClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve} as a real process: long streams survive a response-time limit, SIGTERM stops it cleanly. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeProcessTest {

  @Test
  void aStreamOutlivesAResponseTimeLimitAndSigtermEndsItWithTheShutdownStatus() throws Exception {
    // A 1 s limit, as something loaded before the engine might set (the Prometheus HTTPServer sets 600 s):
    // the engine resets it to unlimited before its first server, so the stream is not cut.
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsun.net.httpserver.maxRspTime=1", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "serve", "--port", "0", "--no-telemetry", "--heartbeat-ms", "200");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      URI events = null;
      Pattern where = Pattern.compile("streaming events on (http://\\S+/events)");
      for (String line = out.readLine(); line != null && events == null; line = out.readLine()) {
        Matcher matcher = where.matcher(line);
        if (matcher.find()) {
          events = URI.create(matcher.group(1));
        }
      }
      assertThat(events).as("serve printed its stream address").isNotNull();
      CompletableFuture.runAsync(() -> out.lines().forEach(line -> { })); // keep draining its output

      try (SseClient client = SseClient.connect(events, Map.of("Last-Event-ID", "0"))) {
        // 20 heartbeats at 200 ms: the stream stays open well past the 1 s limit the process was given
        for (int i = 0; i < 20; i++) {
          SseClient.Frame frame = client.await(f -> f.isComment() && f.comment().equals("heartbeat")
              || "eof".equals(f.event()), Duration.ofSeconds(10));
          assertThat(frame.event()).as("stream cut after %d heartbeats", i).isNotEqualTo("eof");
        }
        process.destroy(); // SIGTERM
        SseClient.Frame last = null;
        for (SseClient.Frame frame = client.nextEvent(Duration.ofSeconds(20)); !"eof".equals(frame.event());
            frame = client.nextEvent(Duration.ofSeconds(20))) {
          last = frame;
        }
        assertThat(last).isNotNull();
        assertThat(last.type()).isEqualTo("runtimeStatus");
        assertThat(last.payload()).containsEntry("status", "shutdown");
      }
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // the JVM's exit status after a signal: 128 + 15, once the shutdown hook has closed the engine
      assertThat(process.exitValue()).isEqualTo(143);
    } finally {
      process.destroyForcibly();
    }
  }
}
