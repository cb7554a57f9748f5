package dev.eventschema.engine.events;

/** The engine's state, as {@link RuntimeStatusEvent} reports it; lower case on the wire. */
public enum RuntimeStatus {
  READY,
  BUSY,
  ERROR,
  SHUTDOWN
}
