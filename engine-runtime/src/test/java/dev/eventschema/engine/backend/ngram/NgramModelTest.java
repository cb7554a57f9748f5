package dev.eventschema.engine.backend.ngram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NgramModelTest {

  static final NgramModel DEFAULT = NgramTrainer.train(CorpusSource.read(NgramBackend.DEFAULT_MODEL_PATH), 3);

  @Test
  void parametersCountEveryDistinctNgramOfEveryOrder() {
    // Sequence: <s> the cat sat </s>. Unigrams: the, cat, sat, </s>; bigrams: <s>-the, the-cat, cat-sat, sat-</s>.
    NgramModel model = NgramTrainer.train("the cat sat", 2);

    assertThat(model.parameters()).isEqualTo(8);
  }

  @Test
  void theDefaultCorpusGivesAModelOfSomeThousandsOfCounts() {
    assertThat(DEFAULT.vocabulary().size()).isBetween(500, 5_000);
    assertThat(DEFAULT.parameters()).isBetween(5_000L, 50_000L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "The keeper", "The clerk said that", "completely unseen words here", "."})
  void afterAnyContextTheProbabilitiesOfAllTokensAddUpToOne(String prompt) {
    int[] history = historyAfter(DEFAULT, prompt);

    double sum = 0;
    for (int token = 0; token < DEFAULT.vocabulary().size(); token++) {
      double p = DEFAULT.probability(history, history.length, token);
      if (token == Vocabulary.START) {
        assertThat(p).isZero();
      } else {
        assertThat(p).as("token %s", token).isPositive(); // smoothing: nothing is impossible
      }
      sum += p;
    }

    assertThat(sum).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void whatFollowedAContextInTrainingIsFarMoreLikelyThanWhatDidNot() {
    int[] history = historyAfter(DEFAULT, "The lighthouse");
    int keeper = DEFAULT.vocabulary().idOf(" keeper");
    int bread = DEFAULT.vocabulary().idOf(" bread");

    assertThat(DEFAULT.probability(history, history.length, keeper))
        .isGreaterThan(100 * DEFAULT.probability(history, history.length, bread));
  }

  @Test
  void eachParagraphEndsWithTheEndOfSequenceToken() {
    NgramModel model = NgramTrainer.train("Alpha beta.\n\nGamma delta.", 3);
    int[] history = historyAfter(model, "Alpha beta.");

    assertThat(model.probability(history, history.length, Vocabulary.END)).isGreaterThan(0.5);
  }

  @Test
  void refusesAnOrderOutsideOneToFourAndATextWithoutTokens() {
    assertThatThrownBy(() -> NgramTrainer.train("a b", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NgramTrainer.train("a b", 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> NgramTrainer.train(" \n\n ", 3)).isInstanceOf(IllegalArgumentException.class);
  }

  /** The history a sampler has after {@code prompt}: start padding, then the prompt's ids. */
  static int[] historyAfter(NgramModel model, String prompt) {
    int[] history = new int[model.order() - 1];
    Arrays.fill(history, Vocabulary.START);
    List<String> tokens = WordTokenizer.tokens(prompt);
    for (String token : tokens) {
      push(history, model.vocabulary().idOf(token));
    }
    return history;
  }

  static void push(int[] history, int token) {
    if (history.length > 0) {
      System.arraycopy(history, 1, history, 0, history.length - 1);
      history[history.length - 1] = token;
    }
  }
}
