package dev.eventschema.engine.backend.ngram;

import java.util.SplittableRandom;

/**
 * The unigram distribution raised to the power {@code 1/T}, with cumulative weights for drawing
 * from it by binary search. The weights are relative to the most likely token's (which weighs 1),
 * so that they neither overflow nor all underflow at low temperatures.
 *
 * <p>The sampler needs it for the long tail: after a context, most tokens get nothing but their
 * backed-off unigram share, and tempering all of them one by one at every step would cost a pass
 * over the vocabulary per token.
 */
final class TemperedUnigram {

  private final double[] weights;
  private final double[] cumulative;

  TemperedUnigram(double[] logUnigram, int mostLikely, double temperature) {
    weights = new double[logUnigram.length];
    cumulative = new double[logUnigram.length];
    double max = logUnigram[mostLikely];
    double sum = 0;
    for (int i = 0; i < logUnigram.length; i++) {
      weights[i] = Math.exp((logUnigram[i] - max) / temperature); // exp(-inf) = 0 for START
      sum += weights[i];
      cumulative[i] = sum;
    }
  }

  /** The tempered weight of {@code token}, relative to the most likely token's. */
  double weight(int token) {
    return weights[token];
  }

  /** The sum of all weights. */
  double total() {
    return cumulative[cumulative.length - 1];
  }

  /** A token drawn with probability proportional to its weight. */
  int draw(SplittableRandom random) {
    double target = random.nextDouble() * total();
    // The first index whose cumulative weight exceeds the target: never a zero-weight token.
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulative[middle] > target) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
