package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.client.SchemaVersions;
import dev.eventschema.monitor.client.StreamMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the dashboard knows about one engine. FX-thread confined: each frame, {@link #accept}
 * takes the messages drained from the inbox (in one or more chunks) and {@link #publish} shows the
 * result, in one change per list.
 */
public final class EngineModel {

  /** Generations kept once they ended. */
  public static final int RECENT_GENERATIONS = GenerationTracker.RECENT;

  private final String name;
  private final EventLog events;
  private final RejectionLog rejections;
  private final OverviewState overview = new OverviewState();
  private final GenerationTracker generations = new GenerationTracker();
  private final ModelTracker models = new ModelTracker();
  private final ObservableList<String> modelNames = FXCollections.observableArrayList();
  private final Set<String> seenModels = new HashSet<>();
  private final ObjectProperty<ConnectionStatus> connection = new SimpleObjectProperty<>(ConnectionStatus.initial());
  private final LongProperty frames = new SimpleLongProperty();
  private final StringProperty schemaNotice = new SimpleStringProperty("");
  private final List<StreamMessage.Event> eventBatch = new ArrayList<>();
  private final List<StreamMessage.Rejection> rejectionBatch = new ArrayList<>();
  private long tokensReceived;

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
        case StreamMessage.Hello h -> schemaNotice.set(SchemaVersions.notice(h));
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
    generations.publish(System.nanoTime());
    models.publish();
    frames.set(frames.get() + 1);
  }

  private void onEvent(StreamMessage.Event e) {
    Map<String, Object> p = e.payload();
    if (e.model() != null && seenModels.add(e.model())) {
      modelNames.add(e.model());
      FXCollections.sort(modelNames);
    }
    switch (e.type()) {
      case "generationStarted" -> generations.started(e);
      case "tokenGenerated" -> {
        String token = (String) p.get("token");
        generations.token(e, token);
        if (!token.isEmpty()) {
          models.tokenServed(e.model());
          tokensReceived++;
        }
      }
      case "generationCompleted" -> generations.completed(e);
      case "error" -> generations.failed(e);
      case "modelLoaded" -> models.loaded(e);
      case "modelUnloaded" -> models.unloaded(e);
      case "modelInvalidated" -> models.invalidated(e);
      case "runtimeStatus" -> overview.applyStatus((String) p.get("status"),
          ((Number) p.get("modelsLoaded")).intValue(),
          p.get("activeTasks") instanceof Number n ? n.intValue() : null);
      default -> {
        // no per-type state
      }
    }
  }

  public String name() {
    return name;
  }

  /** Tokens received in {@code tokenGenerated} events (the end-of-sequence marker not counted). */
  public long tokensReceived() {
    return tokensReceived;
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
    return generations.rows();
  }

  public ObservableList<ModelRow> models() {
    return models.rows();
  }

  /** The names of the models seen, sorted; for the events filter. */
  public ObservableList<String> modelNames() {
    return modelNames;
  }

  public ObjectProperty<ConnectionStatus> connectionProperty() {
    return connection;
  }

  /**
   * What the engine's last {@code hello} means for this dashboard: which schemas it speaks in a newer
   * version than the dashboard knows; empty when none (or before the first hello).
   */
  public StringProperty schemaNoticeProperty() {
    return schemaNotice;
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
