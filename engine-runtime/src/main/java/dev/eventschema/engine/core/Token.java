package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.TokenAlternative;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One token of a generation, as its caller receives it.
 *
 * @param index 0 for the first token of the generation, then 1, 2...
 * @param text the token's text; empty for the end-of-sequence token
 * @param logprob the natural log of the probability the model gave it, when the backend knows it
 * @param alternatives the most likely tokens at its step, most likely first, when the request asked
 *     for them ({@code topLogprobs}) and the backend knows them; otherwise empty
 */
public record Token(int index, String text, OptionalDouble logprob, List<TokenAlternative> alternatives) {

  public Token {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(logprob, "logprob");
    alternatives = List.copyOf(alternatives); // no copy for the lists backends hand over (already immutable)
  }

  /** Whether this is the end-of-sequence token (empty text), always the last of its generation. */
  public boolean isEndOfSequence() {
    return text.isEmpty();
  }
}
