package dev.eventschema.engine.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDK {@link HttpServer} that serves {@code routes} behind a {@link GuardedHandler}, with the
 * process-wide limits of {@link JdkHttpServerSettings} (header-read deadline, connection cap).
 *
 * <p>The JDK server reads a request's line and headers on the executor's thread, blocking. So each
 * exchange gets a thread of its own from a pool as large as the connection cap: a client that sends
 * half a request holds one thread until the header deadline closes its connection, never the threads
 * of others. (Not virtual threads: the JDK server reads under {@code synchronized}, which pins a
 * virtual thread's carrier before JDK 24, so two stalled requests could stall them all.)
 */
public final class GuardedHttpServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedHttpServer.class);
  private static final AtomicInteger SERVERS = new AtomicInteger();

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final GuardedHandler guard;

  private GuardedHttpServer(HttpServer server, ThreadPoolExecutor executor, GuardedHandler guard) {
    this.server = server;
    this.executor = executor;
    this.guard = guard;
  }

  /**
   * Binds {@code address:port} and serves.
   *
   * @param name names the threads: {@code engine-http-<name>-...}
   * @throws IOException when the port cannot be bound
   */
  public static GuardedHttpServer start(String name, InetAddress address, int port, HttpPolicy policy,
      HttpHandler routes) throws IOException {
    JdkHttpServerSettings.ensureConfigured();
    int threads = (int) Math.min(JdkHttpServerSettings.maxConnections() + 8L, 4096);
    String prefix = "engine-http-" + name + "-" + SERVERS.incrementAndGet() + "-";
    AtomicInteger number = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, threads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
        task -> Thread.ofPlatform().daemon().name(prefix + number.incrementAndGet()).unstarted(task),
        new ThreadPoolExecutor.AbortPolicy()); // beyond the cap the JDK closes that connection
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(address, port), 128);
    } catch (IOException e) {
      executor.shutdownNow();
      throw e;
    }
    server.setExecutor(executor);
    GuardedHandler guard = new GuardedHandler(policy, address, routes);
    server.createContext("/", guard);
    server.start();
    return new GuardedHttpServer(server, executor, guard);
  }

  /**
   * Serves {@code handler} at {@code path} and below, behind the same policy (and per-client count)
   * as the server's own routes, on the same threads.
   */
  public void mount(String path, HttpHandler handler) {
    server.createContext(path, guard.guarding(Objects.requireNonNull(handler, "handler")));
  }

  /** The port bound. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops accepting, closes every connection and ends the threads (waiting at most five seconds). */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("HTTP server threads still running after 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
