package dev.eventschema.engine.export.otlp;

import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.emit.Subscription;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InternalTelemetryVersion;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's events as OTLP log records, on two threads of their own and never on the emitting one:
 *
 * <ol>
 *   <li>an emitting thread only offers the event to a bounded buffer ({@link EventHandoff});
 *   <li>the hand-off's thread builds each log record ({@link EventLogRecords}) and hands it to the
 *       OpenTelemetry SDK's bounded {@link BatchLogRecordProcessor};
 *   <li>the processor's thread batches and exports over OTLP/HTTP (protobuf, on the JDK's HTTP client).
 * </ol>
 *
 * Every event offered ends in exactly one count: exported, dropped because the buffer or the SDK's
 * queue was full, failed (the collector refused it or could not be reached after the retries, or its
 * record could not be built), or abandoned when the engine stopped before it could be sent.
 */
final class EventLogExport implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EventLogExport.class);

  /** The SDK's default ({@code OTEL_BLRP_SCHEDULE_DELAY}): how long a record may wait for a batch. */
  static final Duration BATCH_DELAY = Duration.ofSeconds(1);
  /** The SDK's default ({@code OTEL_BLRP_MAX_EXPORT_BATCH_SIZE}), or the queue's size when smaller. */
  static final int MAX_BATCH = 512;
  /**
   * How long closing waits for the hand-off's thread to hand what is buffered to the SDK: a few
   * microseconds a record, so a full buffer of the default size leaves in milliseconds; what a much
   * larger one cannot hand over in this time is abandoned.
   */
  static final Duration HANDOFF_WAIT = Duration.ofSeconds(1);
  /** The instrumentation scope of the records. */
  static final String SCOPE = "dev.eventschema.engine";

  private final CountingLogRecordExporter exporter;
  private final QueueDropReader queueDrops = new QueueDropReader();
  private final SdkLoggerProvider provider;
  private final EventHandoff handoff;
  private final Duration closeWait;
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  /** The counts when closed: later completions of exports given up on must not change them. */
  private volatile LogExportCounts finalCounts;

  EventLogExport(OtlpTarget target, Resource resource, int queueSize, Duration timeout) {
    OtlpHttpLogRecordExporterBuilder otlp = OtlpHttpLogRecordExporter.builder()
        .setEndpoint(target.logs().toString())
        .setTimeout(timeout)
        .setConnectTimeout(timeout); // the SDK's retries (up to 5 attempts, 1 s to 5 s apart) fit in the timeout
    target.headers().forEach(otlp::addHeader);
    this.exporter = new CountingLogRecordExporter(otlp.build());
    BatchLogRecordProcessor processor = BatchLogRecordProcessor.builder(exporter)
        .setMaxQueueSize(queueSize)
        .setMaxExportBatchSize(Math.min(MAX_BATCH, queueSize))
        .setScheduleDelay(BATCH_DELAY)
        .setExporterTimeout(timeout)
        .setMeterProvider(queueDrops::meterProvider)
        .setInternalTelemetryVersion(InternalTelemetryVersion.LATEST)
        .build();
    this.provider = SdkLoggerProvider.builder().setResource(resource).addLogRecordProcessor(processor).build();
    this.handoff = new EventHandoff(queueSize, new EventLogRecords(provider.loggerBuilder(SCOPE).build()));
    handoff.start();
    // what is queued gets one export's time to leave, plus the batch delay
    this.closeWait = timeout.plus(BATCH_DELAY);
  }

  /**
   * Sends {@code emitter}'s events and rejections from now on; the emitting thread only offers each
   * to the hand-off buffer.
   */
  void attach(EngineEventEmitter emitter) {
    subscriptions.add(emitter.subscribe(handoff::offer));
    subscriptions.add(emitter.subscribeRejections(handoff::offer));
  }

  /** Events waiting in the hand-off buffer now. */
  int buffered() {
    return handoff.buffered();
  }

  /** What became of the records so far; once closed, the final counts. */
  LogExportCounts counts() {
    LogExportCounts counts = finalCounts;
    if (counts != null) {
      return counts;
    }
    return new LogExportCounts(handoff.offered(), exporter.exported(), handoff.bufferFull(), queueDrops.queueFull(),
        exporter.failed() + handoff.unbuilt(), 0);
  }

  /**
   * Stops taking events, hands what is buffered to the SDK (waiting at most {@link #HANDOFF_WAIT}),
   * sends what is queued (waiting at most one export timeout plus the batch delay), and stops the
   * SDK. What could not be sent in that time is counted as abandoned.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    subscriptions.forEach(Subscription::close);
    handoff.close(HANDOFF_WAIT);
    CompletableResultCode shutdown = provider.shutdown().join(closeWait.toMillis(), TimeUnit.MILLISECONDS);
    if (!shutdown.isDone()) {
      LOG.warn("OTLP log export: the collector did not take the last records within {} ms; they are counted"
          + " as abandoned", closeWait.toMillis());
    }
    queueDrops.stop();
    LogExportCounts live = counts();
    LogExportCounts last = new LogExportCounts(live.emitted(), live.exported(), live.bufferFull(), live.queueFull(),
        live.failed(), Math.max(0, live.emitted() - live.exported() - live.bufferFull() - live.queueFull()
            - live.failed()));
    finalCounts = last;
    if (last.dropped() > 0) {
      LOG.warn("OTLP log export stopped: {}", last);
    }
  }
}
