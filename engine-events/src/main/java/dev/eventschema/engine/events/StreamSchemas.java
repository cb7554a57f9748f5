package dev.eventschema.engine.events;

import dev.eventschema.SchemaValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schemas of everything the live stream writes, each with the version its generated validator
 * was built from: what an engine announces in its {@code hello} frame, and what a reader built
 * against this module knows.
 */
public final class StreamSchemas {

  private static final List<SchemaValidator<?>> VALIDATORS = validators();
  private static final Map<String, Integer> VERSIONS = versions(VALIDATORS);

  private StreamSchemas() {}

  /** The envelope, the payloads of {@code hello}, {@code dropped}, {@code rejection} and telemetry frames, then the events. */
  public static List<SchemaValidator<?>> all() {
    return VALIDATORS;
  }

  /** The version of each schema of {@link #all()}, by wire name, in that order. */
  public static Map<String, Integer> versions() {
    return VERSIONS;
  }

  private static List<SchemaValidator<?>> validators() {
    List<SchemaValidator<?>> all = new ArrayList<>(List.of(EventEnvelopeValidator.INSTANCE,
        HelloFrameValidator.INSTANCE, DroppedFrameValidator.INSTANCE, RejectionRecordValidator.INSTANCE,
        TelemetrySnapshotValidator.INSTANCE));
    for (EventType type : EventType.values()) {
      all.add(type.validator());
    }
    return List.copyOf(all);
  }

  private static Map<String, Integer> versions(List<SchemaValidator<?>> validators) {
    Map<String, Integer> versions = new LinkedHashMap<>();
    validators.forEach(v -> versions.put(v.eventName(), v.version()));
    return Collections.unmodifiableMap(versions);
  }
}
