package dev.eventschema.engine.emit;

/** What became of one emission: accepted and delivered, or rejected and recorded. */
public sealed interface Emission {

  boolean isAccepted();

  /** The event was valid and reached the subscribers. */
  record Accepted(EmittedEvent event) implements Emission {
    @Override
    public boolean isAccepted() {
      return true;
    }
  }

  /** The payload broke its schema; no event subscriber saw it. */
  record Rejected(RejectedPayload rejection) implements Emission {
    @Override
    public boolean isAccepted() {
      return false;
    }
  }
}
