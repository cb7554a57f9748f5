package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Range;
import dev.eventschema.constraints.Size;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The {@code otlp} section of {@link EngineConfig}: the engine also pushes its meters, and its events
 * as log records, to an OpenTelemetry collector over OTLP/HTTP (protobuf). Absent, nothing is sent;
 * Prometheus's {@code /metrics} is served either way. Every field but the endpoint is optional; the
 * {@code ...OrDefault()} methods are the one place the defaults are applied. Wire name {@code
 * otlpSettings}.
 *
 * <pre>{@code
 * "otlp": {"endpoint": "http://127.0.0.1:4318", "intervalMs": 10000, "headers": {"api-key": "..."}}
 * }</pre>
 */
@EventSchema("otlpSettings")
public interface OtlpSettings {

  /** The OpenTelemetry SDK's metric export interval ({@code OTEL_METRIC_EXPORT_INTERVAL}). */
  long DEFAULT_INTERVAL_MS = 60_000;

  /** The OpenTelemetry SDK's log batch queue ({@code OTEL_BLRP_MAX_QUEUE_SIZE}). */
  int DEFAULT_QUEUE_SIZE = 2_048;

  /** The OpenTelemetry SDK's export timeout ({@code OTEL_EXPORTER_OTLP_TIMEOUT}). */
  long DEFAULT_TIMEOUT_MS = 10_000;

  /**
   * The collector's base URL, such as {@code http://127.0.0.1:4318} (the OTLP/HTTP port), as {@code
   * OTEL_EXPORTER_OTLP_ENDPOINT} has it: meters go to {@code /v1/metrics} under it, log records to
   * {@code /v1/logs}.
   */
  @Size(min = 8, max = 2048)
  @Pattern(regexp = "https?://[!-~]+", message = "must be an http:// or https:// URL without spaces")
  String endpoint();

  /**
   * Headers sent with every export, such as an API key: at most 16, names of letters, digits,
   * {@code -} and {@code _}. A value is checked at start to be printable ASCII, by a check that does
   * not echo it (a rule here would print it in its message, and it is often a secret). Prefer the
   * config file to {@code --otlp-header} for secrets: a command line is visible to every user of the
   * machine.
   */
  @Size(max = 16)
  Map<@Size(min = 1, max = 128) @Pattern(regexp = "[A-Za-z0-9_-]+",
      message = "must be an HTTP header name: letters, digits, '-' and '_'") String,
      @Size(min = 1, max = 4096) String> headers();

  /** How often the meters are pushed, from 100 ms (tests, demos) to an hour. */
  @Range(min = 100, max = 3_600_000) OptionalLong intervalMs();

  /** Whether the meters are pushed; default true. */
  Optional<Boolean> metrics();

  /** Whether events and rejections are sent as log records; default true. */
  Optional<Boolean> events();

  /** Log records that may wait for export; past it new ones are dropped and counted. */
  @Range(min = 1, max = 1_000_000) OptionalInt queueSize();

  /**
   * The longest one export of a batch of log records may take, retries included, before it fails
   * (the meters are pushed by Micrometer's sender: 1 s to connect, 10 s to read).
   */
  @Range(min = 100, max = 600_000) OptionalLong timeoutMs();

  default Duration interval() {
    return Duration.ofMillis(intervalMs().orElse(DEFAULT_INTERVAL_MS));
  }

  default boolean metricsOrDefault() {
    return metrics().orElse(true);
  }

  default boolean eventsOrDefault() {
    return events().orElse(true);
  }

  default int queueSizeOrDefault() {
    return queueSize().orElse(DEFAULT_QUEUE_SIZE);
  }

  default Duration timeout() {
    return Duration.ofMillis(timeoutMs().orElse(DEFAULT_TIMEOUT_MS));
  }
}
