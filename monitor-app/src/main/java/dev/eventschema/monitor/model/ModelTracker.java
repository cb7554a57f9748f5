package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The models seen, built from the model events; tokens served are added up once per frame. */
final class ModelTracker {

  private final ObservableList<ModelRow> rows = FXCollections.observableArrayList();
  private final Map<String, ModelRow> byName = new HashMap<>();
  private final Set<ModelRow> dirty = new LinkedHashSet<>();

  ObservableList<ModelRow> rows() {
    return rows;
  }

  void loaded(StreamMessage.Event e) {
    Map<String, Object> p = e.payload();
    ModelRow row = row(e.model());
    row.pathProperty().set((String) p.get("modelPath"));
    row.quantizationProperty().set(p.get("quantization") instanceof String q ? q : "");
    row.parametersProperty().set(p.get("parameters") instanceof Number n ? n.longValue() : -1);
    row.loadedAtProperty().set(e.time());
    row.loadMsProperty().set(loadMillis(p.get("metadata")));
    row.stateProperty().set("loaded");
  }

  void unloaded(StreamMessage.Event e) {
    ModelRow row = row(e.model());
    row.stateProperty().set("unloaded");
    row.changes().add(new ModelRow.Change(e.time(), "unloaded",
        e.payload().get("reason") instanceof String r ? r : "(no reason given)"));
  }

  void invalidated(StreamMessage.Event e) {
    ModelRow row = row(e.model());
    row.stateProperty().set("invalidated");
    row.invalidationsProperty().set(row.invalidationsProperty().get() + 1);
    row.changes().add(new ModelRow.Change(e.time(), "invalidated", (String) e.payload().get("reason")));
  }

  /** A token served by a model (counted if the model is known). */
  void tokenServed(String modelName) {
    ModelRow row = modelName == null ? null : byName.get(modelName);
    if (row != null) {
      row.pendingTokens++;
      dirty.add(row);
    }
  }

  /** Shows the tokens served since the last publish. Once per frame. */
  void publish() {
    for (ModelRow row : dirty) {
      row.tokensServedProperty().set(row.tokensServedProperty().get() + row.pendingTokens);
      row.pendingTokens = 0;
    }
    dirty.clear();
  }

  private ModelRow row(String modelName) {
    ModelRow row = byName.get(modelName);
    if (row == null) {
      row = new ModelRow(modelName);
      byName.put(modelName, row);
      rows.add(row);
    }
    return row;
  }

  private static long loadMillis(Object metadata) {
    if (metadata instanceof Map<?, ?> meta) {
      for (String key : List.of("loadTimeMs", "loadMs", "loadDurationMs", "durationMs")) {
        if (meta.get(key) instanceof Number n) {
          return n.longValue();
        }
      }
    }
    return -1;
  }
}
