package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The running and recent generations, built from the generation events: rows collect what arrives
 * and {@link #publish} shows it (new rows in one change, the oldest ended ones beyond {@link
 * #RECENT} removed in another, and the rows' new values).
 *
 * <p>Every frame while generation events arrive slowly; when they stream faster than anyone can
 * read (more than {@link #BUSY_EVENTS} since the last publish), at most every {@link
 * #BUSY_PERIOD_NANOS}: a table re-applies the CSS of every row whose values or position change, and
 * at thousands of tokens a second that is every visible row in every frame.
 */
final class GenerationTracker {

  /** Generations kept once they ended. */
  static final int RECENT = 200;
  /** Generations kept while running. */
  static final int MAX_RUNNING = 500;
  /** Generation events since the last publish above which publishing waits for {@link #BUSY_PERIOD_NANOS}. */
  static final int BUSY_EVENTS = 120;
  static final long BUSY_PERIOD_NANOS = 100_000_000L;

  private final ObservableList<GenerationRow> rows = FXCollections.observableArrayList();
  private final Map<String, GenerationRow> byId = new HashMap<>();
  private final Set<GenerationRow> dirty = new LinkedHashSet<>();
  private final List<GenerationRow> added = new ArrayList<>();
  private int eventsSincePublish;
  private long publishedAt;

  /** Running and recent generations, newest first. */
  ObservableList<GenerationRow> rows() {
    return rows;
  }

  void started(StreamMessage.Event e) {
    eventsSincePublish++;
    if (e.generationId() == null) {
      return;
    }
    GenerationRow row = new GenerationRow(e.generationId(), e.model(), promptOf(e.summary()), e.time());
    GenerationRow old = byId.put(e.generationId(), row);
    if (old != null) {
      rows.remove(old);
      added.remove(old);
    }
    added.add(row);
  }

  /** A token ({@code ""} marks the end of the sequence). */
  void token(StreamMessage.Event e, String token) {
    eventsSincePublish++;
    GenerationRow row = row(e);
    if (row == null) {
      return;
    }
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
    markDirty(row);
  }

  void completed(StreamMessage.Event e) {
    eventsSincePublish++;
    GenerationRow row = row(e);
    if (row == null) {
      return;
    }
    Map<String, Object> p = e.payload();
    markDirty(row);
    row.ended(GenerationRow.State.COMPLETED, outcome(p));
    row.pendingTotalTokens = ((Number) p.get("tokensGenerated")).longValue();
    row.pendingDurationMs = ((Number) p.get("durationMs")).doubleValue();
    if (p.get("throughput") instanceof Number t) {
      row.pendingThroughput = t.doubleValue();
    }
  }

  void failed(StreamMessage.Event e) {
    eventsSincePublish++;
    GenerationRow row = row(e);
    if (row == null) {
      return;
    }
    Map<String, Object> p = e.payload();
    row.ended(GenerationRow.State.FAILED, "error" + (p.get("code") != null ? " (" + p.get("code") + ")" : "") + ": "
        + p.get("error"));
    markDirty(row);
  }

  /** Shows what arrived since the last publish, unless it is too soon (see the class comment). Once per frame. */
  void publish(long nanos) {
    if (eventsSincePublish > BUSY_EVENTS && nanos - publishedAt < BUSY_PERIOD_NANOS) {
      return;
    }
    publishedAt = nanos;
    eventsSincePublish = 0;
    for (GenerationRow row : dirty) {
      row.flush();
    }
    dirty.clear();
    if (!added.isEmpty()) {
      Collections.reverse(added);
      rows.addAll(0, added);
      added.clear();
      trim();
    }
  }

  private void markDirty(GenerationRow row) {
    row.dirty = true;
    dirty.add(row);
  }

  /** The row of an event's generation, created if the dashboard connected after it started. */
  private GenerationRow row(StreamMessage.Event e) {
    if (e.generationId() == null) {
      return null;
    }
    GenerationRow row = byId.get(e.generationId());
    if (row == null) {
      row = new GenerationRow(e.generationId(), e.model(), "(started before the dashboard connected)", null);
      byId.put(e.generationId(), row);
      added.add(row);
    }
    return row;
  }

  /**
   * Keeps the {@link #RECENT} newest ended generations and the {@link #MAX_RUNNING} newest running
   * ones (a generation whose end the dashboard never saw, such as one cut off by a reconnection,
   * would otherwise stay "running" forever).
   */
  private void trim() {
    int ended = 0;
    int running = 0;
    for (GenerationRow row : rows) {
      if (row.stateProperty().get() == GenerationRow.State.RUNNING) {
        running++;
      } else {
        ended++;
      }
    }
    int endedToRemove = Math.max(0, ended - RECENT);
    int runningToRemove = Math.max(0, running - MAX_RUNNING);
    if (endedToRemove + runningToRemove == 0) {
      return;
    }
    List<GenerationRow> removed = new ArrayList<>();
    for (int i = rows.size() - 1; i >= 0 && (endedToRemove > 0 || runningToRemove > 0); i--) {
      GenerationRow row = rows.get(i);
      if (row.stateProperty().get() == GenerationRow.State.RUNNING) {
        if (runningToRemove > 0) {
          removed.add(row);
          runningToRemove--;
        }
      } else if (endedToRemove > 0) {
        removed.add(row);
        endedToRemove--;
      }
    }
    for (GenerationRow row : removed) {
      byId.remove(row.id(), row);
    }
    rows.removeAll(removed);
  }

  private static String outcome(Map<String, Object> p) {
    if (p.get("metadata") instanceof Map<?, ?> meta) {
      for (String key : List.of("finishReason", "reason", "stopReason")) {
        if (meta.get(key) instanceof String reason) {
          return "completed (" + reason.toLowerCase(Locale.ROOT) + ")";
        }
      }
    }
    return "completed";
  }

  private static String promptOf(String summary) {
    return summary.startsWith("prompt ") ? summary.substring("prompt ".length()) : summary;
  }
}
