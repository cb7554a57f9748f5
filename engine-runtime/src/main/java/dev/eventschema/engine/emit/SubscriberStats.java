package dev.eventschema.engine.emit;

import java.util.concurrent.atomic.LongAdder;

/**
 * What subscribers cost the engine: messages dropped because a subscriber's queue was full, and
 * callbacks that threw. Shared by every fan-out of one engine, so that telemetry counts them once.
 */
public final class SubscriberStats {

  private final LongAdder drops = new LongAdder();
  private final LongAdder failures = new LongAdder();

  /** Counts {@code count} messages that a slow subscriber will never see. */
  public void recordDrops(long count) {
    drops.add(count);
  }

  /** Counts one callback that threw. */
  public void recordFailure() {
    failures.increment();
  }

  /** Messages dropped since start. */
  public long drops() {
    return drops.sum();
  }

  /** Callbacks that threw since start. */
  public long failures() {
    return failures.sum();
  }
}
