package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.backend.GenerationRequest;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.config.OtlpSettingsBuilder;
import dev.eventschema.engine.config.TelemetryConfigBuilder;
import dev.eventschema.engine.emit.Emission;
import dev.eventschema.engine.emit.RejectedPayload;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.RuntimeStatus;
import dev.eventschema.engine.events.Source;
import dev.eventschema.engine.events.TokenGeneratedEvent;
import dev.eventschema.engine.events.testing.Events;
import dev.eventschema.engine.export.otlp.OtlpProto.Found;
import dev.eventschema.engine.export.otlp.TestCollector.LogRecordWithResource;
import dev.eventschema.engine.export.otlp.TestCollector.Mode;
import dev.eventschema.engine.testing.Await;
import dev.eventschema.engine.testing.RawHttp;
import dev.eventschema.engine.testing.Threads;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An engine with the {@code otlp} option on, sending to a real OTLP/HTTP collector on 127.0.0.1 that
 * decodes every request with opentelemetry-proto: the meters and the log records, checked field by
 * field; and a collector that is slow, down or refusing, which never blocks the engine and whose
 * losses are counted exactly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OtlpExportTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String MODEL = EmbeddedEngine.DEFAULT_MODEL_ID;
  private static final String SERVICE = "otlp-test";
  /** vLLM's end-to-end request latency buckets, in seconds: those of MeterNames, written out again here. */
  private static final List<Double> REQUEST_DURATION_BOUNDS = List.of(0.3, 0.5, 0.8, 1.0, 1.5, 2.0, 2.5, 5.0, 10.0,
      15.0, 20.0, 30.0, 40.0, 50.0, 60.0, 120.0, 240.0, 480.0, 960.0, 1920.0, 7680.0);

  /** The engine's id, which the export sends as {@code service.instance.id}. */
  private static final String ENGINE_ID = "engine-under-test";

  private static EngineConfig config(OtlpSettings otlp) {
    return EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .id(ENGINE_ID)
        .telemetry(TelemetryConfigBuilder.builder().enabled(true).prometheusPort(EmbeddedEngine.freePort())
            .serviceName(SERVICE).putLabels("env", "test").build())
        .otlp(otlp)
        .build();
  }

  private static OtlpSettingsBuilder settings(String endpoint) {
    return OtlpSettingsBuilder.builder().endpoint(endpoint);
  }

  @Test
  void theMetersArriveWithTheirNamesUnitsBucketsAndValuesAfterKnownGenerations() throws Exception {
    try (TestCollector collector = TestCollector.start(Mode.ACCEPT);
        EmbeddedEngine engine = EmbeddedEngine.start(config(settings(collector.endpoint()).intervalMs(100L)
            .events(false).putHeaders("api-key", "k-123").build()))) {
      AtomicLong tokens = new AtomicLong();
      engine.emitter().subscribe(e -> {
        if (e.event() instanceof TokenGeneratedEvent token && !token.token().isEmpty()) {
          tokens.incrementAndGet();
        }
      });
      int generations = 3;
      for (int i = 0; i < generations; i++) {
        engine.engine().generate(GenerationRequest.of(MODEL, "The keeper", 12, 1.0, i)).completion().get(30, TimeUnit.SECONDS);
      }

      collector.await(c -> pointValue(c, "eventschema.generation.tokens", Map.of("model", MODEL)) == tokens.get()
          && pointValue(c, "eventschema.events.emitted", Map.of("type", "generationCompleted")) == generations, WAIT);

      Found tokensMetric = OtlpProto.latest(collector.metricRequests(), "eventschema.generation.tokens").orElseThrow();
      assertThat(tokensMetric.metric().getUnit()).isEqualTo("tokens");
      assertThat(tokensMetric.metric().getSum().getIsMonotonic()).isTrue();
      assertThat(tokensMetric.metric().getSum().getAggregationTemporality().name())
          .isEqualTo("AGGREGATION_TEMPORALITY_CUMULATIVE");
      assertThat(OtlpProto.attributes(tokensMetric.resource().getResource().getAttributesList()))
          .containsEntry("service.name", SERVICE).containsEntry("service.instance.id", ENGINE_ID);
      assertThat(tokensMetric.metric().getSum().getDataPointsList()).allSatisfy(point ->
          assertThat(OtlpProto.attributes(point.getAttributesList())).containsEntry("env", "test")
              .doesNotContainKey("service.name"));

      Metric duration = OtlpProto.latest(collector.metricRequests(), "gen_ai.server.request.duration")
          .orElseThrow().metric();
      assertThat(duration.getUnit()).isEqualTo("s");
      HistogramDataPoint point = duration.getHistogram().getDataPoints(0);
      assertThat(OtlpProto.attributes(point.getAttributesList()))
          .containsEntry("gen_ai.request.model", MODEL).containsEntry("gen_ai.operation.name", "text_completion");
      assertThat(point.getExplicitBoundsList()).containsExactlyElementsOf(REQUEST_DURATION_BOUNDS);
      assertThat(point.getBucketCountsCount()).isEqualTo(REQUEST_DURATION_BOUNDS.size() + 1);
      assertThat(point.getCount()).isEqualTo(generations);
      assertThat(point.getBucketCountsList().stream().mapToLong(Long::longValue).sum()).isEqualTo(generations);
      for (String histogram : List.of("gen_ai.server.time_to_first_token", "gen_ai.server.time_per_output_token")) {
        assertThat(OtlpProto.latest(collector.metricRequests(), histogram).orElseThrow().metric().getUnit())
            .as(histogram).isEqualTo("s");
      }
      assertThat(OtlpProto.latest(collector.metricRequests(), "eventschema.models.loaded").orElseThrow()
          .metric().getGauge().getDataPoints(0).getAsDouble()).isEqualTo(1);
      assertThat(collector.requestHeaders()).allSatisfy(h -> assertThat(h.get("Api-key")).containsExactly("k-123"));

      // Prometheus stays the default: the same meters, scraped
      String scrape = RawHttp.get(engine.metricsUri().orElseThrow().getPort(), "/metrics", "localhost").body();
      assertThat(prometheusValue(scrape, "eventschema_generation_tokens_total", "model=\"" + MODEL + "\""))
          .isEqualTo(tokens.get());
    }
  }

  @Test
  void everyEventAndRejectionArrivesAsALogRecordNamedByItsSchema() throws Exception {
    Set<Thread> before = Threads.snapshot();
    Map<Long, EventEnvelope> events = new ConcurrentHashMap<>();
    Map<Long, RejectedPayload> rejections = new ConcurrentHashMap<>();
    try (TestCollector collector = TestCollector.start(Mode.ACCEPT)) {
      try (EmbeddedEngine engine = EmbeddedEngine.start(config(settings(collector.endpoint()).metrics(false).build()))) {
        engine.emitter().subscribe(e -> events.put(e.envelope().seq(), e.envelope()));
        engine.emitter().subscribeRejections(r -> rejections.put(r.seq(), r));
        engine.engine().generate(GenerationRequest.of(MODEL, "The keeper", 8, 1.0, 7)).completion().get(30, TimeUnit.SECONDS);
        Emission rejected = engine.emitter().emit("tokenGenerated", Map.of("model", MODEL, "token", 5), Source.NETWORK);
        assertThat(rejected).isInstanceOf(Emission.Rejected.class);

        collector.await(c -> seqs(c).containsAll(events.keySet()) && seqs(c).containsAll(rejections.keySet()), WAIT);
      }
      List<LogRecordWithResource> received = collector.logRecords();
      Map<Long, LogRecordWithResource> bySeq = received.stream()
          .collect(Collectors.toMap(r -> seq(r.record()), r -> r)); // a duplicate would throw
      assertThat(events).isNotEmpty();
      assertThat(events.values().stream().map(EventEnvelope::type))
          .contains("generationStarted", "tokenGenerated", "generationCompleted");

      for (EventEnvelope envelope : events.values()) {
        LogRecordWithResource got = bySeq.get(envelope.seq());
        LogRecord record = got.record();
        assertThat(record.getEventName()).isEqualTo(envelope.type());
        assertThat(record.getTimeUnixNano()).isEqualTo(nanos(Instant.parse(envelope.time())));
        assertThat(record.getObservedTimeUnixNano()).isGreaterThanOrEqualTo(record.getTimeUnixNano());
        assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO);
        assertThat(OtlpProto.value(record.getBody())).isEqualTo(OtlpProto.normalized(envelope.payload()));
        Map<String, Object> attributes = OtlpProto.attributes(record.getAttributesList());
        assertThat(attributes).containsEntry("eventschema.seq", envelope.seq()).containsEntry("eventschema.source", "api");
        envelope.generationId().ifPresentOrElse(
            id -> assertThat(attributes).containsEntry("eventschema.generation.id", id),
            () -> assertThat(attributes).doesNotContainKey("eventschema.generation.id"));
        assertThat(OtlpProto.attributes(got.resource().getResource().getAttributesList()))
            .containsEntry("service.name", SERVICE).containsEntry("service.instance.id", ENGINE_ID)
            .containsEntry("telemetry.sdk.language", "java");
        assertThat(got.scope().getScope().getName()).isEqualTo(EventLogExport.SCOPE);
      }

      RejectedPayload rejection = rejections.values().iterator().next();
      LogRecord record = bySeq.get(rejection.seq()).record();
      assertThat(record.getEventName()).isEqualTo("rejection");
      assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
      assertThat(record.getTimeUnixNano()).isEqualTo(nanos(rejection.time()));
      assertThat(OtlpProto.value(record.getBody()))
          .isEqualTo(OtlpProto.normalized(RejectionRecordValidator.INSTANCE.toMap(rejection.toRecord())));
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) OtlpProto.value(record.getBody());
      assertThat(body).containsEntry("eventType", "tokenGenerated").containsEntry("source", "network");
      assertThat(OtlpProto.attributes(record.getAttributesList())).containsEntry("eventschema.source", "network");
    }
    assertThat(Threads.leakedSince(before, Duration.ofSeconds(15))).isEmpty();
  }

  @Test
  void aSlowCollectorNeverBlocksTheEngineAndEveryRecordIsExportedOrCountedAsDropped() throws Exception {
    LogExportCounts counts;
    Set<Long> delivered;
    try (TestCollector collector = TestCollector.start(Mode.HOLD)) {
      EmbeddedEngine engine = EmbeddedEngine.start(config(settings(collector.endpoint()).metrics(false)
          .queueSize(8).timeoutMs(50_000L).build()));
      try {
        OtlpExport otlp = engine.otlp().orElseThrow();
        emitStatuses(engine, 8); // a full batch: the processor sends it at once, and the collector holds it
        collector.await(c -> c.heldRequests() >= 1, WAIT);
        int emitted = 500;
        emitStatuses(engine, emitted); // returns: the emitting thread never waits for the collector
        assertThat(otlp.logCounts().bufferFull() + otlp.logCounts().queueFull()).isPositive();
        // /metrics shows the counts (read until the export's threads are done with the flood)
        int port = engine.metricsUri().orElseThrow().getPort();
        Await.until(() -> {
          String scrape = RawHttp.get(port, "/metrics", "localhost").body();
          LogExportCounts now = otlp.logCounts();
          return now.queueFull() > 0
              && prometheusValue(scrape, "eventschema_otlp_records_dropped_total", "reason=\"queue_full\"")
                  == now.queueFull()
              && prometheusValue(scrape, "eventschema_otlp_records_dropped_total", "reason=\"buffer_full\"")
                  == now.bufferFull()
              && prometheusValue(scrape, "eventschema_otlp_records_buffered", "") == 0;
        }, WAIT, () -> "/metrics to show the drops " + otlp.logCounts());
        collector.release();
      } finally {
        engine.close();
      }
      counts = engine.otlp().orElseThrow().logCounts();
      delivered = seqs(collector);
      assertThat(collector.logRecords()).hasSize(delivered.size()); // no record twice
    }
    assertThat(counts.failed()).isZero();
    assertThat(counts.abandoned()).isZero();
    assertThat(counts.queueFull()).isPositive();
    assertThat(counts.exported()).isEqualTo(delivered.size());
    assertThat(counts.emitted()).isEqualTo(counts.exported() + counts.bufferFull() + counts.queueFull());
  }

  @Test
  void aCollectorThatIsDownNeitherBlocksNorCrashesTheEngineAndEveryRecordIsCountedAsDropped() throws Exception {
    String nobody = "http://127.0.0.1:" + EmbeddedEngine.freePort();
    EmbeddedEngine engine = EmbeddedEngine.start(config(settings(nobody).intervalMs(100L).queueSize(4)
        .timeoutMs(500L).build()));
    try {
      emitStatuses(engine, 200);
      LogExportCounts whileDown = engine.otlp().orElseThrow().logCounts();
      assertThat(whileDown.bufferFull() + whileDown.queueFull()).isPositive();
      assertFailedPushesShownInMetrics(engine);
      // the engine goes on working: a generation completes
      assertThat(engine.engine().generate(GenerationRequest.of(MODEL, "The keeper", 4, 1.0, 1)).completion()
          .get(30, TimeUnit.SECONDS).tokensGenerated()).isPositive();
    } finally {
      engine.close();
    }
    LogExportCounts counts = engine.otlp().orElseThrow().logCounts();
    assertThat(counts.exported()).isZero();
    assertThat(counts.emitted()).isGreaterThanOrEqualTo(200);
    assertThat(counts.dropped()).isEqualTo(counts.emitted());
  }

  @Test
  void exportsTheCollectorRefusesAreCountedAsFailed() throws Exception {
    LogExportCounts counts;
    try (TestCollector collector = TestCollector.start(Mode.REFUSE)) {
      EmbeddedEngine engine = EmbeddedEngine.start(config(settings(collector.endpoint()).metrics(false).build()));
      try {
        emitStatuses(engine, 20);
      } finally {
        engine.close();
      }
      counts = engine.otlp().orElseThrow().logCounts();
      assertThat(collector.logRecords()).isEmpty();
    }
    assertThat(counts.emitted()).isGreaterThanOrEqualTo(20);
    assertThat(counts.failed()).isEqualTo(counts.emitted());
    assertThat(counts.exported() + counts.bufferFull() + counts.queueFull() + counts.abandoned()).isZero();
  }

  @Test
  void meterPushesTheCollectorRefusesAreCountedInMetrics() throws Exception {
    try (TestCollector collector = TestCollector.start(Mode.FAIL);
        EmbeddedEngine engine = EmbeddedEngine.start(config(settings(collector.endpoint()).intervalMs(100L)
            .events(false).build()))) {
      assertFailedPushesShownInMetrics(engine);
      assertThat(collector.refusedRequests()).isGreaterThanOrEqualTo(2);
    }
  }

  /** Waits until two pushes of the meters have failed, and {@code /metrics} counts them. */
  private static void assertFailedPushesShownInMetrics(EmbeddedEngine engine) {
    OtlpExport otlp = engine.otlp().orElseThrow();
    int port = engine.metricsUri().orElseThrow().getPort();
    Await.until(() -> otlp.failedPushes() >= 2 && prometheusValue(RawHttp.get(port, "/metrics", "localhost").body(),
        "eventschema_otlp_pushes_failed_total", "") >= 2, WAIT, () -> "two failed pushes counted in /metrics");
    String scrape = RawHttp.get(port, "/metrics", "localhost").body();
    assertThat(prometheusValue(scrape, "eventschema_otlp_pushes_exported_total", "")).isZero();
  }

  /** Emits {@code count} status events, each accepted; true, for use in conditions. */
  private static boolean emitStatuses(EmbeddedEngine engine, int count) {
    for (int i = 0; i < count; i++) {
      assertThat(engine.emitter().emitRuntimeStatus(Events.runtimeStatus(RuntimeStatus.READY, 1)))
          .isInstanceOf(Emission.Accepted.class);
    }
    return true;
  }

  private static Set<Long> seqs(TestCollector collector) {
    return collector.logRecords().stream().map(r -> seq(r.record())).collect(Collectors.toSet());
  }

  private static long seq(LogRecord record) {
    for (KeyValue attribute : record.getAttributesList()) {
      if (attribute.getKey().equals("eventschema.seq")) {
        return attribute.getValue().getIntValue();
      }
    }
    throw new AssertionError("no eventschema.seq on " + record);
  }

  private static long nanos(Instant instant) {
    return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
  }

  /** The latest value of a counter's data point with {@code attributes}, or -1 when not seen yet. */
  private static double pointValue(TestCollector collector, String name, Map<String, String> attributes) {
    return OtlpProto.latest(collector.metricRequests(), name)
        .flatMap(found -> found.metric().getSum().getDataPointsList().stream()
            .filter(p -> OtlpProto.attributes(p.getAttributesList()).entrySet().containsAll(attributes.entrySet()))
            .findFirst())
        .map(NumberDataPoint::getAsDouble)
        .orElse(-1.0);
  }

  private static long prometheusValue(String scrape, String name, String label) {
    String labels = label.isEmpty() ? "(\\{[^}]*})?" : "\\{[^}]*" + Pattern.quote(label) + "[^}]*}";
    Matcher matcher = Pattern.compile("(?m)^" + name + labels + " (\\S+)$")
        .matcher(scrape);
    assertThat(matcher.find()).as(scrape).isTrue();
    return Math.round(Double.parseDouble(matcher.group(matcher.groupCount())));
  }
}
