package dev.eventschema.engine.backend.ngram;

import java.util.Arrays;
import java.util.Map;

/**
 * What followed one context in training, frozen for sampling: the tokens seen after it, the
 * probability mass each keeps after absolute discounting, and the mass given back to the shorter
 * context (the backoff weight). The two always add up to one, so interpolating with the shorter
 * context's distribution yields a distribution again.
 */
final class Continuations {

  /** Token ids, ascending, for binary search. */
  final int[] tokens;

  /** {@code (count - D) / total} for each token: its own share at this order. */
  final double[] discounted;

  /** {@code D * distinct / total}: the share handed to the shorter context. */
  final double backoffWeight;

  private Continuations(int[] tokens, double[] discounted, double backoffWeight) {
    this.tokens = tokens;
    this.discounted = discounted;
    this.backoffWeight = backoffWeight;
  }

  /** Freezes the counts of what followed one context. */
  static Continuations of(Map<Integer, int[]> countsByToken, double discount) {
    int[] tokens = countsByToken.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    long total = 0;
    for (int[] count : countsByToken.values()) {
      total += count[0];
    }
    double[] discounted = new double[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      discounted[i] = (countsByToken.get(tokens[i])[0] - discount) / total;
    }
    return new Continuations(tokens, discounted, discount * tokens.length / total);
  }

  /** The discounted share of {@code token} at this order: 0 if it never followed the context. */
  double discountedOf(int token) {
    int index = Arrays.binarySearch(tokens, token);
    return index >= 0 ? discounted[index] : 0;
  }
}
