package dev.eventschema.engine.emit;

/** What an emission of an invalid payload does to its caller, once the rejection is recorded. */
public enum RejectionPolicy {
  /** Throw an {@link dev.eventschema.engine.error.EngineException} with code {@code INVALID_EVENT}. */
  THROW,
  /** Return the rejection; the caller goes on. */
  RECORD
}
