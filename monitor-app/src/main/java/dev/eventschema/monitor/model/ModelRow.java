package dev.eventschema.monitor.model;

import java.time.Instant;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One model the engine loaded, with what happened to it since. */
public final class ModelRow {

  /** One invalidation or unload, with its reason. */
  public record Change(Instant time, String kind, String reason) {}

  private final String name;
  private final StringProperty path = new SimpleStringProperty("");
  private final StringProperty quantization = new SimpleStringProperty("");
  private final LongProperty parameters = new SimpleLongProperty(-1);
  private final ObjectProperty<Instant> loadedAt = new SimpleObjectProperty<>();
  private final LongProperty loadMs = new SimpleLongProperty(-1);
  private final StringProperty state = new SimpleStringProperty("loaded");
  private final LongProperty tokensServed = new SimpleLongProperty();
  private final LongProperty invalidations = new SimpleLongProperty();
  private final ObservableList<Change> changes = FXCollections.observableArrayList();
  long pendingTokens;

  ModelRow(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  public StringProperty pathProperty() {
    return path;
  }

  public StringProperty quantizationProperty() {
    return quantization;
  }

  /** The parameter count, or -1 when the engine did not say. */
  public LongProperty parametersProperty() {
    return parameters;
  }

  public ObjectProperty<Instant> loadedAtProperty() {
    return loadedAt;
  }

  /** How long loading took, from the event's metadata, or -1. */
  public LongProperty loadMsProperty() {
    return loadMs;
  }

  /** loaded, unloaded or invalidated. */
  public StringProperty stateProperty() {
    return state;
  }

  public LongProperty tokensServedProperty() {
    return tokensServed;
  }

  public LongProperty invalidationsProperty() {
    return invalidations;
  }

  /** Unloads and invalidations, oldest first. */
  public ObservableList<Change> changes() {
    return changes;
  }
}
