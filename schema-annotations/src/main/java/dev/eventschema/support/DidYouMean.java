package dev.eventschema.support;

import java.util.Collection;
import java.util.Locale;

/** Suggests the declared key closest to an unknown one, for messages such as {@code did you mean 'x'?}. */
public final class DidYouMean {

  private DidYouMean() {}

  /**
   * The candidate nearest to {@code unknown} by edit distance, ignoring case (ties go to the first
   * in alphabetical order), or {@code null} when none is close enough to be a plausible typo: at
   * most a third of the key's length apart, and never more than 2 edits for short keys.
   */
  public static String closest(String unknown, Collection<String> candidates) {
    String folded = unknown.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, unknown.length() / 3);
    String best = null;
    int bestDistance = allowed;
    for (String candidate : candidates) {
      // The distance is at least the difference in length: skip what cannot beat (or tie) the best.
      if (Math.abs(candidate.length() - folded.length()) > bestDistance) {
        continue;
      }
      int distance = distance(folded, candidate.toLowerCase(Locale.ROOT), bestDistance);
      if (distance < bestDistance || (distance == bestDistance && (best == null || candidate.compareTo(best) < 0))) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    return distance(a, b, Integer.MAX_VALUE - 1);
  }

  /**
   * The distance if it is at most {@code limit}, else some value above {@code limit}: once a whole
   * row of the table exceeds the limit, no later row can come back under it.
   */
  private static int distance(String a, String b, int limit) {
    int width = b.length() + 1;
    int[] beforePrevious = new int[width];
    int[] previous = new int[width];
    int[] current = new int[width];
    for (int j = 0; j < width; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      int rowMinimum = i;
      for (int j = 1; j < width; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, beforePrevious[j - 2] + 1);
        }
        current[j] = best;
        rowMinimum = Math.min(rowMinimum, best);
      }
      if (rowMinimum > limit) {
        return limit + 1;
      }
      int[] recycled = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = recycled;
    }
    return previous[width - 1];
  }
}
