package dev.eventschema.engine.telemetry;

import static dev.eventschema.engine.events.testing.Payloads.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TelemetrySnapshot;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import dev.eventschema.engine.events.testing.Events;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge serving a real {@code /metrics} on a free loopback port, scraped over HTTP after a
 * scripted sequence of emissions that includes rejections.
 */
class TelemetryIntegrationTest {

  static final String MODEL = "llama-3-8b";

  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  final EngineEventEmitter emitter = new EngineEventEmitter();
  TelemetryBridge bridge;
  int port;

  @BeforeEach
  void start() {
    port = FreePort.find();
    TelemetryConfig config = TelemetryConfigBuilder.builder()
        .enabled(true)
        .serviceName("itest-engine")
        .prometheusPort(port)
        .exportIntervalMs(1000)
        .putLabels("env", "test")
        .build();
    bridge = new TelemetryBridge(config).start();
    bridge.attach(emitter);
  }

  @AfterEach
  void stop() {
    bridge.close();
    emitter.close();
  }

  /** The scripted run: one model, one generation of three tokens and an end marker, and two rejections. */
  void runScript() {
    emitter.emitModelLoaded(Events.modelLoaded(MODEL));
    emitter.emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.READY, 1));
    emitter.emitGenerationStarted("g-1", Events.generationStarted(MODEL));
    emitter.emitTokenGenerated("g-1", Events.token(MODEL, "Hello"));
    emitter.emitTokenGenerated("g-1", Events.token(MODEL, ","));
    emitter.emitTokenGenerated("g-1", Events.token(MODEL, " world"));
    emitter.emitTokenGenerated("g-1", Events.token(MODEL, ""));
    emitter.emitGenerationCompleted("g-1", Events.generationCompleted(MODEL, 3, 1250));
    emitter.emit("tokenGenerated", map("model", MODEL, "token", 5), Source.NETWORK);
    emitter.emit("modelLoad", map("model", MODEL), Source.RUNTIME);
    emitter.emitError(Events.error(ErrorCode.MODEL_NOT_FOUND, "no model ghost"));
    emitter.emitTokenGenerated(Events.token("ghost", "boo"));
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10));
    if (accept != null) {
      request.header("Accept", accept);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  PrometheusText scrape() throws IOException, InterruptedException {
    HttpResponse<String> response = get("/metrics", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(MetricsServer.PROMETHEUS_TEXT);
    return new PrometheusText(response.body());
  }

  @Test
  void aScrapeAfterTheScriptShowsEveryEngineMeter() throws Exception {
    runScript();

    PrometheusText metrics = scrape();
    writeSample(metrics.text());

    Map<String, String> common = Map.of("service_name", "itest-engine", "env", "test");
    assertThat(metrics.value("eventschema_models_loaded", common)).hasValue(1);
    assertThat(metrics.value("eventschema_model_loads_total", Map.of("model", MODEL))).hasValue(1);
    assertThat(metrics.value("eventschema_requests_running")).hasValue(0);
    assertThat(metrics.value("eventschema_requests_waiting")).hasValue(0);
    assertThat(metrics.value("eventschema_generation_tokens_total", Map.of("model", MODEL))).hasValue(3);
    assertThat(metrics.value("eventschema_generation_tokens_total", Map.of("model", "other"))).hasValue(1);
    Map<String, String> genAi = Map.of("gen_ai_request_model", MODEL, "gen_ai_operation_name", "text_completion");
    assertThat(metrics.value("gen_ai_server_time_to_first_token_seconds_count", genAi)).hasValue(1);
    assertThat(metrics.value("gen_ai_server_time_per_output_token_seconds_count", genAi)).hasValue(2);
    assertThat(metrics.value("gen_ai_server_request_duration_seconds_count", genAi)).hasValue(1);
    assertThat(metrics.value("gen_ai_server_request_duration_seconds_sum", genAi)).hasValue(1.25);
    assertThat(metrics.value("gen_ai_server_request_duration_seconds_bucket", with(genAi, "le", "1.0"))).hasValue(0);
    assertThat(metrics.value("gen_ai_server_request_duration_seconds_bucket", with(genAi, "le", "1.5"))).hasValue(1);
    assertThat(metrics.value("gen_ai_server_time_to_first_token_seconds_bucket", with(genAi, "le", "2560.0")))
        .hasValue(1);
    assertThat(metrics.value("eventschema_events_emitted_total", Map.of("type", "tokenGenerated"))).hasValue(5);
    assertThat(metrics.value("eventschema_events_emitted_total", Map.of("type", "modelLoaded"))).hasValue(1);
    assertThat(metrics.value("eventschema_events_emitted_total", Map.of("type", "generationCompleted"))).hasValue(1);
    assertThat(metrics.value("eventschema_events_rejected_total",
        Map.of("type", "tokenGenerated", "code", "invalid_type", "source", "network"))).hasValue(1);
    assertThat(metrics.value("eventschema_events_rejected_total",
        Map.of("type", "unknown", "code", "invalid_value", "source", "runtime"))).hasValue(1);
    assertThat(metrics.value("eventschema_errors_total", Map.of("code", "model_not_found"))).hasValue(1);
    assertThat(metrics.value("eventschema_subscriber_drops_total")).hasValue(0);
    assertThat(metrics.value("eventschema_subscriber_failures_total")).hasValue(0);
    assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
    assertThat(metrics.has("jvm_threads_live_threads")).isTrue();
    assertThat(metrics.has("process_uptime_seconds")).isTrue();
    assertThat(metrics.samples()).allSatisfy(sample ->
        assertThat(sample.labels()).containsEntry("service_name", "itest-engine").containsEntry("env", "test"));
  }

  @Test
  void theSnapshotSummarisesTheSameRun() {
    runScript();

    TelemetrySnapshot snapshot = bridge.publishSnapshot().orElseThrow();

    assertThat(TelemetrySnapshotValidator.INSTANCE.validate(snapshot)).isEmpty();
    assertThat(snapshot.modelsLoaded()).isEqualTo(1);
    assertThat(snapshot.requestsRunning()).isZero();
    assertThat(snapshot.tokensGenerated()).isEqualTo(4);
    assertThat(snapshot.timeToFirstTokenP50Ms()).isPresent();
    assertThat(snapshot.eventsByType()).containsEntry("tokenGenerated", 5L).containsEntry("modelLoaded", 1L)
        .containsEntry("error", 1L).containsEntry("runtimeStatus", 1L);
    assertThat(snapshot.rejectionsByType()).isEqualTo(Map.of("tokenGenerated", 1L, "unknown", 1L));
    assertThat(snapshot.rejectionsByCode()).isEqualTo(Map.of("invalid_type", 1L, "invalid_value", 1L));
    assertThat(snapshot.subscriberDrops()).isZero();
  }

  @Test
  void snapshotsArriveOnTheirOwnEveryInterval() throws Exception {
    CompletableFuture<TelemetrySnapshot> first = new CompletableFuture<>();
    CompletableFuture<String> thread = new CompletableFuture<>();
    bridge.subscribeSnapshots(snapshot -> {
      thread.complete(Thread.currentThread().getName());
      first.complete(snapshot);
    });
    emitter.emitModelLoaded(Events.modelLoaded(MODEL));

    TelemetrySnapshot snapshot = first.get(30, TimeUnit.SECONDS);

    assertThat(snapshot.modelsLoaded()).isEqualTo(1);
    assertThat(thread.get()).isEqualTo("eventschema-telemetry-snapshots");
  }

  @Test
  void openMetricsIsServedWhenAsked() throws Exception {
    runScript();

    HttpResponse<String> response = get("/metrics", "application/openmetrics-text; version=1.0.0");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains(MetricsServer.OPENMETRICS_TEXT);
    assertThat(response.body()).contains("eventschema_events_rejected_total").endsWith("# EOF\n");
  }

  @Test
  void onlyGetMetricsIsServed() throws Exception {
    assertThat(get("/metrics/extra", null).statusCode()).isEqualTo(404);
    assertThat(get("/", null).statusCode()).isEqualTo(404);
    HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
  }

  @Test
  void closingTheBridgeStopsTheServerAndDetaches() throws Exception {
    bridge.close();

    emitter.emitModelLoaded(Events.modelLoaded(MODEL));

    assertThat(bridge.port()).isEmpty();
    CompletableFuture<HttpResponse<String>> refused =
        http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(refused).failsWithin(Duration.ofSeconds(10));
  }

  private static Map<String, String> with(Map<String, String> labels, String key, String value) {
    Map<String, String> more = new java.util.HashMap<>(labels);
    more.put(key, value);
    return more;
  }

  /** Keeps the scrape of the scripted run as a build artefact, for people to read. */
  private static void writeSample(String text) throws IOException {
    Path target = Path.of("target", "metrics-sample.txt");
    if (Files.isDirectory(target.getParent())) {
      Files.writeString(target, text);
    }
  }
}
