package dev.eventschema.engine.export.otlp;

import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.config.OtlpSettingsValidator;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.emit.EngineEventEmitter;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The engine's OTLP export (the {@code otlp} section of the config): its meters through Micrometer's
 * OTLP registry, beside Prometheus, and its events and rejections as OpenTelemetry log records. A
 * subscriber of the emitter, like the stream and the meters; nothing below knows of it.
 *
 * <pre>{@code
 * OtlpExport otlp = OtlpExport.start(settings, telemetryConfig, "engine-a");
 * TelemetryBridge telemetry = TelemetryBridge.builder(telemetryConfig)
 *     .publishTo(otlp.meterRegistry().orElseThrow()).build();   // the meters, registered once
 * otlp.attach(emitter);                                           // the events
 * otlp.bindMeters(telemetry.meterRegistry().orElseThrow());       // its own counts in /metrics
 * }</pre>
 *
 * Neither part ever blocks the engine: the meters are read and pushed on the registry's thread; an
 * emitting thread only offers its event to a bounded buffer, and the export's own threads build the
 * log records and send them through the SDK's bounded batch queue. Past either bound, events are
 * dropped and counted ({@value #RECORDS_DROPPED}).
 */
public final class OtlpExport implements AutoCloseable {

  /** Log records the collector accepted. */
  public static final String RECORDS_EXPORTED = "eventschema.otlp.records.exported";
  /**
   * Events lost, by {@value #TAG_REASON}: {@code buffer_full}, {@code queue_full}, {@code export_failed},
   * {@code abandoned}.
   */
  public static final String RECORDS_DROPPED = "eventschema.otlp.records.dropped";
  /** Events waiting in the hand-off buffer for their log record to be built. */
  public static final String RECORDS_BUFFERED = "eventschema.otlp.records.buffered";
  /** Pushes of the meters the collector accepted. */
  public static final String PUSHES_EXPORTED = "eventschema.otlp.pushes.exported";
  /** Pushes of the meters that failed: the collector refused them, could not be reached, or was too slow. */
  public static final String PUSHES_FAILED = "eventschema.otlp.pushes.failed";
  public static final String TAG_REASON = "reason";
  public static final String SERVICE_NAME = "service.name";
  public static final String SERVICE_INSTANCE_ID = "service.instance.id";

  private final Optional<OtlpMeterRegistry> meters;
  private final Optional<MeterPushSender> pushes;
  private final Optional<EventLogExport> events;

  private OtlpExport(Optional<OtlpMeterRegistry> meters, Optional<MeterPushSender> pushes,
      Optional<EventLogExport> events) {
    this.meters = meters;
    this.pushes = pushes;
    this.events = events;
  }

  /**
   * Starts the export that {@code settings} describes. Nothing is sent yet: the meters once {@link
   * #meterRegistry() registered} somewhere, the events once {@link #attach attached}.
   *
   * @param settings the {@code otlp} section
   * @param telemetry where {@code service.name} and the meters' labels come from
   * @param engineId this engine's id: the {@code service.instance.id} resource attribute
   * @throws EngineException {@code INVALID_CONFIG} naming the setting, the rule and the value
   */
  public static OtlpExport start(OtlpSettings settings, TelemetryConfig telemetry, String engineId) {
    return start(settings, telemetry, engineId, Clock.SYSTEM);
  }

  static OtlpExport start(OtlpSettings settings, TelemetryConfig telemetry, String engineId, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(engineId, "engineId");
    var violations = OtlpSettingsValidator.INSTANCE.validate(settings);
    if (!violations.isEmpty()) {
      throw EngineException.ofViolations(ErrorCode.INVALID_CONFIG, "otlp settings", violations);
    }
    OtlpTarget target = OtlpTarget.of(settings);
    Map<String, String> resource = Map.of(SERVICE_NAME, telemetry.serviceNameOrDefault(), SERVICE_INSTANCE_ID, engineId);
    // the meters are telemetry's: with telemetry disabled there are none to push
    Optional<MeterPushSender> pushes = settings.metricsOrDefault() && telemetry.enabled()
        ? Optional.of(new MeterPushSender(target.metrics().toString()))
        : Optional.empty();
    Optional<OtlpMeterRegistry> meters = pushes.map(sender ->
        MeterPush.registry(target, settings.interval(), resource, telemetry.labels(), clock, sender));
    Optional<EventLogExport> events = settings.eventsOrDefault()
        ? Optional.of(new EventLogExport(target, logResource(resource), settings.queueSizeOrDefault(), settings.timeout()))
        : Optional.empty();
    return new OtlpExport(meters, pushes, events);
  }

  /** The SDK's default resource ({@code telemetry.sdk.*}) with the engine's service attributes. */
  private static Resource logResource(Map<String, String> attributes) {
    var builder = Attributes.builder();
    attributes.forEach(builder::put);
    return Resource.getDefault().merge(Resource.create(builder.build()));
  }

  /**
   * The registry to keep the engine's meters in, beside Prometheus (see {@code
   * TelemetryBridge.Builder#publishTo}); empty when {@code metrics} is off or telemetry disabled.
   */
  public Optional<MeterRegistry> meterRegistry() {
    return meters.map(MeterRegistry.class::cast);
  }

  /** Sends {@code emitter}'s accepted events and rejections as log records; a no-op when {@code events} is off. */
  public void attach(EngineEventEmitter emitter) {
    Objects.requireNonNull(emitter, "emitter");
    events.ifPresent(export -> export.attach(emitter));
  }

  /**
   * Registers the export's own counts on {@code registry} (the engine's, so that {@code /metrics}
   * shows them): {@value #PUSHES_EXPORTED} and {@value #PUSHES_FAILED}, {@value #RECORDS_EXPORTED},
   * {@value #RECORDS_DROPPED} by reason, and {@value #RECORDS_BUFFERED}.
   */
  public void bindMeters(MeterRegistry registry) {
    pushes.ifPresent(sender -> {
      FunctionCounter.builder(PUSHES_EXPORTED, sender, MeterPushSender::exported)
          .description("Pushes of the meters the OTLP collector accepted").register(registry);
      FunctionCounter.builder(PUSHES_FAILED, sender, MeterPushSender::failed)
          .description("Pushes of the meters that failed: the OTLP collector refused them or could not be reached")
          .register(registry);
    });
    events.ifPresent(export -> {
      counter(registry, RECORDS_EXPORTED, null, "Log records the OTLP collector accepted", export,
          LogExportCounts::exported);
      counter(registry, RECORDS_DROPPED, "buffer_full",
          "Events dropped: the OTLP export's hand-off buffer was full", export, LogExportCounts::bufferFull);
      counter(registry, RECORDS_DROPPED, "queue_full", "Log records dropped: the OTLP export queue was full",
          export, LogExportCounts::queueFull);
      counter(registry, RECORDS_DROPPED, "export_failed",
          "Log records dropped: the OTLP collector refused them or could not be reached", export,
          LogExportCounts::failed);
      counter(registry, RECORDS_DROPPED, "abandoned",
          "Log records dropped: still queued when the engine stopped", export, LogExportCounts::abandoned);
      Gauge.builder(RECORDS_BUFFERED, export, EventLogExport::buffered)
          .description("Events waiting in the OTLP export's hand-off buffer").register(registry);
    });
  }

  /** Pushes of the meters that failed so far; zero when {@code metrics} is off. */
  public long failedPushes() {
    return pushes.map(MeterPushSender::failed).orElse(0L);
  }

  /** What became of the events offered; all zero when {@code events} is off. */
  public LogExportCounts logCounts() {
    return events.map(EventLogExport::counts).orElse(LogExportCounts.NONE);
  }

  /**
   * Stops the events (sending what is queued, for at most one export timeout plus a second), then
   * pushes the meters one last time and stops. Close it once the engine has stopped, so that the last
   * events and values go out. Idempotent.
   */
  @Override
  public void close() {
    events.ifPresent(EventLogExport::close);
    meters.ifPresent(OtlpMeterRegistry::close);
  }

  private static void counter(MeterRegistry registry, String name, String reason, String description,
      EventLogExport export, ToLongFunction<LogExportCounts> count) {
    FunctionCounter.Builder<EventLogExport> counter =
        FunctionCounter.builder(name, export, e -> count.applyAsLong(e.counts())).description(description);
    if (reason != null) {
      counter.tag(TAG_REASON, reason);
    }
    counter.register(registry);
  }
}
