package dev.eventschema.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tokens of one generation as a {@link Flow.Publisher}. Every subscriber receives every token
 * from the first (a late subscriber is replayed what it missed), honouring its demand, then {@code
 * onComplete} or {@code onError}. Tokens are kept until the generation is dropped; there are at most
 * {@code maxTokens} of them.
 *
 * <p>Signals are serialised per subscriber and run on the thread that produced the token (a backend
 * thread) or on the thread that called {@code request}: keep {@code onNext} quick, or hand the work
 * to another thread; a slow {@code onNext} slows this generation only.
 */
final class TokenPublisher implements Flow.Publisher<Token> {

  private static final Logger LOG = LoggerFactory.getLogger(TokenPublisher.class);

  private final Object lock = new Object();
  private final List<Token> tokens = new ArrayList<>();
  private final List<TokenSubscription> subscriptions = new CopyOnWriteArrayList<>();
  private boolean done;
  private Throwable failure;

  @Override
  public void subscribe(Flow.Subscriber<? super Token> subscriber) {
    Objects.requireNonNull(subscriber, "subscriber");
    TokenSubscription subscription = new TokenSubscription(subscriber);
    subscriptions.add(subscription);
    subscriber.onSubscribe(subscription);
    subscription.drain();
  }

  void next(Token token) {
    synchronized (lock) {
      if (done) {
        return;
      }
      tokens.add(token);
    }
    drainAll();
  }

  void complete() {
    synchronized (lock) {
      if (done) {
        return;
      }
      done = true;
    }
    drainAll();
  }

  void fail(Throwable error) {
    synchronized (lock) {
      if (done) {
        return;
      }
      done = true;
      failure = error;
    }
    drainAll();
  }

  private void drainAll() {
    for (TokenSubscription subscription : subscriptions) {
      subscription.drain();
    }
  }

  private final class TokenSubscription implements Flow.Subscription {
    private final Flow.Subscriber<? super Token> subscriber;
    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private int index;
    private volatile boolean cancelled;
    private boolean terminated;

    TokenSubscription(Flow.Subscriber<? super Token> subscriber) {
      this.subscriber = subscriber;
    }

    @Override
    public void request(long n) {
      if (n <= 0) {
        cancel();
        subscriber.onError(new IllegalArgumentException("non-positive request: " + n + " (rule 3.9)"));
        return;
      }
      requested.accumulateAndGet(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
      drain();
    }

    @Override
    public void cancel() {
      cancelled = true;
      subscriptions.remove(this);
    }

    /** Delivers what it can; only one thread at a time, the others leave their work to it. */
    void drain() {
      if (wip.getAndIncrement() != 0) {
        return;
      }
      int missed = 1;
      do {
        while (!cancelled && !terminated) {
          Token token = null;
          boolean finished;
          Throwable error;
          synchronized (lock) {
            if (index < tokens.size() && requested.get() > 0) {
              token = tokens.get(index);
            }
            finished = done && index >= tokens.size();
            error = failure;
          }
          if (token != null) {
            index++;
            requested.decrementAndGet();
            try {
              subscriber.onNext(token);
            } catch (RuntimeException broken) { // rule 2.13: a subscriber that throws is cancelled
              cancel();
              LOG.warn("a token subscriber threw; it is unsubscribed", broken);
            }
          } else if (finished) {
            terminated = true;
            subscriptions.remove(this);
            if (error != null) {
              subscriber.onError(error);
            } else {
              subscriber.onComplete();
            }
          } else {
            break;
          }
        }
        missed = wip.addAndGet(-missed);
      } while (missed != 0);
    }
  }
}
