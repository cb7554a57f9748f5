package dev.eventschema.bench.model.json;

import io.avaje.jsonb.Json;
import java.util.Map;

/** The GenerationCompletedEvent payload, bound without validation. */
@Json
public record CompletedJsonb(String model, long tokensGenerated, double durationMs, Double throughput,
    Map<String, Object> metadata) {}
