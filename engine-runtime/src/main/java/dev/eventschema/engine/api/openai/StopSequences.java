package dev.eventschema.engine.api.openai;

import java.util.List;

/**
 * Finds the first stop sequence in generated text arriving token by token, holding back only the
 * text that might still turn out to begin one, so that a stream never shows text that a stop
 * sequence later cuts off. Not thread-safe: one per generation.
 */
final class StopSequences {

  /** What became visible after one token, and whether a stop sequence ended the text. */
  record Release(String text, boolean stopped) {}

  private final List<String> stops;
  private final StringBuilder held = new StringBuilder();
  private boolean stopped;

  StopSequences(List<String> stops) {
    this.stops = List.copyOf(stops);
  }

  /** Adds a token's text; returns what can be shown now. After a stop, nothing more is released. */
  Release add(String text) {
    if (stopped) {
      return new Release("", true);
    }
    if (stops.isEmpty()) {
      return new Release(text, false);
    }
    held.append(text);
    int first = -1;
    for (String stop : stops) {
      int at = held.indexOf(stop);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    if (first >= 0) {
      stopped = true;
      String visible = held.substring(0, first);
      held.setLength(0);
      return new Release(visible, true);
    }
    int keep = longestSuffixStartingAStop();
    String visible = held.substring(0, held.length() - keep);
    held.delete(0, held.length() - keep);
    return new Release(visible, false);
  }

  /** The text still held back when the generation ended without a stop: it is shown after all. */
  String flush() {
    String rest = stopped ? "" : held.toString();
    held.setLength(0);
    return rest;
  }

  private int longestSuffixStartingAStop() {
    String text = held.toString();
    int longest = 0;
    for (String stop : stops) {
      for (int length = Math.min(stop.length() - 1, text.length()); length > longest; length--) {
        if (text.regionMatches(text.length() - length, stop, 0, length)) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }
}
