package dev.eventschema.engine.export.otlp;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP collector for tests, on 127.0.0.1: {@code POST /v1/metrics} and {@code /v1/logs},
 * each body decoded with the protocol's own protobuf messages (opentelemetry-proto), kept for the
 * test to read. It can refuse every export with 400 or 500, or hold every request until {@link #release()}d
 * (a slow collector). The last {@value #KEPT} requests of each kind are kept, and the first {@value
 * #KEPT_RECORDS} log records (the rest only counted).
 */
final class TestCollector implements AutoCloseable {

  static final int KEPT = 256;
  /** Log records kept; past it they are only counted. */
  static final int KEPT_RECORDS = 100_000;

  /** What the collector answers. */
  enum Mode {
    ACCEPT,
    /** Answers 400: the request is bad, not to be retried. */
    REFUSE,
    /** Answers 500. */
    FAIL,
    HOLD
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Deque<ExportMetricsServiceRequest> metrics = new ArrayDeque<>();
  private final List<LogRecordWithResource> records = new ArrayList<>();
  private final Deque<Map<String, List<String>>> headers = new ArrayDeque<>();
  private final CountDownLatch released = new CountDownLatch(1);
  private volatile Mode mode;
  private int heldRequests;
  private int refused;
  private long recordsReceived;

  /** One received log record, with the resource and scope it came under. */
  record LogRecordWithResource(ResourceLogs resource, ScopeLogs scope, LogRecord record) {}

  private TestCollector(Mode mode) throws IOException {
    this.mode = mode;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor); // a held request must not stop the others being read
    server.createContext("/v1/metrics", exchange -> handle(exchange, true));
    server.createContext("/v1/logs", exchange -> handle(exchange, false));
    server.start();
  }

  static TestCollector start(Mode mode) throws IOException {
    return new TestCollector(mode);
  }

  /** {@code http://127.0.0.1:PORT}: the base the engine appends {@code /v1/...} to. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI base() {
    return URI.create(endpoint());
  }

  /** Lets held requests (and every later one) through, with 200. */
  void release() {
    mode = Mode.ACCEPT;
    released.countDown();
  }

  synchronized int heldRequests() {
    return heldRequests;
  }

  /** Requests answered 400 or 500. */
  synchronized int refusedRequests() {
    return refused;
  }

  synchronized List<ExportMetricsServiceRequest> metricRequests() {
    return List.copyOf(metrics);
  }

  synchronized List<LogRecordWithResource> logRecords() {
    return List.copyOf(records);
  }

  /** Log records received, kept or not. */
  synchronized long recordsReceived() {
    return recordsReceived;
  }

  synchronized List<Map<String, List<String>>> requestHeaders() {
    return List.copyOf(headers);
  }

  /** Waits until {@code condition} holds on this collector, checking whenever a request arrives. */
  synchronized void await(Predicate<TestCollector> condition, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.test(this)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("the collector did not see what was expected within " + within.toSeconds() + " s;"
            + " it has " + records.size() + " log records and " + metrics.size() + " metric requests");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  private void handle(HttpExchange exchange, boolean isMetrics) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = read(exchange);
      if (mode == Mode.HOLD) {
        synchronized (this) {
          heldRequests++;
          notifyAll();
        }
        released.await(60, TimeUnit.SECONDS);
      }
      Mode now = mode;
      if (now == Mode.REFUSE || now == Mode.FAIL) {
        synchronized (this) {
          refused++;
          notifyAll();
        }
        exchange.sendResponseHeaders(now == Mode.REFUSE ? 400 : 500, -1);
        return;
      }
      byte[] answer;
      synchronized (this) {
        headers.addLast(Map.copyOf(exchange.getRequestHeaders()));
        trim(headers);
        if (isMetrics) {
          metrics.addLast(ExportMetricsServiceRequest.parseFrom(body));
          trim(metrics);
          answer = ExportMetricsServiceResponse.getDefaultInstance().toByteArray();
        } else {
          ExportLogsServiceRequest request = ExportLogsServiceRequest.parseFrom(body);
          for (ResourceLogs resource : request.getResourceLogsList()) {
            for (ScopeLogs scope : resource.getScopeLogsList()) {
              for (LogRecord record : scope.getLogRecordsList()) {
                recordsReceived++;
                if (records.size() < KEPT_RECORDS) {
                  records.add(new LogRecordWithResource(resource, scope, record));
                }
              }
            }
          }
          answer = ExportLogsServiceResponse.getDefaultInstance().toByteArray();
        }
        notifyAll();
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] read(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    return in.readAllBytes();
  }

  private static void trim(Deque<?> kept) {
    while (kept.size() > KEPT) {
      kept.removeFirst();
    }
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
