package dev.eventschema.engine.export.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.export.otlp.TestCollector.Mode;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sender of the meters' pushes against a real collector on 127.0.0.1 that refuses (400, 500) or
 * is down: every failed push is counted, and a run of them makes one line naming the endpoint and the
 * cause, without a stack trace.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MeterPushSenderTest {

  private static final int PUSHES = 3;

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final List<String> infos = new CopyOnWriteArrayList<>();

  /** A request with one metric in seconds, as Micrometer writes it. */
  private static OtlpMetricsSender.Request request(String url) {
    ExportMetricsServiceRequest body = ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder()
            .addMetrics(Metric.newBuilder().setName("gen_ai.server.request.duration").setUnit("seconds"))
            .addMetrics(Metric.newBuilder().setName("eventschema.generation.tokens").setUnit("tokens"))))
        .build();
    return OtlpMetricsSender.Request.builder(body.toByteArray()).address(url).build();
  }

  @ParameterizedTest
  @EnumSource(value = Mode.class, names = {"REFUSE", "FAIL"})
  void pushesTheCollectorRefusesAreCountedAndLoggedInOneLine(Mode mode) throws Exception {
    try (TestCollector collector = TestCollector.start(mode)) {
      String url = collector.endpoint() + "/v1/metrics";
      MeterPushSender sender = new MeterPushSender(url, warnings::add, infos::add);
      for (int i = 0; i < PUSHES; i++) {
        sender.send(request(url)); // never throws
      }
      assertThat(collector.refusedRequests()).isEqualTo(PUSHES);
      assertThat(sender.failed()).isEqualTo(PUSHES);
      assertThat(sender.exported()).isZero();
      String status = mode == Mode.REFUSE ? "400" : "500";
      assertThat(warnings).containsExactly("OTLP meter push to " + url + " failed: HTTP " + status
          + " (reported at most once every 60 s while failures go on)");

      collector.release(); // it accepts from now on
      sender.send(request(url));
      assertThat(sender.exported()).isOne();
      assertThat(infos).containsExactly("OTLP meter push to " + url + " succeeds again, after 3 failures");
      // what arrived has the unit of seconds as UCUM writes it, and the other units as they were
      List<Metric> metrics = collector.metricRequests().get(0).getResourceMetrics(0).getScopeMetrics(0)
          .getMetricsList();
      assertThat(metrics).extracting(Metric::getUnit).containsExactly("s", "tokens");
    }
  }

  @Test
  void pushesToACollectorThatIsDownAreCountedAndLoggedInOneLine() {
    String url = "http://127.0.0.1:" + EmbeddedEngine.freePort() + "/v1/metrics";
    MeterPushSender sender = new MeterPushSender(url, warnings::add, infos::add);
    for (int i = 0; i < PUSHES; i++) {
      sender.send(request(url));
    }
    assertThat(sender.failed()).isEqualTo(PUSHES);
    assertThat(warnings).containsExactly("OTLP meter push to " + url + " failed: ConnectException: Connection refused"
        + " (reported at most once every 60 s while failures go on)");
    assertThat(infos).isEmpty();
  }

  @Test
  void theCauseIsTheRootCauseOnOneLine() {
    Exception wrapped = new RuntimeException("outer", new java.io.IOException("first line\n  second line"));
    assertThat(MeterPushSender.cause(wrapped)).isEqualTo("IOException: first line second line");
    assertThat(MeterPushSender.cause(new IllegalStateException())).isEqualTo("IllegalStateException");
  }
}
