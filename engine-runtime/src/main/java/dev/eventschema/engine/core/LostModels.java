package dev.eventschema.engine.core;

import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.events.ErrorCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models a runtime restart took away and the engine will load again, each with the very request
 * it was first loaded with, and how their reloads go.
 *
 * <p>A reload starts when the runtime reports it is ready. One that fails because the runtime failed
 * again ({@code RUNTIME_ERROR}, {@code RUNTIME_UNAVAILABLE}) waits for the next ready report (or, if
 * that came while it was under way, starts again at once); after {@value #MAX_ATTEMPTS} failed
 * attempts, or any other failure (the model is gone, cannot be read, took too long), the engine gives
 * up and the model stays unloaded.
 *
 * <p>Not thread-safe: used under {@link EngineState}'s monitor only, like {@link GenerationSlots}.
 */
final class LostModels {

  /** Reload attempts per model before the engine gives up. */
  static final int MAX_ATTEMPTS = 3;

  /** What to do when a reload ended. */
  enum Outcome {
    /** Loaded: the model is back. */
    KEPT,
    /** No longer wanted (unloaded, loaded again by hand, or the engine closed): forget the result. */
    DISCARDED,
    /** Failed, but the runtime became ready again meanwhile: try again now. */
    RETRY_NOW,
    /** Failed with the runtime: try again when it is next ready. */
    RETRY_WHEN_READY,
    /** Failed for good: the model stays unloaded. */
    GAVE_UP
  }

  private static final class Entry {
    final LoadRequest request;
    int failures;
    boolean inFlight;
    /** The ready report the attempt under way started after. */
    long startedAfterReady;

    Entry(LoadRequest request) {
      this.request = request;
    }
  }

  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private long readyReports;

  /** Remembers {@code request} for a reload, replacing any earlier one of the same id. */
  void add(LoadRequest request) {
    entries.put(request.modelId(), new Entry(request));
  }

  boolean contains(String modelId) {
    return entries.containsKey(modelId);
  }

  /** Forgets a model: it will not be reloaded, and a reload under way is discarded when it ends. */
  boolean remove(String modelId) {
    return entries.remove(modelId) != null;
  }

  /** The runtime is ready: the reloads to start now (those not already under way). */
  List<LoadRequest> runtimeReady() {
    readyReports++;
    List<LoadRequest> toStart = new ArrayList<>();
    for (Entry entry : entries.values()) {
      if (!entry.inFlight) {
        entry.inFlight = true;
        entry.startedAfterReady = readyReports;
        toStart.add(entry.request);
      }
    }
    return toStart;
  }

  /**
   * A reload of {@code request} ended: loaded, or failed with {@code failure}.
   *
   * @param failure null if it loaded
   */
  Outcome ended(LoadRequest request, ErrorCode failure) {
    Entry entry = entries.get(request.modelId());
    if (entry == null || entry.request != request) {
      return Outcome.DISCARDED;
    }
    entry.inFlight = false;
    if (failure == null) {
      entries.remove(request.modelId());
      return Outcome.KEPT;
    }
    entry.failures++;
    boolean runtimeFailed = failure == ErrorCode.RUNTIME_ERROR || failure == ErrorCode.RUNTIME_UNAVAILABLE;
    if (!runtimeFailed || entry.failures >= MAX_ATTEMPTS) {
      entries.remove(request.modelId());
      return Outcome.GAVE_UP;
    }
    if (entry.startedAfterReady != readyReports) {
      entry.inFlight = true;
      entry.startedAfterReady = readyReports;
      return Outcome.RETRY_NOW;
    }
    return Outcome.RETRY_WHEN_READY;
  }

  void clear() {
    entries.clear();
  }
}
