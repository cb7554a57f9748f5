package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.NegativeOrZero;
import dev.eventschema.constraints.Size;
import java.util.Map;
import java.util.OptionalDouble;

/** One generated token. Wire name {@code tokenGenerated}. */
@EventSchema
public interface TokenGeneratedEvent {

  @Size(max = ModelIds.MAX_LENGTH) String model();

  /** The token's text; empty for the end-of-sequence marker. */
  @AllowEmpty String token();

  /** The natural log of the token's probability: finite and at most zero. */
  @NegativeOrZero OptionalDouble logprob();

  Map<String, Object> metadata();
}
