package com.example.events;

import dev.eventschema.support.Copies;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * The immutable {@link TelemetryConfig} that {@link TelemetryConfigBuilder} builds
 * and {@link TelemetryConfigValidator} parses.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
final record ImmutableTelemetryConfig(boolean enabled, Optional<String> serviceName,
    OptionalInt prometheusPort, OptionalLong exportIntervalMs,
    Map<String, String> labels) implements TelemetryConfig {
  ImmutableTelemetryConfig {
    labels = Copies.map(labels);
  }

  @Override
  public String toString() {
    StringJoiner fields = new StringJoiner(", ", "TelemetryConfig{", "}");
    fields.add("enabled=" + this.enabled);
    this.serviceName.ifPresent(present -> fields.add("serviceName=" + present));
    this.prometheusPort.ifPresent(present -> fields.add("prometheusPort=" + present));
    this.exportIntervalMs.ifPresent(present -> fields.add("exportIntervalMs=" + present));
    if (!this.labels.isEmpty()) {
      fields.add("labels=" + this.labels);
    }
    return fields.toString();
  }
}
