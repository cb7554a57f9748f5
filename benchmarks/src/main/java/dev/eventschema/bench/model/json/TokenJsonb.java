package dev.eventschema.bench.model.json;

import io.avaje.jsonb.Json;
import java.util.Map;

/** The TokenGeneratedEvent payload, bound without validation. */
@Json
public record TokenJsonb(String model, String token, Double logprob, Map<String, Object> metadata) {}
