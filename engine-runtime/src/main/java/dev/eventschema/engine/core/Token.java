package dev.eventschema.engine.core;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One token of a generation, as its caller receives it.
 *
 * @param index 0 for the first token of the generation, then 1, 2...
 * @param text the token's text; empty for the end-of-sequence token
 * @param logprob the natural log of the probability the model gave it, when the backend knows it
 */
public record Token(int index, String text, OptionalDouble logprob) {

  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(logprob, "logprob");
  }

  /** Whether this is the end-of-sequence token (empty text), always the last of its generation. */
  public boolean isEndOfSequence() {
    return text.isEmpty();
  }
}
