package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.AllowEmpty;
import dev.eventschema.constraints.PositiveOrZero;
import dev.eventschema.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The wire form of a {@link RejectedPayload} on the live stream and at {@code GET /rejections}
 * (docs/stream-protocol.md). Wire name {@code rejection}.
 */
@EventSchema("rejection")
public interface RejectionRecord {

  /** The event type the payload claimed, as received (it may name no known type, or be empty). */
  @AllowEmpty String eventType();

  Source source();

  /** The payload as received, with what JSON cannot hold written as strings. */
  Map<String, Object> payload();

  /** The violations in the order found: the first 20 at most (the engine's cap). */
  @Size(min = 1) List<ViolationRecord> violations();

  /** How many violations were found beyond those listed; absent or 0 when all are listed. */
  @PositiveOrZero OptionalInt moreViolations();
}
