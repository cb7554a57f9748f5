package dev.eventschema.engine.export.otlp;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.registry.otlp.AggregationTemporality;
import io.micrometer.registry.otlp.HistogramFlavor;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Micrometer OTLP registry that pushes the engine's meters, configured from the engine's config
 * only: Micrometer's defaults read {@code OTEL_*} environment variables, which would make the same
 * config file behave differently on two machines, so every setting it reads is given here.
 *
 * <ul>
 *   <li>base time unit: seconds, written {@code s} (UCUM, by the {@link MeterPushSender}), so that the
 *       {@code gen_ai.*} histograms have the OpenTelemetry GenAI conventions' unit and bucket bounds
 *       (the same buckets Prometheus shows);
 *   <li>cumulative temporality (totals since start, as Prometheus has them; a collector that wants
 *       deltas converts);
 *   <li>explicit-bucket histograms: the engine's timers carry their buckets;
 *   <li>resource: {@code service.name} and {@code service.instance.id}; the telemetry labels become
 *       attributes of every data point, as they are Prometheus labels;
 *   <li>the pushes go through {@code sender}, which counts them and logs failures in one line.
 * </ul>
 */
final class MeterPush {

  private MeterPush() {}

  static OtlpMeterRegistry registry(OtlpTarget target, Duration interval, Map<String, String> resource,
      Map<String, String> labels, Clock clock, MeterPushSender sender) {
    OtlpConfig config = new OtlpConfig() {
      @Override
      public String get(String key) {
        return null; // nothing from system properties or elsewhere: the methods below say it all
      }

      @Override
      public String url() {
        return target.metrics().toString();
      }

      @Override
      public Duration step() {
        return interval;
      }

      @Override
      public Map<String, String> resourceAttributes() {
        return resource;
      }

      @Override
      public Map<String, String> headers() {
        return target.headers();
      }

      @Override
      public AggregationTemporality aggregationTemporality() {
        return AggregationTemporality.CUMULATIVE;
      }

      @Override
      public HistogramFlavor histogramFlavor() {
        return HistogramFlavor.EXPLICIT_BUCKET_HISTOGRAM;
      }

      @Override
      public TimeUnit baseTimeUnit() {
        return TimeUnit.SECONDS;
      }
    };
    OtlpMeterRegistry registry = OtlpMeterRegistry.builder(config)
        .clock(clock)
        .threadFactory(task -> Thread.ofPlatform().daemon().name("eventschema-otlp-metrics").unstarted(task))
        .metricsSender(sender)
        .build();
    List<Tag> tags = new ArrayList<>();
    labels.forEach((name, value) -> tags.add(Tag.of(name, value)));
    registry.config().commonTags(tags);
    return registry;
  }
}
