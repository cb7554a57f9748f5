package dev.eventschema.engine.backend;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/** A sink that keeps every token and opens a latch at the first one. */
public final class RecordingSink implements TokenSink {

  /** One token as received. */
  public record Received(String text, OptionalDouble logprob, List<TokenAlternative> alternatives) {}

  public final List<Received> tokens = new CopyOnWriteArrayList<>();
  public final CountDownLatch firstToken = new CountDownLatch(1);

  @Override
  public void token(String text, OptionalDouble logprob, List<TokenAlternative> alternatives) {
    tokens.add(new Received(text, logprob, alternatives));
    firstToken.countDown();
  }

  /** The texts joined: the generated text. */
  public String text() {
    StringBuilder text = new StringBuilder();
    tokens.forEach(token -> text.append(token.text()));
    return text.toString();
  }

  public List<String> texts() {
    return tokens.stream().map(Received::text).toList();
  }
}
