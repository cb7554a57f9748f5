package dev.eventschema.bench.model.json;

import com.dslplatform.json.CompiledJson;
import java.util.Map;

/** The GenerationCompletedEvent payload, bound without validation. */
@CompiledJson
public record CompletedDsl(String model, long tokensGenerated, double durationMs, Double throughput,
    Map<String, Object> metadata) {}
