package dev.eventschema.engine.backend;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Receives the tokens of one generation, in order, from one backend thread at a time. It must be
 * quick: the backend produces the next token (or reads the next message) only after it returns.
 */
@FunctionalInterface
public interface TokenSink {

  /**
   * One token.
   *
   * @param text the token's text; empty for the end-of-sequence token, which, when sampled, is the
   *     last token of a generation that finishes with {@link FinishReason#STOP}
   * @param logprob the natural logarithm of the probability the model gave this token (so {@code <=
   *     0}); empty when the backend does not know it
   * @param alternatives the most likely tokens at this step, most likely first, at most {@link
   *     GenerationRequest#topLogprobs()} of them (the drawn token among them when it ranks that
   *     high); empty when none were asked for or the backend does not know them
   */
  void token(String text, OptionalDouble logprob, List<TokenAlternative> alternatives);
}
