package dev.eventschema.engine.export.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import java.util.Collection;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what becomes of each batch the OTLP exporter is given: accepted by the collector, or failed
 * (refused, unreachable or too slow, after the exporter's retries). Each record is counted once, when
 * its export completes, even if the batch processor stopped waiting for it earlier.
 */
final class CountingLogRecordExporter implements LogRecordExporter {

  private final LogRecordExporter exporter;
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();

  CountingLogRecordExporter(LogRecordExporter exporter) {
    this.exporter = exporter;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    CompletableResultCode result;
    try {
      result = exporter.export(logs);
    } catch (RuntimeException e) {
      failed.add(count);
      throw e;
    }
    result.whenComplete(() -> (result.isSuccess() ? exported : failed).add(count));
    return result;
  }

  @Override
  public CompletableResultCode flush() {
    return exporter.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return exporter.shutdown();
  }

  /** Log records the collector accepted. */
  long exported() {
    return exported.sum();
  }

  /** Log records whose export failed. */
  long failed() {
    return failed.sum();
  }

  @Override
  public String toString() {
    return "CountingLogRecordExporter{" + exporter + '}';
  }
}
