package dev.eventschema.monitor.model;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One engine of the fleet overview: its status and numbers, updated once a second. */
public final class FleetEngineRow {

  private final String engineId;
  private final StringProperty status = new SimpleStringProperty("unknown");
  private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
  private final LongProperty events = new SimpleLongProperty();
  private final LongProperty rejections = new SimpleLongProperty();
  private final LongProperty foundHere = new SimpleLongProperty();
  private final LongProperty kafkaDropped = new SimpleLongProperty(-1);
  private final IntegerProperty modelsLoaded = new SimpleIntegerProperty();
  private final IntegerProperty running = new SimpleIntegerProperty();
  private final DoubleProperty tokensPerSecond = new SimpleDoubleProperty(Double.NaN);
  private final LongProperty silentSeconds = new SimpleLongProperty(-1);

  FleetEngineRow(String engineId) {
    this.engineId = engineId;
  }

  /** The engine's id: the CloudEvent {@code source} of its records. */
  public String engineId() {
    return engineId;
  }

  /** The runtime status of its last {@code runtimeStatus} event: ready, busy, error, shutdown or unknown. */
  public StringProperty statusProperty() {
    return status;
  }

  /** Accepted events received per second, over the last second. */
  public DoubleProperty eventsPerSecondProperty() {
    return eventsPerSecond;
  }

  /** Accepted events received. */
  public LongProperty eventsProperty() {
    return events;
  }

  /** Rejections the engine published (its rejections topic). */
  public LongProperty rejectionsProperty() {
    return rejections;
  }

  /** Records of this engine the dashboard refused (rejections with source {@code consumer}). */
  public LongProperty foundHereProperty() {
    return foundHere;
  }

  /** Messages the engine's Kafka sink dropped, as its last telemetry snapshot said; -1 before one says. */
  public LongProperty kafkaDroppedProperty() {
    return kafkaDropped;
  }

  public IntegerProperty modelsLoadedProperty() {
    return modelsLoaded;
  }

  /** Generations running, as its last status or snapshot said. */
  public IntegerProperty runningProperty() {
    return running;
  }

  /** Tokens received per second over the last second, or NaN before a second has passed. */
  public DoubleProperty tokensPerSecondProperty() {
    return tokensPerSecond;
  }

  /** Whole seconds since its last record arrived. */
  public LongProperty silentSecondsProperty() {
    return silentSeconds;
  }
}
