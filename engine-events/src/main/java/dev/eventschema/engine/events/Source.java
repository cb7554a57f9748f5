package dev.eventschema.engine.events;

import java.util.Locale;

/** Where a payload came from; lower case on the wire and in metrics ({@code network}). */
public enum Source {
  /** This engine's own Java API (the typed {@code emitX} methods). */
  API,
  /** The model runtime the engine drives. */
  RUNTIME,
  /** A file, such as a recorded session being replayed. */
  FILE,
  /** A network peer. */
  NETWORK,
  /** A consumer of the stream, such as the dashboard checking what it received. */
  CONSUMER;

  private final String wireName = name().toLowerCase(Locale.ROOT);

  public String wireName() {
    return wireName;
  }
}
