package dev.eventschema.bench.model.json;

import com.dslplatform.json.CompiledJson;
import java.util.Map;

/** The TokenGeneratedEvent payload, bound without validation. */
@CompiledJson
public record TokenDsl(String model, String token, Double logprob, Map<String, Object> metadata) {}
