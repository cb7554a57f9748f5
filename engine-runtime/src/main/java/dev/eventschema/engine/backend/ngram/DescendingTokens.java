package dev.eventschema.engine.backend.ngram;

import java.util.Arrays;

/**
 * The tokens of one sampling step from the most likely down: the set S of seen continuations,
 * sorted, merged with the tail in unigram order (every tail token's probability is its unigram
 * share times the same weight, so the tail is already sorted by {@link NgramModel#byUnigramRank()}).
 *
 * <p>Tempering is monotone, so the order is the same at every temperature. Only nucleus sampling and
 * requests for the top alternatives walk it; plain sampling never pays for the sort.
 */
final class DescendingTokens {

  /** What the walk needs to know about the step. */
  interface Step {
    boolean inSet(int token);

    /** The full probability of a token of S. */
    double probabilityInSet(int token);

    /** The weight W that multiplies every tail token's unigram share. */
    double tailWeight();
  }

  private final NgramModel model;
  private final Step step;
  private final int[] sortedSet;
  private int nextInSet;
  private int nextInTail;

  DescendingTokens(NgramModel model, Step step, int[] setMembers, int setSize) {
    this.model = model;
    this.step = step;
    Integer[] boxed = new Integer[setSize];
    for (int i = 0; i < setSize; i++) {
      boxed[i] = setMembers[i];
    }
    // most likely first; the lower id first on a tie, as the greedy pick does
    Arrays.sort(boxed, (a, b) -> {
      int byProbability = Double.compare(step.probabilityInSet(b), step.probabilityInSet(a));
      return byProbability != 0 ? byProbability : Integer.compare(a, b);
    });
    this.sortedSet = new int[setSize];
    for (int i = 0; i < setSize; i++) {
      sortedSet[i] = boxed[i];
    }
  }

  /** The next most likely token, or -1 when every token was walked. */
  int next() {
    int[] ranked = model.byUnigramRank();
    while (nextInTail < ranked.length && step.inSet(ranked[nextInTail])) {
      nextInTail++;
    }
    boolean setLeft = nextInSet < sortedSet.length;
    boolean tailLeft = nextInTail < ranked.length;
    if (!setLeft && !tailLeft) {
      return -1;
    }
    if (setLeft && (!tailLeft || step.probabilityInSet(sortedSet[nextInSet]) >= probability(ranked[nextInTail]))) {
      return sortedSet[nextInSet++];
    }
    return ranked[nextInTail++];
  }

  /** The model's (untempered) probability of {@code token} at this step. */
  double probability(int token) {
    return step.inSet(token) ? step.probabilityInSet(token) : step.tailWeight() * model.unigram(token);
  }
}
