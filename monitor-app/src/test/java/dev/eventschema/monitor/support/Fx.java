package dev.eventschema.monitor.support;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting for conditions evaluated on the FX thread; no sleeps. */
public final class Fx {

  public static final int TIMEOUT_SECONDS = 30;

  private Fx() {}

  /** Waits until {@code condition}, evaluated on the FX thread, holds. */
  public static void waitUntil(String what, Callable<Boolean> condition) {
    try {
      WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition));
    } catch (TimeoutException e) {
      throw new AssertionError("timed out waiting until " + what, e);
    }
  }

  /** Evaluates {@code callable} on the FX thread and returns its value. */
  public static <T> T onFx(Callable<T> callable) {
    try {
      return WaitForAsyncUtils.asyncFx(callable).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new AssertionError(e.getCause() == null ? e : e.getCause());
    }
  }

  /** Runs {@code action} on the FX thread and waits for it. */
  public static void run(Runnable action) {
    onFx(() -> {
      action.run();
      return null;
    });
  }
}
