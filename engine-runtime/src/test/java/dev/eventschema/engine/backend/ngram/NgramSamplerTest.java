package dev.eventschema.engine.backend.ngram;

import static dev.eventschema.engine.backend.ngram.NgramModelTest.DEFAULT;
import static dev.eventschema.engine.backend.ngram.NgramModelTest.historyAfter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NgramSamplerTest {

  @Test
  void theSameSeedGivesTheSameTokens_anotherSeedOthers() {
    List<Integer> first = sample(DEFAULT, "The keeper", 1.0, 42, 200);
    List<Integer> again = sample(DEFAULT, "The keeper", 1.0, 42, 200);
    List<Integer> other = sample(DEFAULT, "The keeper", 1.0, 43, 200);

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, 0.3, 1.0, 1.7})
  void everyLogprobIsTheModelsOwnLogProbabilityOfTheTokenInItsContext(double temperature) {
    NgramSampler sampler = DEFAULT.sampler("The miller said", temperature, 7);
    int[] history = historyAfter(DEFAULT, "The miller said");

    for (int i = 0; i < 500; i++) {
      SampledToken token = sampler.next();

      double expected = Math.log(DEFAULT.probability(history, history.length, token.id()));
      assertThat(token.logprob()).isLessThanOrEqualTo(0.0).isCloseTo(expected, within(1e-9));
      assertThat(token.text()).isEqualTo(DEFAULT.vocabulary().text(token.id()));
      assertThat(token.id()).isNotEqualTo(Vocabulary.START);
      NgramModelTest.push(history, token.id());
      if (token.isEndOfSequence()) {
        Arrays.fill(history, Vocabulary.START);
      }
    }
  }

  @Test
  void temperatureZeroAlwaysTakesTheMostLikelyToken_whateverTheSeed() {
    NgramSampler sampler = DEFAULT.sampler("The", 0.0, 1);
    int[] history = historyAfter(DEFAULT, "The");

    for (int i = 0; i < 50; i++) {
      int[] context = history.clone();
      int best = IntStream.range(0, DEFAULT.vocabulary().size()).boxed()
          .max((a, b) -> Double.compare(DEFAULT.probability(context, context.length, a),
              DEFAULT.probability(context, context.length, b)))
          .orElseThrow();
      SampledToken token = sampler.next();
      assertThat(token.id()).isEqualTo(best);
      NgramModelTest.push(history, token.id());
      if (token.isEndOfSequence()) {
        Arrays.fill(history, Vocabulary.START);
      }
    }
    assertThat(sample(DEFAULT, "The", 0.0, 1, 50)).isEqualTo(sample(DEFAULT, "The", 0.0, 999, 50));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.0, 2.0})
  void drawsFollowTheTemperedDistribution(double temperature) {
    String prompt = "The keeper";
    int[] history = historyAfter(DEFAULT, prompt);
    int size = DEFAULT.vocabulary().size();
    double[] expected = new double[size];
    double total = 0;
    for (int token = 0; token < size; token++) {
      expected[token] = Math.pow(DEFAULT.probability(history, history.length, token), 1 / temperature);
      total += expected[token];
    }
    int draws = 40_000;
    int[] seen = new int[size];
    for (int seed = 0; seed < draws; seed++) {
      seen[DEFAULT.sampler(prompt, temperature, seed).next().id()]++;
    }

    for (int token = 0; token < size; token++) {
      assertThat((double) seen[token] / draws)
          .as("token '%s'", DEFAULT.vocabulary().text(token))
          .isCloseTo(expected[token] / total, within(0.01));
    }
  }

  @Test
  void lowerTemperaturesPickMoreLikelyTokensAndFewerDistinctOnes() {
    double cold = meanLogprob(0.3);
    double neutral = meanLogprob(1.0);
    double hot = meanLogprob(2.0);

    assertThat(cold).isGreaterThan(neutral);
    assertThat(neutral).isGreaterThan(hot);
    assertThat(distinct(0.3)).isLessThan(distinct(2.0));
  }

  @Test
  void neverGetsStuck_evenAfterAPromptTheModelNeverSaw() {
    NgramSampler sampler = DEFAULT.sampler("zebras quantum xylophone", 1.0, 3);

    List<SampledToken> tokens = IntStream.range(0, 1000).mapToObj(i -> sampler.next()).toList();

    assertThat(tokens).allSatisfy(token -> assertThat(token.logprob()).isFinite().isLessThanOrEqualTo(0.0));
  }

  @Test
  void aUnigramModelSamplesFromWordFrequenciesAlone() {
    NgramModel unigram = NgramTrainer.train("a a a b", 1);

    List<Integer> tokens = sample(unigram, "", 1.0, 5, 2000);

    // "a", " a", " a", " b", end: the word a is 3 tokens of 5 ("a" once, " a" twice).
    int a = unigram.vocabulary().idOf("a");
    int spaceA = unigram.vocabulary().idOf(" a");
    assertThat(tokens.stream().filter(id -> id == a).count() / 2000.0).isCloseTo(0.2, within(0.03));
    assertThat(tokens.stream().filter(id -> id == spaceA).count() / 2000.0).isCloseTo(0.4, within(0.03));
  }

  private static double meanLogprob(double temperature) {
    NgramSampler sampler = DEFAULT.sampler("", temperature, 11);
    return IntStream.range(0, 5000).mapToDouble(i -> sampler.next().logprob()).average().orElseThrow();
  }

  private static int distinct(double temperature) {
    return new HashSet<>(sample(DEFAULT, "", temperature, 11, 5000)).size();
  }

  private static List<Integer> sample(NgramModel model, String prompt, double temperature, long seed, int count) {
    NgramSampler sampler = model.sampler(prompt, temperature, seed);
    List<Integer> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(sampler.next().id());
    }
    return ids;
  }
  @Test
  void aTinyTopPKeepsOnlyTheMostLikelyToken_whateverTheSeed() {
    int greedy = DEFAULT.sampler("The miller said", 0.0, 1).next().id();

    for (long seed = 0; seed < 50; seed++) {
      assertThat(DEFAULT.sampler("The miller said", 1.0, 1e-9, seed).next().id()).isEqualTo(greedy);
    }
  }

  @Test
  void topPDrawsOnlyFromTheNucleus_theMostLikelyTokensCoveringTopPOfTheMass() {
    String prompt = "The keeper";
    int[] history = historyAfter(DEFAULT, prompt);
    double[] p = IntStream.range(0, DEFAULT.vocabulary().size())
        .mapToDouble(t -> DEFAULT.probability(history, history.length, t)).toArray();
    List<Integer> byProbability = IntStream.range(0, p.length).boxed()
        .sorted((a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b)).toList();
    HashSet<Integer> nucleus = new HashSet<>();
    double mass = 0;
    for (int token : byProbability) {
      nucleus.add(token);
      mass += p[token];
      if (mass >= 0.5) {
        break;
      }
    }
    HashSet<Integer> drawn = new HashSet<>();
    HashSet<Integer> drawnWithoutTopP = new HashSet<>();
    for (long seed = 0; seed < 400; seed++) {
      drawn.add(DEFAULT.sampler(prompt, 1.0, 0.5, seed).next().id());
      drawnWithoutTopP.add(DEFAULT.sampler(prompt, 1.0, 1.0, seed).next().id());
    }

    assertThat(nucleus).containsAll(drawn);
    assertThat(drawnWithoutTopP).hasSizeGreaterThan(drawn.size());
  }
}
