package dev.eventschema.engine.export.otlp;

/**
 * What became of the events offered to the OTLP log export. Once the export is closed, every event
 * is in exactly one count: {@code emitted == exported + bufferFull + queueFull + failed + abandoned};
 * before, the difference is what is still buffered, queued or being sent.
 *
 * @param emitted events offered to the export (accepted events and rejections)
 * @param exported records the collector accepted
 * @param bufferFull events dropped because the hand-off buffer was full (the thread that builds the
 *     records was behind the emitting threads)
 * @param queueFull records dropped because the SDK's batch queue was full (the collector was behind)
 * @param failed records whose export failed (refused by the collector, or unreachable after the
 *     retries), and events whose record could not be built
 * @param abandoned events still buffered or queued when the engine stopped and not sent in the time
 *     it waited
 */
public record LogExportCounts(long emitted, long exported, long bufferFull, long queueFull, long failed,
    long abandoned) {

  /** No event offered yet. */
  static final LogExportCounts NONE = new LogExportCounts(0, 0, 0, 0, 0, 0);

  /** Every event lost, for whatever reason. */
  public long dropped() {
    return bufferFull + queueFull + failed + abandoned;
  }
}
