package dev.eventschema.engine.backend.ngram;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An immutable n-gram language model over word tokens, with interpolated absolute discounting:
 *
 * <pre>
 *   P(w | c) = max(count(c w) - D, 0) / count(c) + D * distinct(c) / count(c) * P(w | c')
 * </pre>
 *
 * where {@code c'} is {@code c} without its oldest token, a context never seen falls straight through
 * to {@code c'}, and the last level is the unigram distribution. Every token of the vocabulary thus
 * keeps a probability above zero after any context, so generation never gets stuck, while the
 * model still mostly follows what it saw. Absolute discounting rather than Kneser-Ney: it is one
 * line per level, exact, and on a corpus this small the difference in the text is hard to see.
 *
 * <p>Thread-safe: one model serves any number of concurrent {@link NgramSampler}s.
 */
final class NgramModel {

  /**
   * The discount D. Lower than the 0.75 usual for scoring held-out text, because this model is
   * sampled from: with 0.75 a context seen once hands three quarters of its mass to shorter
   * contexts, and at temperature 1 only 41% of the generated trigrams on the default corpus had
   * been seen in training (word salad); with 0.4, 71% (87% at temperature 0.8), and the text reads
   * as recombined sentences rather than recitation.
   */
  static final double DISCOUNT = 0.4;

  private final int order;
  private final Vocabulary vocabulary;
  private final double[] unigram;
  private final double[] logUnigram;
  /** Ids by decreasing unigram probability, {@link Vocabulary#START} left out: greedy decoding walks it. */
  private final int[] byUnigramRank;
  /** Index {@code k} holds the contexts of length {@code k} (index 0 is unused). */
  private final List<Map<Long, Continuations>> contexts;
  private final long parameters;
  /** Tempered unigram tables, per temperature: a few distinct temperatures are used in practice. */
  private final Map<Double, TemperedUnigram> tempered = new ConcurrentHashMap<>();

  NgramModel(int order, Vocabulary vocabulary, double[] unigram, List<Map<Long, Continuations>> contexts,
      long parameters) {
    this.order = order;
    this.vocabulary = vocabulary;
    this.unigram = unigram;
    this.contexts = contexts;
    this.parameters = parameters;
    this.logUnigram = new double[unigram.length];
    for (int i = 0; i < unigram.length; i++) {
      logUnigram[i] = Math.log(unigram[i]);
    }
    this.byUnigramRank = java.util.stream.IntStream.range(0, unigram.length)
        .filter(id -> id != Vocabulary.START)
        .boxed()
        .sorted((a, b) -> Double.compare(unigram[b], unigram[a]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The n in n-gram: the longest sequence counted, so contexts are {@code order - 1} tokens long. */
  int order() {
    return order;
  }

  /** The model's size: the number of stored counts, every distinct n-gram of every order. */
  long parameters() {
    return parameters;
  }

  Vocabulary vocabulary() {
    return vocabulary;
  }

  /** A sampler that continues {@code prompt}; its first token follows the prompt's last tokens. */
  NgramSampler sampler(String prompt, double temperature, long seed) {
    return sampler(prompt, temperature, 1.0, seed);
  }

  /** The same, with nucleus sampling at {@code topP} (1 turns it off). */
  NgramSampler sampler(String prompt, double temperature, double topP, long seed) {
    return sampler(prompt, temperature, topP, 0, seed);
  }

  /** As {@link #sampler(String, double, double, long)}, reporting the {@code topLogprobs} most likely tokens. */
  NgramSampler sampler(String prompt, double temperature, double topP, int topLogprobs, long seed) {
    return new NgramSampler(this, prompt, temperature, topP, topLogprobs, seed);
  }

  /**
   * {@code P(token | the last order-1 ids of history[0..end))}, computed level by level from the
   * unigram up. The sampler computes the same value in its own way; this is the reference.
   */
  double probability(int[] history, int end, int token) {
    double p = unigram[token];
    for (int length = 1; length < order; length++) {
      Continuations seen = continuations(history, end, length);
      if (seen != null) {
        p = seen.discountedOf(token) + seen.backoffWeight * p;
      }
    }
    return p;
  }

  /** What followed the last {@code length} ids of {@code history[0..end)}, or null if never seen. */
  Continuations continuations(int[] history, int end, int length) {
    return contexts.get(length).get(ContextKey.of(history, end, length));
  }

  double unigram(int token) {
    return unigram[token];
  }

  double logUnigram(int token) {
    return logUnigram[token];
  }

  int[] byUnigramRank() {
    return byUnigramRank;
  }

  TemperedUnigram tempered(double temperature) {
    if (tempered.size() > 64) { // a client cycling through temperatures must not grow this forever
      tempered.clear();
    }
    return tempered.computeIfAbsent(temperature, t -> new TemperedUnigram(logUnigram, byUnigramRank[0], t));
  }
}
