package dev.eventschema.engine.telemetry;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids of the models loaded now, which are the only model ids allowed as tag values: an event
 * may name any model, but only loading one (a deliberate act) can add a tag value. Capped as well,
 * since a peer could announce loads without end.
 */
final class LoadedModels {

  /** More models than any single engine serves at once. */
  static final int MAX_TRACKED = 64;

  private final Set<String> loaded = ConcurrentHashMap.newKeySet();

  void loaded(String model) {
    if (loaded.size() < MAX_TRACKED) {
      loaded.add(model);
    }
  }

  void gone(String model) {
    loaded.remove(model);
  }

  int count() {
    return loaded.size();
  }

  /** The tag value for {@code model}: its id when loaded, else {@link MeterNames#OTHER_MODEL}. */
  String tag(String model) {
    return loaded.contains(model) ? model : MeterNames.OTHER_MODEL;
  }
}
