package dev.eventschema.engine.backend.ngram;

import static dev.eventschema.engine.backend.ngram.NgramModelTest.DEFAULT;
import static dev.eventschema.engine.backend.ngram.NgramModelTest.historyAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.eventschema.engine.backend.TokenAlternative;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The most likely tokens a sampler reports with each token when asked for them. */
@Timeout(60)
class NgramSamplerAlternativesTest {

  private static final String PROMPT = "The miller said";

  @ParameterizedTest
  @CsvSource({"0.0, 1.0, 5", "0.8, 1.0, 20", "1.0, 0.9, 3", "1.7, 1.0, 1"})
  void theAlternativesAreTheModelsTopK_inOrder_withTheDrawnTokensOwnLogprob(double temperature, double topP, int k) {
    NgramSampler sampler = DEFAULT.sampler(PROMPT, temperature, topP, k, 11);
    int[] history = historyAfter(DEFAULT, PROMPT);

    for (int step = 0; step < 200; step++) {
      int[] context = history.clone();
      List<Integer> expected = IntStream.range(0, DEFAULT.vocabulary().size())
          .filter(id -> id != Vocabulary.START).boxed()
          .sorted(Comparator.comparingDouble((Integer id) -> -DEFAULT.probability(context, context.length, id))
              .thenComparing(Comparator.naturalOrder()))
          .limit(k).toList();
      SampledToken token = sampler.next();
      List<TokenAlternative> alternatives = token.alternatives();

      assertThat(alternatives).hasSize(k);
      for (int i = 0; i < k; i++) {
        double modelLogprob = Math.log(DEFAULT.probability(context, context.length, expected.get(i)));
        assertThat(alternatives.get(i).logprob()).isLessThanOrEqualTo(0.0).isCloseTo(modelLogprob, within(1e-9));
        if (i > 0) {
          assertThat(alternatives.get(i).logprob()).isLessThanOrEqualTo(alternatives.get(i - 1).logprob());
        }
      }
      // ties may order equally likely tokens either way: the set of texts is what must agree
      assertThat(alternatives.stream().map(TokenAlternative::text).toList())
          .containsExactlyInAnyOrderElementsOf(expected.stream().map(DEFAULT.vocabulary()::text).toList());
      alternatives.stream().filter(alternative -> alternative.text().equals(token.text())).findFirst()
          .ifPresent(same -> assertThat(same.logprob()).isEqualTo(Math.min(0.0, token.logprob())));
      assertThat(token.logprob()).isLessThanOrEqualTo(alternatives.get(0).logprob() + 1e-12);
      if (temperature == 0) {
        assertThat(alternatives.get(0).text()).isEqualTo(token.text());
      }
      NgramModelTest.push(history, token.id());
      if (token.isEndOfSequence()) {
        Arrays.fill(history, Vocabulary.START);
      }
    }
  }

  @Test
  void askingForAlternativesDrawsTheSameTokens_andNotAskingReportsNone() {
    NgramSampler plain = DEFAULT.sampler(PROMPT, 1.0, 1.0, 0, 5);
    NgramSampler withAlternatives = DEFAULT.sampler(PROMPT, 1.0, 1.0, 20, 5);

    for (int step = 0; step < 300; step++) {
      SampledToken token = plain.next();
      SampledToken same = withAlternatives.next();

      assertThat(same.id()).isEqualTo(token.id());
      assertThat(same.logprob()).isEqualTo(token.logprob());
      assertThat(token.alternatives()).isSameAs(List.of()); // the shared empty list: nothing allocated
      assertThat(same.alternatives()).hasSize(20);
    }
  }
}
