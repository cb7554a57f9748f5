package dev.eventschema.engine.export.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.io.IOException;

/**
 * Writes the unit of seconds as OTLP has it: UCUM's {@code s}, which the GenAI conventions give the
 * latency histograms. Micrometer writes the base time unit as {@code seconds}, set on each timer when
 * it is made, where no meter filter can change it; so the unit is corrected in the request it wrote,
 * on the way out. Every other field is left as it is.
 */
final class UcumUnits {

  /** The UCUM unit of seconds. */
  static final String SECONDS = "s";
  /** How Micrometer writes it. */
  private static final String MICROMETER_SECONDS = "seconds";

  private UcumUnits() {}

  /**
   * The OTLP metrics request {@code request}, with {@code seconds} written {@code s}.
   *
   * @throws IOException when {@code request} is not an OTLP metrics request
   */
  static byte[] of(byte[] request) throws IOException {
    ExportMetricsServiceRequest.Builder builder = ExportMetricsServiceRequest.parseFrom(request).toBuilder();
    for (ResourceMetrics.Builder resource : builder.getResourceMetricsBuilderList()) {
      for (ScopeMetrics.Builder scope : resource.getScopeMetricsBuilderList()) {
        for (Metric.Builder metric : scope.getMetricsBuilderList()) {
          if (metric.getUnit().equals(MICROMETER_SECONDS)) {
            metric.setUnit(SECONDS);
          }
        }
      }
    }
    return builder.build().toByteArray();
  }
}
