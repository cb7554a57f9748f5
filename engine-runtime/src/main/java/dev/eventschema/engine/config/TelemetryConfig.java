package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How the engine reports telemetry. Strict: an unknown key is an error (with a did-you-mean
 * suggestion). There is no logger here: logging is SLF4J, configured the usual way.
 * Wire name {@code telemetryConfig}.
 */
@EventSchema("telemetryConfig")
public interface TelemetryConfig {

  /** The port used when {@link #prometheusPort()} is absent: the OpenTelemetry Prometheus exporter's. */
  int DEFAULT_PROMETHEUS_PORT = 9464;

  /** The snapshot period used when {@link #exportIntervalMs()} is absent: a live dashboard's pace. */
  long DEFAULT_EXPORT_INTERVAL_MS = 1000;

  /** The {@code service.name} tag used when {@link #serviceName()} is absent. */
  String DEFAULT_SERVICE_NAME = "eventschema-engine";

  /** Whether telemetry runs at all; disabled, no server starts and the engine works as usual. */
  boolean enabled();

  /** Becomes the {@code service.name} tag of every meter; Prometheus-friendly characters only. */
  @Size(min = 1, max = 100)
  @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, hyphens and underscores only")
  Optional<String> serviceName();

  /** Where {@code /metrics} is served; no privileged ports. */
  @Range(min = 1024, max = 65535) OptionalInt prometheusPort();

  /** The period of the telemetry snapshot on the live stream, from one second to ten minutes. */
  @Range(min = 1000, max = 600000) OptionalLong exportIntervalMs();

  /**
   * Common tags of every meter (the "MetricLabels" rules): at most 16, names as Prometheus allows
   * them but not starting with {@code __} (reserved for Prometheus itself), values of at most 128
   * characters.
   */
  @Size(max = 16)
  Map<@Pattern(regexp = "(?!__)[a-zA-Z_][a-zA-Z0-9_]*",
      message = "a Prometheus label name: a letter or '_', then letters, digits or '_', not starting with '__'")
      String, @Size(max = 128) String> labels();

  default int prometheusPortOrDefault() {
    return prometheusPort().orElse(DEFAULT_PROMETHEUS_PORT);
  }

  default long exportIntervalMsOrDefault() {
    return exportIntervalMs().orElse(DEFAULT_EXPORT_INTERVAL_MS);
  }

  default String serviceNameOrDefault() {
    return serviceName().orElse(DEFAULT_SERVICE_NAME);
  }
}
