package dev.eventschema.engine.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which generations run and which wait: at most {@code maxConcurrent} run, up to {@code maxWaiting}
 * more wait in arrival order. Not thread-safe: {@link EngineState} guards it, together with the
 * models it checks requests against.
 */
final class GenerationSlots {

  /** What became of a request offered to the slots. */
  enum Admission { RUNNING, WAITING, FULL }

  private final int maxConcurrent;
  private final int maxWaiting;
  private final Set<GenerationHandle> running = new LinkedHashSet<>();
  private final ArrayDeque<GenerationHandle> waiting = new ArrayDeque<>();

  GenerationSlots(int maxConcurrent, int maxWaiting) {
    this.maxConcurrent = maxConcurrent;
    this.maxWaiting = maxWaiting;
  }

  /** Runs {@code handle} if a slot is free and nobody waits, else queues it if the queue has room. */
  Admission admit(GenerationHandle handle) {
    if (running.size() < maxConcurrent && waiting.isEmpty()) {
      running.add(handle);
      return Admission.RUNNING;
    }
    if (waiting.size() < maxWaiting) {
      waiting.addLast(handle);
      return Admission.WAITING;
    }
    return Admission.FULL;
  }

  /**
   * Frees {@code handle}'s slot and, unless {@code refill} is false, gives it to the first waiting
   * request, which is returned (now running); {@code null} if none takes it.
   */
  GenerationHandle release(GenerationHandle handle, boolean refill) {
    running.remove(handle);
    if (!refill || running.size() >= maxConcurrent) {
      return null;
    }
    GenerationHandle next = waiting.pollFirst();
    if (next != null) {
      running.add(next);
    }
    return next;
  }

  /** Takes a waiting request out of the queue; false if it was not waiting (it may be starting). */
  boolean leave(GenerationHandle handle) {
    return waiting.remove(handle);
  }

  /** Empties the queue, returning what waited. */
  List<GenerationHandle> drainWaiting() {
    List<GenerationHandle> drained = new ArrayList<>(waiting);
    waiting.clear();
    return drained;
  }

  List<GenerationHandle> runningNow() {
    return new ArrayList<>(running);
  }

  /** The running and waiting generations of one model. */
  List<GenerationHandle> of(String modelId) {
    List<GenerationHandle> of = new ArrayList<>();
    for (GenerationHandle handle : running) {
      if (handle.modelId().equals(modelId)) {
        of.add(handle);
      }
    }
    for (GenerationHandle handle : waiting) {
      if (handle.modelId().equals(modelId)) {
        of.add(handle);
      }
    }
    return of;
  }

  void clearRunning() {
    running.clear();
  }

  int running() {
    return running.size();
  }

  int waiting() {
    return waiting.size();
  }

  int maxConcurrent() {
    return maxConcurrent;
  }

  int maxWaiting() {
    return maxWaiting;
  }
}
