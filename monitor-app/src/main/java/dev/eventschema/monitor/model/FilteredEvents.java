package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The events table's rows: the events of the capped {@link EventLog} that match an {@link
 * EventQuery}, kept in a {@link RingList} of their own and brought up to date incrementally (what the
 * log appended and dropped since), or held still while paused. FX-thread confined.
 *
 * <p>Each frame {@link #collect} notes what the log appended and dropped; {@link #apply} publishes
 * it when the view decides to (on screen, and not more often than anyone can read).
 */
public final class FilteredEvents {

  private final EventLog log;
  private final RingList<StreamMessage.Event> rows;
  private final List<StreamMessage.Event> pendingAppended = new ArrayList<>();
  private final List<StreamMessage.Event> pendingDropped = new ArrayList<>();
  private final List<StreamMessage.Event> sincePause = new ArrayList<>();
  private EventQuery query = EventQuery.ALL;
  private List<StreamMessage.Event> frozen;
  private boolean needsRebuild;
  private long newWhilePaused;

  public FilteredEvents(EventLog log) {
    this.log = log;
    this.rows = new RingList<>(log.capacity());
  }

  /** The rows shown, oldest first. */
  public RingList<StreamMessage.Event> rows() {
    return rows;
  }

  /** Notes the log's last append; returns how many events it appended. Once per frame. */
  public int collect() {
    List<StreamMessage.Event> appended = log.lastAppended();
    if (frozen != null) {
      if (!appended.isEmpty()) {
        sincePause.addAll(appended);
        int overflow = sincePause.size() - log.capacity();
        if (overflow > 0) {
          sincePause.subList(0, overflow).clear();
        }
        newWhilePaused += matching(appended).size();
      }
      return appended.size();
    }
    if (!needsRebuild) {
      pendingAppended.addAll(appended);
      pendingDropped.addAll(log.lastDropped());
      if (pendingAppended.size() > log.capacity() || pendingDropped.size() > log.capacity()) {
        needsRebuild = true; // more than the whole log changed: cheaper to start over
        pendingAppended.clear();
        pendingDropped.clear();
      }
    }
    return appended.size();
  }

  /** Whether {@link #apply} would change the rows. */
  public boolean hasPending() {
    return frozen == null && (needsRebuild || !pendingAppended.isEmpty() || !pendingDropped.isEmpty());
  }

  /** Brings the rows up to date: the dropped head removed and the matching new events appended, one change each. */
  public void apply() {
    if (frozen != null) {
      return;
    }
    if (needsRebuild) {
      rebuild();
      return;
    }
    removeDropped();
    int retained = Math.min(pendingAppended.size(), log.items().size());
    rows.append(matching(pendingAppended.subList(pendingAppended.size() - retained, pendingAppended.size())));
    pendingAppended.clear();
    pendingDropped.clear();
  }

  /**
   * The events of {@code events} that match the query. Without a filter, none is looked at: reading
   * thousands of events scattered over the heap costs about a microsecond each on a small machine,
   * a large part of a frame.
   */
  private List<StreamMessage.Event> matching(List<StreamMessage.Event> events) {
    if (query.matchesAll()) {
      return events;
    }
    List<StreamMessage.Event> matching = new ArrayList<>();
    for (StreamMessage.Event e : events) {
      if (query.test(e)) {
        matching.add(e);
      }
    }
    return matching;
  }

  private void removeDropped() {
    if (pendingDropped.isEmpty() || rows.isEmpty()) {
      return;
    }
    int i = 0;
    int j = 0;
    while (i < rows.size() && j < pendingDropped.size()) {
      if (rows.get(i) == pendingDropped.get(j)) {
        i++;
      }
      j++;
    }
    rows.removeHead(i);
  }

  /** Shows the events matching {@code newQuery}, at once. */
  public void setQuery(EventQuery newQuery) {
    query = newQuery;
    rebuild();
    if (frozen != null) {
      newWhilePaused = sincePause.stream().filter(query).count();
    }
  }

  public EventQuery query() {
    return query;
  }

  private void rebuild() {
    pendingAppended.clear();
    pendingDropped.clear();
    needsRebuild = false;
    rows.replaceAll(matching(frozen != null ? frozen : log.items()));
  }

  /** Holds the rows still; new events are only counted. */
  public void pause() {
    if (frozen == null) {
      frozen = new ArrayList<>(log.items());
      sincePause.clear();
      newWhilePaused = 0;
    }
  }

  /** Shows everything the log holds again. */
  public void resume() {
    frozen = null;
    sincePause.clear();
    newWhilePaused = 0;
    rebuild();
  }

  public boolean isPaused() {
    return frozen != null;
  }

  /** Matching events that arrived since the pause. */
  public long newWhilePaused() {
    return newWhilePaused;
  }
}
