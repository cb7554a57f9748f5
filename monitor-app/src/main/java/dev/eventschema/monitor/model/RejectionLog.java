package dev.eventschema.monitor.model;

import dev.eventschema.Violation;
import dev.eventschema.monitor.client.StreamMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Every rejection received (capped), with counts by violation code, by event type and by source. */
public final class RejectionLog {

  public static final int DEFAULT_CAPACITY = 5_000;

  private final int capacity;
  private final RingList<StreamMessage.Rejection> items;
  private final ObservableList<CountRow> byCode = FXCollections.observableArrayList();
  private final ObservableList<CountRow> byType = FXCollections.observableArrayList();
  private final ObservableList<CountRow> bySource = FXCollections.observableArrayList();
  private final Map<String, CountRow> codeRows = new HashMap<>();
  private final Map<String, CountRow> typeRows = new HashMap<>();
  private final Map<String, CountRow> sourceRows = new HashMap<>();
  private final LongProperty total = new SimpleLongProperty();
  private final LongProperty consumer = new SimpleLongProperty();
  private long dropped;

  public RejectionLog(int capacity) {
    this.capacity = capacity;
    this.items = new RingList<>(capacity);
  }

  /** Appends one frame's rejections. */
  public void append(List<StreamMessage.Rejection> batch) {
    if (batch.isEmpty()) {
      return;
    }
    long consumers = 0;
    for (StreamMessage.Rejection r : batch) {
      for (Violation v : r.violations()) {
        increment(byCode, codeRows, v.code().wireName());
      }
      increment(byType, typeRows, r.eventType());
      increment(bySource, sourceRows, r.source());
      if (StreamMessage.Rejection.CONSUMER.equals(r.source())) {
        consumers++;
      }
    }
    total.set(total.get() + batch.size());
    consumer.set(consumer.get() + consumers);
    List<StreamMessage.Rejection> added = batch.size() > capacity ? batch.subList(batch.size() - capacity, batch.size())
        : batch;
    int overflow = items.size() + added.size() - capacity;
    if (overflow > 0) {
      items.removeHead(overflow);
      dropped += overflow;
    }
    dropped += batch.size() - added.size();
    items.append(added);
    FXCollections.sort(byCode, (a, b) -> Long.compare(b.count(), a.count()));
    FXCollections.sort(byType, (a, b) -> Long.compare(b.count(), a.count()));
  }

  private static void increment(ObservableList<CountRow> list, Map<String, CountRow> rows, String key) {
    CountRow row = rows.get(key);
    if (row == null) {
      row = new CountRow(key);
      rows.put(key, row);
      list.add(row);
    }
    row.countProperty().set(row.count() + 1);
  }

  public RingList<StreamMessage.Rejection> items() {
    return items;
  }

  public ObservableList<CountRow> byCode() {
    return byCode;
  }

  public ObservableList<CountRow> byType() {
    return byType;
  }

  public ObservableList<CountRow> bySource() {
    return bySource;
  }

  /** Rejections received since the start. */
  public LongProperty totalProperty() {
    return total;
  }

  /** Rejections found by the dashboard's own validation. */
  public LongProperty consumerProperty() {
    return consumer;
  }

  public long dropped() {
    return dropped;
  }

  public int capacity() {
    return capacity;
  }
}
