package dev.eventschema.bench.model;

import dev.eventschema.engine.events.TokenGeneratedEvent;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NegativeOrZero;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A hand-written implementation of {@link TokenGeneratedEvent}: the plain record an application
 * would write. The generated validator checks it field by field (no by-construction shortcut), and
 * its Jakarta annotations state the same rules for Hibernate Validator and avaje-validator, as far
 * as Jakarta constraints can: there is no standard constraint for "a finite double" or "an open map
 * of JSON values", so those two rules are checked only by the generated and hand-written code
 * (which makes the comparison lean in the alternatives' favour).
 *
 * <p>Jackson binds it too (compact constructor: an absent optional or map is empty, as on the wire).
 */
@Valid
public record TokenRecord(
    @NotEmpty @Size(max = 256) String model,
    @NotNull String token,
    @NegativeOrZero OptionalDouble logprob,
    @NotNull Map<String, Object> metadata) implements TokenGeneratedEvent {

  public TokenRecord {
    logprob = logprob == null ? OptionalDouble.empty() : logprob;
    metadata = metadata == null ? Map.of() : metadata;
  }
}
