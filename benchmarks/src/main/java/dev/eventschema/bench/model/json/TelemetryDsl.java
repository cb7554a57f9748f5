package dev.eventschema.bench.model.json;

import com.dslplatform.json.CompiledJson;
import java.util.Map;

/** The TelemetryConfig payload, bound without validation. */
@CompiledJson
public record TelemetryDsl(boolean enabled, String serviceName, Integer prometheusPort, Long exportIntervalMs,
    Map<String, String> labels) {}
