package dev.eventschema.engine.export.otlp;

/**
 * What became of the log records handed to the OTLP export. Once the export is closed, every record
 * is in exactly one count: {@code emitted == exported + queueFull + failed + abandoned}; before, the
 * difference is what is still queued or being sent.
 *
 * @param emitted records handed to the SDK (accepted events and rejections)
 * @param exported records the collector accepted
 * @param queueFull records dropped because the batch queue was full
 * @param failed records whose export failed: refused by the collector, or unreachable after the retries
 * @param abandoned records still waiting when the engine stopped and not sent in the time it waited
 */
public record LogExportCounts(long emitted, long exported, long queueFull, long failed, long abandoned) {

  /** Every record lost, for whatever reason. */
  public long dropped() {
    return queueFull + failed + abandoned;
  }
}
