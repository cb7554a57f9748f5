package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.fleet.FleetStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The fleet overview: one row per engine found in the topic, computed from the engines' own models,
 * and the totals. FX-thread confined; the consumer's state follows every frame, the numbers once a
 * second (a table whose rows change every frame costs a layout pass each, and is unreadable anyway).
 */
public final class FleetModel {

  /** How often the rows, totals and series are brought up to date. */
  public static final long UPDATE_NANOS = 1_000_000_000L;

  /** An engine with what its row was computed from last time. */
  private static final class Tracked {
    final EngineModel model;
    final FleetEngineRow row;
    final TimeSeries rate;
    long events;
    long tokens;
    long received;
    long receivedChangedAt;

    Tracked(EngineModel model, long nowNanos) {
      this.model = model;
      this.row = new FleetEngineRow(model.name());
      this.rate = new TimeSeries(model.name(), OverviewState.WINDOW_MILLIS, 512);
      this.events = model.events().total();
      this.tokens = model.tokensReceived();
      this.received = model.connectionProperty().get().received();
      this.receivedChangedAt = nowNanos;
    }
  }

  private final Map<String, Tracked> engines = new LinkedHashMap<>();
  private final ObservableList<FleetEngineRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<FleetStatus> status;
  private final DoubleProperty eventsPerSecond = new SimpleDoubleProperty();
  private final LongProperty events = new SimpleLongProperty();
  private final LongProperty rejections = new SimpleLongProperty();
  private final LongProperty foundHere = new SimpleLongProperty();
  private final LongProperty kafkaDropped = new SimpleLongProperty(-1);
  private long updatedAt = Long.MIN_VALUE;
  private long seriesVersion;

  public FleetModel(FleetStatus initial) {
    this.status = new SimpleObjectProperty<>(initial);
  }

  /** Adds an engine found in the topic. */
  public void add(EngineModel model) {
    Tracked tracked = new Tracked(model, System.nanoTime());
    engines.put(model.name(), tracked);
    rows.add(tracked.row);
  }

  /** Removes an engine closed in the dashboard. */
  public void remove(String engineId) {
    Tracked gone = engines.remove(engineId);
    if (gone != null) {
      rows.remove(gone.row);
      seriesVersion++;
    }
  }

  /** Takes the consumer's state (every frame) and, once a second, the engines' numbers. */
  public void publish(FleetStatus fleet, long nowNanos, long nowMillis) {
    if (!fleet.equals(status.get())) {
      status.set(fleet);
    }
    if (updatedAt != Long.MIN_VALUE && nowNanos - updatedAt < UPDATE_NANOS) {
      return;
    }
    double seconds = updatedAt == Long.MIN_VALUE ? 0 : (nowNanos - updatedAt) / 1e9;
    updatedAt = nowNanos;
    double totalRate = 0;
    long totalEvents = 0;
    long totalRejections = 0;
    long totalFoundHere = 0;
    long totalDropped = -1; // until an engine reports its sink's drops
    for (Tracked t : engines.values()) {
      EngineModel m = t.model;
      FleetEngineRow row = t.row;
      ConnectionStatus c = m.connectionProperty().get();
      long eventCount = m.events().total();
      double rate = seconds > 0 ? Math.max(0, eventCount - t.events) / seconds : 0;
      t.events = eventCount;
      double tokenRate = seconds > 0 ? Math.max(0, m.tokensReceived() - t.tokens) / seconds : Double.NaN;
      t.tokens = m.tokensReceived();
      if (c.received() != t.received) {
        t.received = c.received();
        t.receivedChangedAt = nowNanos;
      }
      if (seconds > 0) {
        t.rate.add(nowMillis, rate);
      }
      long consumerFound = m.rejections().consumerProperty().get();
      long published = m.rejections().totalProperty().get() - consumerFound;
      row.statusProperty().set(m.overview().statusProperty().get());
      row.eventsPerSecondProperty().set(rate);
      row.eventsProperty().set(eventCount);
      row.rejectionsProperty().set(published);
      row.foundHereProperty().set(consumerFound);
      long dropped = m.overview().kafkaDroppedProperty().get();
      row.kafkaDroppedProperty().set(dropped);
      row.modelsLoadedProperty().set(m.overview().modelsLoadedProperty().get());
      row.runningProperty().set(m.overview().runningProperty().get());
      row.tokensPerSecondProperty().set(tokenRate);
      row.silentSecondsProperty().set((nowNanos - t.receivedChangedAt) / 1_000_000_000L);
      totalRate += rate;
      totalEvents += eventCount;
      totalRejections += published;
      totalFoundHere += consumerFound;
      if (dropped >= 0) {
        totalDropped = Math.max(0, totalDropped) + dropped;
      }
    }
    eventsPerSecond.set(totalRate);
    events.set(totalEvents);
    rejections.set(totalRejections);
    foundHere.set(totalFoundHere);
    kafkaDropped.set(totalDropped);
    seriesVersion++;
  }

  /** The engines, in the order they were found. */
  public ObservableList<FleetEngineRow> rows() {
    return rows;
  }

  /** The consumer's last state. */
  public ObjectProperty<FleetStatus> statusProperty() {
    return status;
  }

  /** Accepted events received per second, all engines together. */
  public DoubleProperty eventsPerSecondProperty() {
    return eventsPerSecond;
  }

  public LongProperty eventsProperty() {
    return events;
  }

  /** Rejections the engines published. */
  public LongProperty rejectionsProperty() {
    return rejections;
  }

  /** Records the dashboard refused. */
  public LongProperty foundHereProperty() {
    return foundHere;
  }

  /** Messages the engines' Kafka sinks reported dropped; -1 while no engine has reported. */
  public LongProperty kafkaDroppedProperty() {
    return kafkaDropped;
  }

  /** Events per second of each engine over the sliding window, for a chart. */
  public List<TimeSeries> eventsPerSecondByEngine() {
    List<TimeSeries> series = new ArrayList<>(engines.size());
    for (Tracked t : engines.values()) {
      series.add(t.rate);
    }
    return series;
  }

  /** Changes whenever a series changes. */
  public long seriesVersion() {
    return seriesVersion;
  }
}
