package dev.eventschema.engine.backend.ngram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the n-grams of a text and freezes them into an {@link NgramModel}. Each paragraph is one
 * training sequence: padded with {@code order - 1} start tokens and closed by the end-of-sequence
 * token, so the model learns how paragraphs begin and when they end.
 */
final class NgramTrainer {

  private NgramTrainer() {}

  /**
   * Trains a model of the given order on {@code text}.
   *
   * @throws IllegalArgumentException if the order is outside 1 to {@code ContextKey.MAX_LENGTH + 1},
   *     or the text has no token
   */
  static NgramModel train(String text, int order) {
    if (order < 1 || order > ContextKey.MAX_LENGTH + 1) {
      throw new IllegalArgumentException(
          "order must be between 1 and " + (ContextKey.MAX_LENGTH + 1) + ", was " + order);
    }
    Vocabulary vocabulary = new Vocabulary();
    List<Map<Long, Map<Integer, int[]>>> counts = new ArrayList<>();
    for (int length = 0; length < order; length++) {
      counts.add(new HashMap<>());
    }
    Map<Integer, int[]> unigramCounts = new HashMap<>();
    long tokens = 0;

    for (List<String> paragraph : WordTokenizer.paragraphs(text)) {
      int[] sequence = new int[order - 1 + paragraph.size() + 1];
      Arrays.fill(sequence, 0, order - 1, Vocabulary.START);
      for (int i = 0; i < paragraph.size(); i++) {
        sequence[order - 1 + i] = vocabulary.intern(paragraph.get(i));
      }
      sequence[sequence.length - 1] = Vocabulary.END;
      for (int position = order - 1; position < sequence.length; position++) {
        int token = sequence[position];
        unigramCounts.computeIfAbsent(token, t -> new int[1])[0]++;
        tokens++;
        for (int length = 1; length < order; length++) {
          long context = ContextKey.of(sequence, position, length);
          counts.get(length).computeIfAbsent(context, c -> new HashMap<>())
              .computeIfAbsent(token, t -> new int[1])[0]++;
        }
      }
    }
    if (tokens == 0) {
      throw new IllegalArgumentException("the text has no token to learn from");
    }
    return freeze(order, vocabulary, unigramCounts, tokens, counts);
  }

  private static NgramModel freeze(int order, Vocabulary vocabulary, Map<Integer, int[]> unigramCounts, long tokens,
      List<Map<Long, Map<Integer, int[]>>> counts) {
    double[] unigram = new double[vocabulary.size()];
    unigramCounts.forEach((token, count) -> unigram[token] = (double) count[0] / tokens);
    long parameters = unigramCounts.size();
    List<Map<Long, Continuations>> contexts = new ArrayList<>();
    contexts.add(Map.of());
    for (int length = 1; length < order; length++) {
      Map<Long, Continuations> frozen = new HashMap<>(counts.get(length).size() * 2);
      for (Map.Entry<Long, Map<Integer, int[]>> context : counts.get(length).entrySet()) {
        frozen.put(context.getKey(), Continuations.of(context.getValue(), NgramModel.DISCOUNT));
        parameters += context.getValue().size();
      }
      contexts.add(frozen);
    }
    return new NgramModel(order, vocabulary, unigram, List.copyOf(contexts), parameters);
  }
}
