package dev.eventschema.engine.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Finds threads left running by the code under test. */
public final class Threads {

  /** Shared JDK threads that outlive any one user by design. */
  private static final List<String> JDK_SHARED = List.of(
      "CompletableFutureDelayScheduler", "ForkJoinPool", "VirtualThread-unblocker", "Common-Cleaner", "process reaper", "Attach Listener",
      "surefire", "Signal Dispatcher", "Reference Handler", "Finalizer", "Notification Thread", "Keep-Alive",
      "JFR", "InnocuousThread", "ping-", "junit");

  private Threads() {}

  private static List<Thread> started(Set<Thread> before) {
    return snapshot().stream()
        .filter(t -> !before.contains(t) && t.isAlive() && !t.isVirtual())
        .filter(t -> JDK_SHARED.stream().noneMatch(t.getName()::startsWith))
        .collect(Collectors.toList());
  }

  /** The live threads now. */
  public static Set<Thread> snapshot() {
    return Thread.getAllStackTraces().keySet();
  }

  /**
   * The threads started since {@code before} that are still alive after waiting up to {@code within}
   * for them to end, JDK-shared ones excepted: empty when nothing leaked.
   */
  public static List<String> leakedSince(Set<Thread> before, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    List<Thread> candidates = started(before);
    for (Thread thread : candidates) {
      long left = deadline - System.nanoTime();
      if (left > 0) {
        thread.join(Duration.ofNanos(left)); // waits for the thread to end, no fixed sleep
      }
    }
    return started(before).stream().map(Thread::getName).sorted().collect(Collectors.toList());
  }
}
