package dev.eventschema.monitor.client;

import dev.eventschema.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks the dashboard runs on every message it receives, with the engine's own generated validators. */
public interface WireValidation {

  /** The violations of an envelope (not of its payload). */
  List<Violation> envelope(Map<String, ?> envelope);

  /** The wire names of the engine's events. */
  Set<String> eventTypes();

  /** The violations of an event payload of type {@code type}, which is one of {@link #eventTypes()}. */
  List<Violation> event(String type, Map<String, ?> payload);

  /** The violations of a {@code rejection} payload. */
  List<Violation> rejection(Map<String, ?> payload);

  /** The violations of a {@code hello} payload. */
  List<Violation> hello(Map<String, ?> payload);

  /** The violations of a {@code telemetrySnapshot} payload. */
  List<Violation> telemetry(Map<String, ?> payload);
}
