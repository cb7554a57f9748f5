package dev.eventschema.engine.backend.ngram;

import dev.eventschema.engine.backend.TokenAlternative;
import java.util.List;

/**
 * One token drawn by an {@link NgramSampler}.
 *
 * @param id its vocabulary id
 * @param text its text, empty for the end-of-sequence token
 * @param logprob the natural log of the probability the model (untempered) gives it after the
 *     context it was drawn in
 * @param alternatives the most likely tokens of that step, most likely first; empty unless the
 *     sampler was asked for them
 */
record SampledToken(int id, String text, double logprob, List<TokenAlternative> alternatives) {

  boolean isEndOfSequence() {
    return id == Vocabulary.END;
  }
}
