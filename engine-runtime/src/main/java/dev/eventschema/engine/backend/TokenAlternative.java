package dev.eventschema.engine.backend;

import java.util.Objects;

/**
 * One of the most likely tokens at a step, reported next to the token actually drawn (OpenAI's
 * {@code top_logprobs}).
 *
 * @param text the token's text; empty for the end-of-sequence token
 * @param logprob the natural log of the probability the model (untempered) gave it; {@code <= 0}
 */
public record TokenAlternative(String text, double logprob) {

  public TokenAlternative {
    Objects.requireNonNull(text, "text");
    if (!(logprob <= 0)) {
      throw new IllegalArgumentException("logprob must be <= 0, was " + logprob);
    }
  }
}
