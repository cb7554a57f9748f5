package dev.eventschema.engine.emit;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.support.DidYouMean;

/**
 * The violations of an untyped emission that no schema can report, because the payload never
 * reaches one: an unknown event type, or no payload at all. Both are about the payload as a whole,
 * so their path is the root.
 */
final class UntypedViolations {

  private UntypedViolations() {}

  static Violation unknownType(String claimed) {
    String suggestion = DidYouMean.closest(claimed, EventType.wireNames());
    return new Violation("", Violation.Code.INVALID_VALUE, "unknown event type '" + claimed + "'"
        + (suggestion == null ? "; expected one of " + EventType.wireNames() : "; did you mean '" + suggestion + "'?"));
  }

  static Violation missingPayload() {
    return new Violation("", Violation.Code.MISSING, "is required: the payload was null");
  }
}
