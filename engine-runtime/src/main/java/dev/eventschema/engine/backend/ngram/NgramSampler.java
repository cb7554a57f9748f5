package dev.eventschema.engine.backend.ngram;

import dev.eventschema.engine.backend.TokenAlternative;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws one token after another from an {@link NgramModel}, continuing a prompt. Not thread-safe:
 * one sampler per generation.
 *
 * <p>The cost of a token does not grow with the vocabulary. At each step only the tokens seen after
 * the current contexts (a few dozen at most, the set S) get their probability computed; every other
 * token's probability is its unigram share times one weight W, the product of the backoff weights.
 * Tempering keeps that shape, since {@code (W u)^(1/T) = W^(1/T) u^(1/T)}: the mass of the tail is
 * {@code W^(1/T)} times (the sum of all tempered unigram weights, precomputed once per temperature,
 * minus those of S), and a tail token is drawn from the tempered unigram table, redrawing when it
 * lands in S.
 *
 * <p>Sampling follows the tempered distribution; the reported log-probability is always the model's
 * own, untempered one, as serving engines report it. So are the log-probabilities of the step's most
 * likely tokens, reported with each token when asked for ({@code topLogprobs > 0}); with the default
 * 0 no step ranks its tokens or allocates anything for them.
 */
final class NgramSampler {

  /** After this many draws landing in S, the tail is walked instead (S holding nearly all the mass). */
  private static final int MAX_TAIL_DRAWS = 32;

  private final NgramModel model;
  private final double temperature;
  private final double topP;
  private final int topLogprobs;
  private final TemperedUnigram tempered;
  private final SplittableRandom random;

  /** The last {@code order - 1} ids, oldest first; {@link Vocabulary#START} before the text began. */
  private final int[] history;

  // Scratch for one step, reused so that a step allocates nothing but its result.
  private final double[] probability;
  private final double[] weightInS;
  private final int[] inSetStamp;
  private final int[] setMembers;
  private int setSize;
  private int stamp;
  private double tailWeight;

  /** @param topLogprobs how many of the most likely tokens to report with each token; 0 for none */
  NgramSampler(NgramModel model, String prompt, double temperature, double topP, int topLogprobs, long seed) {
    this.model = model;
    this.temperature = temperature;
    this.topP = topP;
    this.topLogprobs = topLogprobs;
    this.tempered = temperature > 0 ? model.tempered(temperature) : null;
    this.random = new SplittableRandom(seed);
    this.history = new int[model.order() - 1];
    Arrays.fill(history, Vocabulary.START);
    for (String token : WordTokenizer.tokens(prompt)) {
      push(model.vocabulary().idOf(token));
    }
    int vocabularySize = model.vocabulary().size();
    this.probability = new double[vocabularySize];
    this.weightInS = new double[vocabularySize];
    this.inSetStamp = new int[vocabularySize];
    this.setMembers = new int[vocabularySize];
  }

  /** The next token; after the end-of-sequence token the sampler goes on as after a paragraph. */
  SampledToken next() {
    collectSeenContinuations();
    int token = temperature == 0 ? mostLikely() : topP < 1 ? drawFromNucleus() : draw();
    double logprob = logprob(token);
    List<TokenAlternative> alternatives = topLogprobs == 0 ? List.of() : topAlternatives(topLogprobs);
    push(token);
    if (token == Vocabulary.END) {
      Arrays.fill(history, Vocabulary.START);
    }
    return new SampledToken(token, model.vocabulary().text(token), logprob, alternatives);
  }

  /**
   * The model's log-probability of {@code token} at this step: the one number both the drawn token
   * and its alternatives report, so that the drawn token reads the same in both places.
   */
  private double logprob(int token) {
    return inSet(token) ? Math.log(probability[token]) : Math.log(tailWeight) + model.logUnigram(token);
  }

  /** The {@code k} most likely tokens of this step (fewer when fewer have a non-zero probability). */
  private List<TokenAlternative> topAlternatives(int k) {
    List<TokenAlternative> alternatives = new ArrayList<>(k);
    DescendingTokens walk = descending();
    for (int token = walk.next(); token >= 0 && alternatives.size() < k; token = walk.next()) {
      double logprob = logprob(token);
      if (logprob == Double.NEGATIVE_INFINITY) {
        break; // descending: every token after this one is impossible too
      }
      // rounding can lift a certain token's log a hair above 0; the drawn token's is clamped alike on the wire
      alternatives.add(new TokenAlternative(model.vocabulary().text(token), Math.min(0.0, logprob)));
    }
    return List.copyOf(alternatives);
  }

  /**
   * Fills S with the tokens seen after any suffix of the history, with their full interpolated
   * probability, and sets the weight W of every other token's unigram share.
   */
  private void collectSeenContinuations() {
    stamp++;
    setSize = 0;
    double weight = 1;
    for (int length = history.length; length >= 1; length--) {
      Continuations seen = model.continuations(history, history.length, length);
      if (seen == null) {
        continue; // never seen: the whole mass falls through to the shorter context
      }
      for (int i = 0; i < seen.tokens.length; i++) {
        int token = seen.tokens[i];
        if (inSetStamp[token] != stamp) {
          inSetStamp[token] = stamp;
          probability[token] = 0;
          setMembers[setSize++] = token;
        }
        probability[token] += weight * seen.discounted[i];
      }
      weight *= seen.backoffWeight;
    }
    tailWeight = weight;
    for (int i = 0; i < setSize; i++) {
      int token = setMembers[i];
      probability[token] += weight * model.unigram(token);
    }
  }

