package dev.eventschema.monitor.model;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;

/** One line of a table of counts: a key (a violation code, an event type) and how many. */
public final class CountRow {

  private final String key;
  private final LongProperty count = new SimpleLongProperty();

  public CountRow(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public LongProperty countProperty() {
    return count;
  }

  public long count() {
    return count.get();
  }
}
