package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The capped buffer of received events: oldest dropped first, with a count of what was dropped.
 * FX-thread confined; appended once per frame.
 */
public final class EventLog {

  /** The default number of events kept. */
  public static final int DEFAULT_CAPACITY = 20_000;

  private final int capacity;
  private final RingList<StreamMessage.Event> items;
  private final List<StreamMessage.Event> lastAppended = new ArrayList<>();
  private final List<StreamMessage.Event> lastDropped = new ArrayList<>();
  private long dropped;
  private long total;

  public EventLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.items = new RingList<>(capacity);
  }

  /** Appends one frame's events in one change, dropping the oldest beyond the capacity. */
  public void append(List<StreamMessage.Event> batch) {
    lastAppended.clear();
    lastDropped.clear();
    if (batch.isEmpty()) {
      return;
    }
    total += batch.size();
    List<StreamMessage.Event> added = batch;
    if (batch.size() > capacity) {
      int skip = batch.size() - capacity;
      dropped += skip;
      added = batch.subList(skip, batch.size());
    }
    int overflow = items.size() + added.size() - capacity;
    if (overflow > 0) {
      lastDropped.addAll(items.head(overflow));
      dropped += overflow;
      items.removeHead(overflow);
    }
    items.append(added);
    lastAppended.addAll(added);
  }

  /** The events kept, oldest first. */
  public RingList<StreamMessage.Event> items() {
    return items;
  }

  /** The events appended by the last {@link #append} (those kept). */
  public List<StreamMessage.Event> lastAppended() {
    return lastAppended;
  }

  /** The events the last {@link #append} pushed out, oldest first. */
  public List<StreamMessage.Event> lastDropped() {
    return lastDropped;
  }

  public int capacity() {
    return capacity;
  }

  /** Events dropped from the buffer since the start. */
  public long dropped() {
    return dropped;
  }

  /** Events received since the start. */
  public long total() {
    return total;
  }
}
