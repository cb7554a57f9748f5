package com.example.events;

import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import dev.eventschema.support.Violations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.annotation.processing.Generated;

/**
 * Builds a valid, immutable {@link TelemetryConfig}:
 * {@code TelemetryConfigBuilder.builder()...build()}.
 *
 * <p>{@link #build()} checks every rule of the schema and throws a
 * {@link SchemaViolationException} listing all violations; a builder is not thread-safe.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class TelemetryConfigBuilder {
  private Boolean enabled;

  private Optional<String> serviceName = Optional.empty();

  private OptionalInt prometheusPort = OptionalInt.empty();

  private OptionalLong exportIntervalMs = OptionalLong.empty();

  private final LinkedHashMap<String, String> labels = new LinkedHashMap<>();

  private TelemetryConfigBuilder() {
  }

  /**
   * An empty builder.
   */
  public static TelemetryConfigBuilder builder() {
    return new TelemetryConfigBuilder();
  }

  /**
   * A builder holding the fields of {@code value}, to build a changed copy.
   *
   * @throws NullPointerException if a field of a hand-written {@code value} is {@code null}
   */
  public static TelemetryConfigBuilder from(TelemetryConfig value) {
    return builder()
        .enabled(value.enabled())
        .serviceName(value.serviceName())
        .prometheusPort(value.prometheusPort())
        .exportIntervalMs(value.exportIntervalMs())
        .labels(value.labels());
  }

  /**
   * Sets {@link TelemetryConfig#enabled()}.
   */
  public TelemetryConfigBuilder enabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /**
   * Sets {@link TelemetryConfig#serviceName()}:
   * 1-100 characters;
   * letters, digits, hyphens and underscores only.
   */
  public TelemetryConfigBuilder serviceName(String serviceName) {
    this.serviceName = Optional.of(Objects.requireNonNull(serviceName, "serviceName"));
    return this;
  }

  /**
   * Sets or clears {@link TelemetryConfig#serviceName()}.
   */
  public TelemetryConfigBuilder serviceName(Optional<String> serviceName) {
    this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
    return this;
  }

  /**
   * Sets {@link TelemetryConfig#prometheusPort()}: 1024-65535.
   */
  public TelemetryConfigBuilder prometheusPort(int prometheusPort) {
    this.prometheusPort = OptionalInt.of(prometheusPort);
    return this;
  }

  /**
   * Sets or clears {@link TelemetryConfig#prometheusPort()}.
   */
  public TelemetryConfigBuilder prometheusPort(OptionalInt prometheusPort) {
    this.prometheusPort = Objects.requireNonNull(prometheusPort, "prometheusPort");
    return this;
  }

  /**
   * Sets {@link TelemetryConfig#exportIntervalMs()}: 1000-600000.
   */
  public TelemetryConfigBuilder exportIntervalMs(long exportIntervalMs) {
    this.exportIntervalMs = OptionalLong.of(exportIntervalMs);
    return this;
  }

  /**
   * Sets or clears {@link TelemetryConfig#exportIntervalMs()}.
   */
  public TelemetryConfigBuilder exportIntervalMs(OptionalLong exportIntervalMs) {
    this.exportIntervalMs = Objects.requireNonNull(exportIntervalMs, "exportIntervalMs");
    return this;
  }

  /**
   * Replaces the entries of {@link TelemetryConfig#labels()}:
   * at most 16 entries;
   * each key matches <code>(?!__)[a-zA-Z_][a-zA-Z0-9_]*</code>;
   * each value at most 128 characters.
   */
  public TelemetryConfigBuilder labels(Map<String, ? extends String> labels) {
    Objects.requireNonNull(labels, "labels");
    this.labels.clear();
    this.labels.putAll(labels);
    return this;
  }

  /**
   * Adds an entry to {@link TelemetryConfig#labels()}.
   */
  public TelemetryConfigBuilder putLabels(String key, String value) {
    this.labels.put(key, value);
    return this;
  }

  /**
   * The value, if every rule holds.
   *
   * @throws SchemaViolationException listing every violation
   */
  public TelemetryConfig build() {
    List<Violation> violations = null;
    if (this.enabled == null) {
      violations = Violations.missing(violations, "/enabled");
    }
    violations = TelemetryConfigValidator.checkServiceName(this.serviceName, violations);
    violations = TelemetryConfigValidator.checkPrometheusPort(this.prometheusPort, violations);
    violations = TelemetryConfigValidator.checkExportIntervalMs(this.exportIntervalMs, violations);
    violations = TelemetryConfigValidator.checkLabels(this.labels, violations);
    if (violations != null) {
      throw new SchemaViolationException(violations);
    }
    return new ImmutableTelemetryConfig(this.enabled, this.serviceName, this.prometheusPort,
        this.exportIntervalMs, this.labels);
  }
}
