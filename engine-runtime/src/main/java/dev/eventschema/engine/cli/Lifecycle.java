package dev.eventschema.engine.cli;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.http.JdkHttpServerSettings;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The life of a {@code serve} or {@code demo} process once its config is valid: start the engine,
 * say where it serves, wait for the stop signal (Ctrl-C or SIGTERM through a shutdown hook, or a
 * latch in tests), close the engine so that clients receive its {@code shutdown} status, and keep the
 * JVM up until that is done.
 */
final class Lifecycle {

  /** How long the shutdown hook keeps the JVM up for the engine to say goodbye. */
  private static final long CLOSE_WAIT_SECONDS = 15;

  private Lifecycle() {}

  /**
   * Runs the engine until stopped.
   *
   * @param stop counted down to stop; {@code null} to stop at JVM shutdown
   * @return the exit code
   */
  static int run(String command, boolean demo, EngineConfig config, PrintStream out, PrintStream err,
      CountDownLatch stop) {
    JdkHttpServerSettings.ensureStreamFriendly();
    EmbeddedEngine engine;
    try {
      engine = demo ? EmbeddedEngine.startDemo(config) : EmbeddedEngine.start(config);
    } catch (EngineException e) {
      err.println("engine-runtime: cannot start: " + e.getMessage());
      return e.code() == ErrorCode.INVALID_CONFIG ? Main.USAGE : Main.FAILED;
    }
    out.println("engine-runtime " + command + ": streaming events on " + engine.baseUri() + "events");
    engine.metricsUri().ifPresent(uri -> out.println("metrics on " + uri));
    out.println("rejections on " + engine.baseUri() + "rejections, health on " + engine.baseUri() + "health");
    out.println("Ctrl-C stops it.");
    out.flush();
    CountDownLatch stopSignal = stop != null ? stop : new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    if (stop == null) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        stopSignal.countDown();
        try {
          closed.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS); // keep the JVM up until the engine has said goodbye
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "engine-runtime-shutdown"));
    }
    try {
      stopSignal.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      engine.close();
      out.println("engine-runtime: stopped");
      out.flush();
      closed.countDown();
    }
    return Main.OK;
  }
}
