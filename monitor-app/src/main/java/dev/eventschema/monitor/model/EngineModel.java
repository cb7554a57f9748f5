package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the dashboard knows about one engine. FX-thread confined: {@link #apply} is called once
 * per frame with every message drained from the inbox since the last frame, and publishes the result
 * in one change per list.
 */
public final class EngineModel {

  /** Generations kept once they ended. */
  public static final int RECENT_GENERATIONS = 200;

  private final String name;
  private final EventLog events;
  private final RejectionLog rejections;
  private final OverviewState overview = new OverviewState();
  private final ObservableList<GenerationRow> generations = FXCollections.observableArrayList();
  private final Map<String, GenerationRow> generationsById = new HashMap<>();
  private final ObservableList<ModelRow> models = FXCollections.observableArrayList();
  private final Map<String, ModelRow> modelsByName = new HashMap<>();
  private final ObservableList<String> modelNames = FXCollections.observableArrayList();
  private final Set<String> seenModels = new java.util.HashSet<>();
  private final ObjectProperty<ConnectionStatus> connection = new SimpleObjectProperty<>(ConnectionStatus.initial());
  private final LongProperty frames = new SimpleLongProperty();
  private final Set<GenerationRow> dirtyGenerations = new LinkedHashSet<>();
  private final Set<ModelRow> dirtyModels = new LinkedHashSet<>();
  private final List<StreamMessage.Event> eventBatch = new ArrayList<>();
  private final List<StreamMessage.Rejection> rejectionBatch = new ArrayList<>();
  private final List<GenerationRow> newGenerations = new ArrayList<>();

  public EngineModel(String name, int eventCapacity) {
    this.name = name;
    this.events = new EventLog(eventCapacity);
    this.rejections = new RejectionLog(RejectionLog.DEFAULT_CAPACITY);
  }

  /** Applies one frame's messages and the connection state: {@link #accept} then {@link #publish}. */
  public void apply(List<StreamMessage> batch, ConnectionStatus status) {
    accept(batch);
    publish(status);
  }

  /**
   * Takes messages into the model's own state without publishing them to the observable lists
   * (which happens once per frame, in {@link #publish}); may be called several times per frame.
   */
  public void accept(List<StreamMessage> batch) {
    for (StreamMessage message : batch) {
      switch (message) {
        case StreamMessage.Event e -> {
          eventBatch.add(e);
          onEvent(e);
        }
        case StreamMessage.Rejection r -> rejectionBatch.add(r);
        case StreamMessage.Telemetry t -> overview.applyTelemetry(t);
        case StreamMessage.Dropped d -> {
          // counted by the client, shown with the connection state
        }
      }
    }
  }

  /** Publishes what was accepted since the last publish, in one change per list; once per frame. */
  public void publish(ConnectionStatus status) {
    if (!status.equals(connection.get())) {
      connection.set(status);
    }
    events.append(eventBatch);
    rejections.append(rejectionBatch);
    eventBatch.clear();
    rejectionBatch.clear();
    for (GenerationRow row : dirtyGenerations) {
      row.flush();
    }
    dirtyGenerations.clear();
    if (!newGenerations.isEmpty()) {
      java.util.Collections.reverse(newGenerations);
      generations.addAll(0, newGenerations);
      newGenerations.clear();
      trimGenerations();
    }
    for (ModelRow row : dirtyModels) {
      row.tokensServedProperty().set(row.tokensServedProperty().get() + row.pendingTokens);
      row.pendingTokens = 0;
    }
    dirtyModels.clear();
    frames.set(frames.get() + 1);
  }

  private void onEvent(StreamMessage.Event e) {
    Map<String, Object> p = e.payload();
    if (e.model() != null && seenModels.add(e.model())) {
      modelNames.add(e.model());
      FXCollections.sort(modelNames);
    }
    switch (e.type()) {
      case "generationStarted" -> {
        if (e.generationId() != null) {
          GenerationRow row = new GenerationRow(e.generationId(), e.model(), promptOf(e.summary()), e.time());
          GenerationRow old = generationsById.put(e.generationId(), row);
          if (old != null) {
            generations.remove(old);
            newGenerations.remove(old);
          }
          newGenerations.add(row);
        }
      }
      case "tokenGenerated" -> {
        String token = (String) p.get("token");
        GenerationRow row = generation(e);
        if (row != null) {
          if (token.isEmpty()) {
            row.endOfSequence = true;
          } else {
            row.pendingText.append(token);
            row.pendingTokens++;
            if (row.firstTokenAt == null) {
              row.firstTokenAt = e.time();
            }
            row.lastTokenAt = e.time();
          }
          row.dirty = true;
          dirtyGenerations.add(row);
        }
        if (!token.isEmpty() && e.model() != null) {
          ModelRow model = modelsByName.get(e.model());
          if (model != null) {
            model.pendingTokens++;
            dirtyModels.add(model);
          }
        }
      }
      case "generationCompleted" -> {
        GenerationRow row = generation(e);
        if (row != null) {
          row.flush();
          row.dirty = true;
          dirtyGenerations.add(row);
          row.stateProperty().set(GenerationRow.State.COMPLETED);
          long tokens = ((Number) p.get("tokensGenerated")).longValue();
          row.pendingTokens = tokens - row.tokensProperty().get();
          row.durationMsProperty().set(((Number) p.get("durationMs")).doubleValue());
          if (p.get("throughput") instanceof Number t) {
            row.throughputProperty().set(t.doubleValue());
          }
          row.outcomeProperty().set(outcome(p));
        }
      }
      case "error" -> {
        GenerationRow row = e.generationId() == null ? null : generation(e);
        if (row != null) {
          row.stateProperty().set(GenerationRow.State.FAILED);
          row.outcomeProperty().set("error" + (p.get("code") != null ? " (" + p.get("code") + ")" : "") + ": "
              + p.get("error"));
          row.dirty = true;
          dirtyGenerations.add(row);
        }
      }
      case "modelLoaded" -> {
        ModelRow row = model(e.model());
        row.pathProperty().set((String) p.get("modelPath"));
        row.quantizationProperty().set(p.get("quantization") instanceof String q ? q : "");
        row.parametersProperty().set(p.get("parameters") instanceof Number n ? n.longValue() : -1);
        row.loadedAtProperty().set(e.time());
        row.loadMsProperty().set(loadMillis(p.get("metadata")));
        row.stateProperty().set("loaded");
      }
      case "modelUnloaded" -> {
        ModelRow row = model(e.model());
        row.stateProperty().set("unloaded");
        row.changes().add(new ModelRow.Change(e.time(), "unloaded",
            p.get("reason") instanceof String r ? r : "(no reason given)"));
      }
      case "modelInvalidated" -> {
        ModelRow row = model(e.model());
        row.stateProperty().set("invalidated");
        row.invalidationsProperty().set(row.invalidationsProperty().get() + 1);
        row.changes().add(new ModelRow.Change(e.time(), "invalidated", (String) p.get("reason")));
      }
      case "runtimeStatus" -> overview.applyStatus((String) p.get("status"),
          ((Number) p.get("modelsLoaded")).intValue(),
          p.get("activeTasks") instanceof Number n ? n.intValue() : null);
      default -> {
        // no per-type state
      }
    }
  }

  private static String outcome(Map<String, Object> p) {
    if (p.get("metadata") instanceof Map<?, ?> meta) {
      for (String key : List.of("finishReason", "reason", "stopReason")) {
        if (meta.get(key) instanceof String reason) {
          return "completed (" + reason.toLowerCase(java.util.Locale.ROOT) + ")";
        }
      }
    }
    return "completed";
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

  private static String promptOf(String summary) {
    return summary.startsWith("prompt ") ? summary.substring("prompt ".length()) : summary;
  }

  /** The row of an event's generation, created if the dashboard connected after it started. */
  private GenerationRow generation(StreamMessage.Event e) {
    if (e.generationId() == null) {
      return null;
    }
    GenerationRow row = generationsById.get(e.generationId());
    if (row == null) {
      row = new GenerationRow(e.generationId(), e.model(), "(started before the dashboard connected)", null);
      generationsById.put(e.generationId(), row);
      newGenerations.add(row);
    }
    return row;
  }

  private ModelRow model(String modelName) {
    ModelRow row = modelsByName.get(modelName);
    if (row == null) {
      row = new ModelRow(modelName);
      modelsByName.put(modelName, row);
      models.add(row);
    }
    return row;
  }

  private void trimGenerations() {
    int ended = 0;
    for (int i = 0; i < generations.size(); i++) {
      if (generations.get(i).stateProperty().get() != GenerationRow.State.RUNNING) {
        ended++;
      }
    }
    if (ended <= RECENT_GENERATIONS) {
      return;
    }
    int toRemove = ended - RECENT_GENERATIONS;
    List<GenerationRow> removed = new ArrayList<>();
    for (int i = generations.size() - 1; i >= 0 && removed.size() < toRemove; i--) {
      GenerationRow row = generations.get(i);
      if (row.stateProperty().get() != GenerationRow.State.RUNNING) {
        removed.add(row);
      }
    }
    for (GenerationRow row : removed) {
      generationsById.remove(row.id(), row);
    }
    generations.removeAll(removed);
  }

  public String name() {
    return name;
  }

  public EventLog events() {
    return events;
  }

  public RejectionLog rejections() {
    return rejections;
  }

  public OverviewState overview() {
    return overview;
  }

  /** Running and recent generations, newest first. */
  public ObservableList<GenerationRow> generations() {
    return generations;
  }

  public ObservableList<ModelRow> models() {
    return models;
  }

  /** The names of the models seen, sorted; for the events filter. */
  public ObservableList<String> modelNames() {
    return modelNames;
  }

  public ObjectProperty<ConnectionStatus> connectionProperty() {
    return connection;
  }

  /** Frames applied so far. */
  public LongProperty framesProperty() {
    return frames;
  }

  /** The time of an instant as shown in the tables. */
  public static String clock(Instant time) {
    return time == null ? "" : Formats.TIME.format(time);
  }
}
