package dev.eventschema.monitor.client;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.EventEnvelopeValidator;
import dev.eventschema.engine.events.EventType;
import dev.eventschema.engine.events.HelloFrameValidator;
import dev.eventschema.engine.events.RejectionRecordValidator;
import dev.eventschema.engine.events.TelemetrySnapshotValidator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@link WireValidation} with the validators generated from the engine's own schemas. */
public final class GeneratedValidation implements WireValidation {

  public static final GeneratedValidation INSTANCE = new GeneratedValidation();

  private final Set<String> eventTypes = Set.copyOf(new LinkedHashSet<>(EventType.wireNames()));

  private GeneratedValidation() {}

  @Override
  public List<Violation> envelope(Map<String, ?> envelope) {
    return EventEnvelopeValidator.INSTANCE.parse(envelope).violations();
  }

  @Override
  public Set<String> eventTypes() {
    return eventTypes;
  }

  /** The wire names of the engine's events, in the engine's order. */
  public List<String> eventTypesInOrder() {
    return EventType.wireNames();
  }

  @Override
  public List<Violation> event(String type, Map<String, ?> payload) {
    return EventType.fromWireName(type)
        .map(t -> t.parse(payload).violations())
        .orElseGet(() -> List.of(new Violation("", Violation.Code.INVALID_VALUE, "unknown event type '" + type + "'")));
  }

  @Override
  public List<Violation> rejection(Map<String, ?> payload) {
    return RejectionRecordValidator.INSTANCE.parse(payload).violations();
  }

  @Override
  public List<Violation> hello(Map<String, ?> payload) {
    return HelloFrameValidator.INSTANCE.parse(payload).violations();
  }

  @Override
  public List<Violation> telemetry(Map<String, ?> payload) {
    return TelemetrySnapshotValidator.INSTANCE.parse(payload).violations();
  }
}
