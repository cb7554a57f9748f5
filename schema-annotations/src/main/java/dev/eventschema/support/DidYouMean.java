package dev.eventschema.support;

import java.util.Collection;
import java.util.Locale;

/** Suggests the declared key closest to an unknown one, for messages such as {@code did you mean 'x'?}. */
public final class DidYouMean {

  private DidYouMean() {}

  /**
   * The candidate nearest to {@code unknown} by edit distance, or {@code null} when none is close
   * enough to be a plausible typo (at most a third of the key's length, and at least 2 edits apart
   * from no match at all).
   */
  public static String closest(String unknown, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String folded = unknown.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int distance = distance(folded, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    int allowed = Math.max(2, unknown.length() / 3);
    return bestDistance <= allowed ? best : null;
  }

  /** Levenshtein distance, with a swap of two neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
