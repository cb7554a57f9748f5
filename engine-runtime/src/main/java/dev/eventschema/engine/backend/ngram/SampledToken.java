package dev.eventschema.engine.backend.ngram;

/**
 * One token drawn by an {@link NgramSampler}.
 *
 * @param id its vocabulary id
 * @param text its text, empty for the end-of-sequence token
 * @param logprob the natural log of the probability the model (untempered) gives it after the
 *     context it was drawn in
 */
record SampledToken(int id, String text, double logprob) {

  boolean isEndOfSequence() {
    return id == Vocabulary.END;
  }
}