  /** Temperature 0: the most likely token, the lowest id on a tie. */
  private int mostLikely() {
    int best = -1;
    double bestProbability = -1;
    for (int i = 0; i < setSize; i++) {
      int token = setMembers[i];
      if (probability[token] > bestProbability || probability[token] == bestProbability && token < best) {
        best = token;
        bestProbability = probability[token];
      }
    }
    for (int token : model.byUnigramRank()) {
      if (!inSet(token)) { // the first tail token by unigram rank is the most likely of the tail
        if (tailWeight * model.unigram(token) > bestProbability) {
          best = token;
        }
        break;
      }
    }
    return best;
  }

  /** A token drawn from the distribution tempered by {@code 1/T}. */
  private int draw() {
    // Weights relative to the largest probability, so that (p/ref)^(1/T) <= 1 never overflows and the
    // most likely token always weighs 1, however low the temperature.
    double tailMax = tailWeight * model.unigram(model.byUnigramRank()[0]);
    double reference = tailMax;
    for (int i = 0; i < setSize; i++) {
      reference = Math.max(reference, probability[setMembers[i]]);
    }
    double massOfS = 0;
    double tailWeightsOfS = 0;
    for (int i = 0; i < setSize; i++) {
      int token = setMembers[i];
      weightInS[i] = temper(probability[token] / reference);
      massOfS += weightInS[i];
      tailWeightsOfS += tempered.weight(token);
    }
    double massOfTail = temper(tailMax / reference) * Math.max(0, tempered.total() - tailWeightsOfS);

    double target = random.nextDouble() * (massOfS + massOfTail);
    if (target < massOfS || massOfTail == 0) {
      return pickFromS(target);
    }
    for (int attempt = 0; attempt < MAX_TAIL_DRAWS; attempt++) {
      int token = tempered.draw(random);
      if (!inSet(token)) {
        return token;
      }
    }
    return walkTail(random.nextDouble() * Math.max(0, tempered.total() - tailWeightsOfS));
  }

  /**
   * Nucleus sampling: a token drawn from the tempered distribution cut to its most likely tokens
   * whose tempered probabilities add up to {@code topP} (at least one token). Walks the tokens in
   * order, so it costs more than {@link #draw()}; only requests with {@code topP < 1} pay it.
   */
  private int drawFromNucleus() {
    double tailMax = tailWeight * model.unigram(model.byUnigramRank()[0]);
    double reference = tailMax;
    double massOfS = 0;
    double tailWeightsOfS = 0;
    for (int i = 0; i < setSize; i++) {
      reference = Math.max(reference, probability[setMembers[i]]);
    }
    for (int i = 0; i < setSize; i++) {
      massOfS += temper(probability[setMembers[i]] / reference);
      tailWeightsOfS += tempered.weight(setMembers[i]);
    }
    double tailScale = temper(tailMax / reference);
    double total = massOfS + tailScale * Math.max(0, tempered.total() - tailWeightsOfS);
    double wanted = topP * total;
    DescendingTokens walk = descending();
    int[] nucleus = new int[16];
    double[] cumulative = new double[16];
    int size = 0;
    double mass = 0;
    for (int token = walk.next(); token >= 0; token = walk.next()) {
      mass += inSet(token) ? temper(probability[token] / reference) : tailScale * tempered.weight(token);
      if (size == nucleus.length) {
        nucleus = Arrays.copyOf(nucleus, size * 2);
        cumulative = Arrays.copyOf(cumulative, size * 2);
      }
      nucleus[size] = token;
      cumulative[size++] = mass;
      if (mass >= wanted) {
        break;
      }
    }
    double target = random.nextDouble() * mass;
    for (int i = 0; i < size; i++) {
      if (target < cumulative[i]) {
        return nucleus[i];
      }
    }
    return nucleus[size - 1];
  }

  /** This step's tokens, most likely first. */
  private DescendingTokens descending() {
    return new DescendingTokens(model, new DescendingTokens.Step() {
      @Override
      public boolean inSet(int token) {
        return NgramSampler.this.inSet(token);
      }

      @Override
      public double probabilityInSet(int token) {
        return probability[token];
      }

      @Override
      public double tailWeight() {
        return tailWeight;
      }
    }, setMembers, setSize);
  }

  /** {@code ratio^(1/T)}, without the cost of {@code pow} at the common temperature 1. */
  private double temper(double ratio) {
    return temperature == 1.0 ? ratio : Math.pow(ratio, 1 / temperature);
  }

  private int pickFromS(double target) {
    double cumulative = 0;
    for (int i = 0; i < setSize; i++) {
      cumulative += weightInS[i];
      if (target < cumulative) {
        return setMembers[i];
      }
    }
    return setMembers[setSize - 1]; // rounding left the target at the very end
  }

  /** The slow, exact way through the tail, for when S holds so much mass that redrawing keeps failing. */
  private int walkTail(double target) {
    double cumulative = 0;
    int last = Vocabulary.END;
    for (int token : model.byUnigramRank()) {
      if (inSet(token)) {
        continue;
      }
      cumulative += tempered.weight(token);
      last = token;
      if (target < cumulative) {
        return token;
      }
    }
    return last;
  }

  private boolean inSet(int token) {
    return inSetStamp[token] == stamp;
  }

  private void push(int token) {
    if (history.length > 0) {
      System.arraycopy(history, 1, history, 0, history.length - 1);
      history[history.length - 1] = token;
    }
  }
}
