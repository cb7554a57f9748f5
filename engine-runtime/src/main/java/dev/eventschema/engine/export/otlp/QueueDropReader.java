package dev.eventschema.engine.export.otlp;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * Reads how many log records the SDK's batch processor dropped because its queue was full. The
 * processor counts them itself, but only into an OpenTelemetry {@link MeterProvider}: this gives it
 * one, read on demand (on a {@code /metrics} scrape, at close), and sums the processor's counter of
 * records whose processing ended with {@code error.type=queue_full} (the SDK's semantic-convention
 * self-metrics, {@code otel.sdk.processor.log.processed}).
 */
final class QueueDropReader implements MetricReader {

  static final String PROCESSED = "otel.sdk.processor.log.processed";
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final String QUEUE_FULL = "queue_full";

  private volatile CollectionRegistration registration = CollectionRegistration.noop();
  private final SdkMeterProvider meterProvider;
  /** The last total read: what {@link #queueFull()} answers once closed. */
  private long lastTotal;
  private boolean closed;

  QueueDropReader() {
    this.meterProvider = SdkMeterProvider.builder().registerMetricReader(this).build();
  }

  /** The provider to give the batch processor. */
  MeterProvider meterProvider() {
    return meterProvider;
  }

  /** Log records dropped so far because the queue was full. */
  synchronized long queueFull() {
    if (closed) {
      return lastTotal;
    }
    long dropped = 0;
    for (MetricData metric : registration.collectAllMetrics()) {
      if (metric.getName().equals(PROCESSED) && metric.getType() == MetricDataType.LONG_SUM) {
        for (LongPointData point : metric.getLongSumData().getPoints()) {
          if (QUEUE_FULL.equals(point.getAttributes().get(ERROR_TYPE))) {
            dropped += point.getValue();
          }
        }
      }
    }
    lastTotal = Math.max(lastTotal, dropped);
    return lastTotal;
  }

  @Override
  public void register(CollectionRegistration registration) {
    this.registration = registration;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE; // totals since start, as a counter is read
  }

  @Override
  public CompletableResultCode forceFlush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** Reads the total one last time and stops the provider; {@link #queueFull()} keeps answering it. */
  synchronized void stop() {
    queueFull();
    closed = true;
    meterProvider.close();
  }
}
