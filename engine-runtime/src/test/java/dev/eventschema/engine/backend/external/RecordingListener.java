package dev.eventschema.engine.backend.external;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.BackendListener;
import dev.eventschema.engine.error.EngineException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Records what a backend reports, with waits bounded by a timeout (never a sleep). */
final class RecordingListener implements BackendListener {

  record Invalidation(List<String> modelIds, String reason) {}

  record Rejection(String messageType, Map<String, ?> payload, List<Violation> violations) {}

  final List<Invalidation> invalidations = new CopyOnWriteArrayList<>();
  final List<EngineException> errors = new CopyOnWriteArrayList<>();
  final List<Rejection> rejections = new CopyOnWriteArrayList<>();
  private final Semaphore ready = new Semaphore(0);
  private final Semaphore errorPermits = new Semaphore(0);
  private final Semaphore rejectionPermits = new Semaphore(0);

  @Override
  public void modelsInvalidated(List<String> modelIds, String reason) {
    invalidations.add(new Invalidation(List.copyOf(modelIds), reason));
  }

  @Override
  public void runtimeError(EngineException error) {
    errors.add(error);
    errorPermits.release();
  }

  @Override
  public void runtimeReady() {
    ready.release();
  }

  @Override
  public void rejected(String messageType, Map<String, ?> payload, List<Violation> violations) {
    rejections.add(new Rejection(messageType, payload, violations));
    rejectionPermits.release();
  }

  /** Waits for the next {@code runtimeReady}. */
  void awaitReady(Duration timeout) throws InterruptedException {
    await(ready, 1, timeout, "runtimeReady");
  }

  /** Waits for the next {@code runtimeError}. */
  void awaitError(Duration timeout) throws InterruptedException {
    await(errorPermits, 1, timeout, "runtimeError");
  }

  /** Waits until {@code count} more rejections have been reported. */
  void awaitRejections(int count, Duration timeout) throws InterruptedException {
    await(rejectionPermits, count, timeout, count + " rejections");
  }

  private static void await(Semaphore permits, int count, Duration timeout, String what) throws InterruptedException {
    if (!permits.tryAcquire(count, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no " + what + " within " + timeout);
    }
  }
}
