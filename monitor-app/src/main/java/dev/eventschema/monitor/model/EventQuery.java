package dev.eventschema.monitor.model;

import dev.eventschema.monitor.client.StreamMessage;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What the events table shows: one event type or all ({@code null}), one model or all ({@code
 * null}), and a search text matched, case-insensitively, against the summary, type, model and
 * generation (or equal to the seq).
 */
public record EventQuery(String type, String model, String text) implements Predicate<StreamMessage.Event> {

  /** Every event. */
  public static final EventQuery ALL = new EventQuery(null, null, "");

  public EventQuery {
    text = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
  }

  /** Whether every event matches (no type, no model, no text). */
  public boolean matchesAll() {
    return type == null && model == null && text.isEmpty();
  }

  @Override
  public boolean test(StreamMessage.Event e) {
    if (type != null && !type.equals(e.type())) {
      return false;
    }
    if (model != null && !model.equals(e.model())) {
      return false;
    }
    return text.isEmpty() || contains(e.summary()) || contains(e.type()) || contains(e.model())
        || contains(e.generationId()) || Long.toString(e.seq()).equals(text);
  }

  private boolean contains(String haystack) {
    return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(text);
  }
}
