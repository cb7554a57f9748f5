package dev.eventschema.engine.export.otlp;

import io.micrometer.core.ipc.http.HttpSender;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.registry.otlp.CompressionMode;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the meters' OTLP requests for Micrometer's OTLP registry, and counts what became of each
 * push: accepted by the collector, or failed (refused, unreachable, too slow). It never throws:
 * Micrometer would log a warning with a stack trace at every failed push; a failure is logged here
 * in one line naming the endpoint and the cause, at most once a minute while failures go on ({@link
 * FailureLog}). Each request's units of seconds are written as UCUM has them ({@link UcumUnits}).
 */
final class MeterPushSender implements OtlpMetricsSender {

  private static final Logger LOG = LoggerFactory.getLogger(MeterPushSender.class);

  /** Micrometer's own timeouts for its OTLP sender. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
  /** The least time between two lines about the same run of failed pushes. */
  static final Duration REPORT_EVERY = Duration.ofMinutes(1);

  private final HttpSender http = new HttpUrlConnectionSender(CONNECT_TIMEOUT, READ_TIMEOUT);
  private final LongAdder exported = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final FailureLog failures;

  /** A sender to {@code endpoint} (the {@code /v1/metrics} URL) that logs its failures. */
  MeterPushSender(String endpoint) {
    this(endpoint, LOG::warn, LOG::info);
  }

  /** As {@link #MeterPushSender(String)}, writing its lines to {@code warn} and {@code info} (tests). */
  MeterPushSender(String endpoint, Consumer<String> warn, Consumer<String> info) {
    this.failures = new FailureLog("OTLP meter push to " + endpoint, REPORT_EVERY, System::nanoTime, warn, info);
  }

  @Override
  public void send(Request request) {
    String failure;
    try {
      HttpSender.Request.Builder post = http.post(request.getAddress())
          .withContent("application/x-protobuf", UcumUnits.of(request.getMetricsData()));
      request.getHeaders().forEach(post::withHeader);
      if (request.getCompressionMode() == CompressionMode.GZIP) {
        post.compress();
      }
      HttpSender.Response response = post.send();
      failure = response.isSuccessful() ? null : "HTTP " + response.code();
    } catch (Throwable e) { // HttpSender declares Throwable; whatever it is, the push failed and is counted
      failure = cause(e);
    }
    if (failure == null) {
      exported.increment();
      failures.succeeded();
    } else {
      failed.increment();
      failures.failed(failure);
    }
  }

  /** Pushes the collector accepted. */
  long exported() {
    return exported.sum();
  }

  /** Pushes that failed: refused, unreachable or too slow. */
  long failed() {
    return failed.sum();
  }

  /** The root cause, in one line: {@code ConnectException: Connection refused}. */
  static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String name = root.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message.strip().replaceAll("\\s+", " ");
  }
}
