package dev.eventschema.bench.model.json;

import io.avaje.jsonb.Json;
import java.util.Map;

/** The TelemetryConfig payload, bound without validation. */
@Json
public record TelemetryJsonb(boolean enabled, String serviceName, Integer prometheusPort, Long exportIntervalMs,
    Map<String, String> labels) {}
