package dev.eventschema.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.testing.Threads;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MainTest {

  @TempDir
  Path dir;

  /** Runs the command line in-process; returns exit code, stdout and stderr. */
  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  record Result(int code, String out, String err) {}

  @Test
  void helpPrintsTheUsageAndSucceeds() {
    Result result = run("help");
    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("Usage: engine-runtime", "serve", "demo", "--fault-rate", "--token");
    assertThat(run("serve", "--help").code()).isZero();
  }

  @Test
  void aBadFlagExitsNonZeroNamingTheProblem() {
    assertThat(run()).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("a command is required");
    });
    assertThat(run("serv")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown command 'serv'", "did you mean 'serve'");
    });
    assertThat(run("serve", "--prot", "8080")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("unknown option '--prot'", "did you mean '--port'");
    });
    assertThat(run("serve", "--port", "eighty")).satisfies(r -> {
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("--port", "whole number", "eighty");
    });
    assertThat(run("serve", "--port", "70000").err()).contains("--port: must be between 0 and 65535, was 70000");
    assertThat(run("serve", "--port").err()).contains("--port needs a value");
    assertThat(run("serve", "--fault-rate", "0.1").err()).contains("--fault-rate belongs to the demo command");
    assertThat(run("demo", "--fault-rate", "1.5").err()).contains("--fault-rate: must be between 0 and 1, was 1.5");
    assertThat(run("serve", "--model", "nopath").err()).contains("--model: needs ID=PATH");
  }

  @Test
  void telemetryFlagsAreCheckedByTheGeneratedValidatorAndNamedAsTyped() {
    Result result = run("serve", "--prometheus-port", "80");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("--prometheus-port: must be between 1024 and 65535, was 80");
    assertThat(run("serve", "--service-name", "has spaces").err()).contains("--service-name: letters, digits");
    assertThat(run("serve", "--export-interval-ms", "10").err()).contains("--export-interval-ms: must be between");
  }

  @Test
  void aNonLoopbackHostWithoutATokenIsRefused() {
    Result result = run("serve", "--host", "0.0.0.0");
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("refusing", "0.0.0.0", "--token");
    assertThat(run("serve", "--token", "short").err()).contains("16");
  }

  @Test
  void aBadConfigFileExitsNonZeroNamingTheProblem() throws Exception {
    Path typo = Files.writeString(dir.resolve("typo.json"),
        "{\"telemetry\": {\"enabled\": true, \"prometheusPrt\": 9500}, \"stream\": {\"port\": 99999}}");
    Result result = run("serve", "--config", typo.toString());
    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("typo.json", "prometheusPrt", "did you mean 'prometheusPort'", "/stream/port");

    Path notJson = Files.writeString(dir.resolve("broken.json"), "{\"telemetry\": ");
    assertThat(run("serve", "--config", notJson.toString()).err()).contains("broken.json", "not a JSON object");
    assertThat(run("serve", "--config", dir.resolve("missing.json").toString()).err()).contains("does not exist");

    Path badTelemetry = Files.writeString(dir.resolve("telemetry.json"), "{\"telemetry\": {\"enabled\": \"yes\"}}");
    assertThat(run("serve", "--config", badTelemetry.toString()).err()).contains("/telemetry/enabled");
  }

  @Test
  void serveRunsUntilStoppedAndThenShutsDownCleanly() throws Exception {
    Set<Thread> before = Threads.snapshot();
    Path config = Files.writeString(dir.resolve("engine.json"), """
        {"telemetry": {"enabled": true, "prometheusPort": %d, "exportIntervalMs": 1000},
         "stream": {"port": 0, "historySize": 100},
         "engine": {"maxConcurrent": 2}}
        """.formatted(EmbeddedEngine.freePort()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> Main.run(
        new String[] {"serve", "--config", config.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), stop));
    URI events = awaitEventsUri(out, exit);
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(events.resolve("health")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"modelsLoaded\":1", "harbor-trigram");
    }
    stop.countDown();
    assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped");
    assertThat(Threads.leakedSince(before, Duration.ofSeconds(15))).isEmpty();
  }

  @Test
  void asARealProcessABadConfigExitsNonZeroWithTheMessage() throws Exception {
    Path typo = Files.writeString(dir.resolve("engine.json"), "{\"engine\": {\"maxConcurent\": 2}}");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--config", typo.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    process.getOutputStream().close();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(stderr.get(10, TimeUnit.SECONDS)).contains("maxConcurent", "did you mean 'maxConcurrent'");
    assertThat(stdout.get(10, TimeUnit.SECONDS)).doesNotContain("streaming");
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void serveWithARuntimeThatCannotStartExitsAtOnce_namingTheProgramAndTheOsError() {
    Result result = run("serve", "--port", "0", "--no-telemetry", "--runtime", "/nonexistent/prog");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).contains(
        "engine-runtime: cannot start: cannot start runtime '/nonexistent/prog': No such file or directory (error=2)");
    assertThat(result.out()).doesNotContain("streaming events");
  }

  private static String read(java.io.InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static URI awaitEventsUri(ByteArrayOutputStream out, CompletableFuture<Integer> exit) throws Exception {
    Pattern line = Pattern.compile("streaming events on (http://\\S+)events");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      Matcher matcher = line.matcher(out.toString(StandardCharsets.UTF_8));
      if (matcher.find()) {
        return URI.create(matcher.group(1));
      }
      if (exit.isDone()) {
        throw new AssertionError("serve exited early with " + exit.get());
      }
      try {
        exit.get(20, TimeUnit.MILLISECONDS); // polling interval: returns early if serve exits
      } catch (java.util.concurrent.TimeoutException stillRunning) {
        // go on polling
      }
    }
    throw new AssertionError("serve never said where it streams");
  }
}
