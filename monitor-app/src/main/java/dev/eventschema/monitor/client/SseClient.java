package dev.eventschema.monitor.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The dashboard's connection to one engine's {@code GET /events} stream, on its own thread.
 *
 * <p>Reads frames line by line, decodes and validates them ({@link Decoder}), and hands the results
 * to an {@link Inbox}; never touches the FX thread. Reconnects with exponential backoff, resuming
 * with {@code Last-Event-ID}; counts what was missed (gaps in the sequence) and notices when the
 * engine started over. Its state is published as an immutable {@link ConnectionStatus}.
 */
public final class SseClient implements Feed {

  /** The first reconnection delay, doubled after each failure. */
  public static final Duration INITIAL_BACKOFF = Duration.ofMillis(250);
  /** The longest reconnection delay. */
  public static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
  /** A connection silent for longer than this (heartbeats come every 15 s) is considered dead. */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(45);

  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "sse-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final URI eventsUri;
  private final URI baseUri;
  private final String token;
  private final Decoder decoder;
  private final Inbox inbox;
  private final HttpClient http;
  private final Thread thread;
  private final Wakeup wakeup = new Wakeup();

  private volatile ConnectionStatus status = ConnectionStatus.initial();
  private volatile boolean closed;
  private volatile InputStream current;
  private volatile long lastActivityNanos;
  private long initialBackoffMillis = INITIAL_BACKOFF.toMillis();
  private String lastFailure;

  // client-thread state
  private long lastSeq;
  private long missed;
  private long reportedDropped;
  private int reconnects;
  private int restarts;
  private long received;
  private int connections;

  public SseClient(URI baseUri, String token, WireValidation validation, Inbox inbox) {
    this.baseUri = normalize(baseUri);
    this.eventsUri = this.baseUri.resolve("events");
    this.token = token == null || token.isBlank() ? null : token.trim();
    this.decoder = new Decoder(validation);
    this.inbox = Objects.requireNonNull(inbox);
    this.http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1)
        .build();
    this.thread = new Thread(this::run, "sse-client " + Problems.where(this.baseUri));
    this.thread.setDaemon(true);
  }

  /** {@code http://host:port/} with a trailing slash, so that relative paths resolve under it. */
  public static URI normalize(URI uri) {
    String s = uri.toString();
    return URI.create(s.endsWith("/") ? s : s + "/");
  }

  /** Starts as if {@code seq} had been received already (the first request sends it as Last-Event-ID). */
  SseClient resumingAfter(long seq) {
    if (thread.isAlive()) {
      throw new IllegalStateException("already started");
    }
    lastSeq = seq;
    return this;
  }

  /** Starts the client thread. */
  @Override
  public SseClient start() {
    thread.start();
    WATCHDOG.scheduleWithFixedDelay(this::checkIdle, 5, 5, TimeUnit.SECONDS);
    return this;
  }

  /** The engine's base URI. */
  public URI baseUri() {
    return baseUri;
  }

  @Override
  public ConnectionStatus status() {
    return status;
  }

  @Override
  public void reconnectNow() {
    wakeup.wake();
  }

  /** Drops the current connection (it will be re-established with Last-Event-ID), for tests and the UI. */
  public void dropConnection() {
    closeQuietly(current);
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(current);
    thread.interrupt();
    wakeup.close();
    publish(ConnectionStatus.State.CLOSED, "Closed", 0, 0);
  }

  private void run() {
    int attempt = 0;
    while (!closed) {
      String failure;
      boolean permanent = false;
      // while trying again, the detail keeps saying why the last attempt failed
      publish(attempt == 0 && connections == 0 ? ConnectionStatus.State.CONNECTING
          : ConnectionStatus.State.RECONNECTING,
          lastFailure != null ? lastFailure : "Connecting to " + Problems.where(baseUri) + "…", attempt, 0);
      try {
        HttpRequest.Builder request = HttpRequest.newBuilder(eventsUri)
            .GET()
            .header("Accept", "text/event-stream")
            .header("Cache-Control", "no-cache");
        // 0 on the first connection asks the engine for its whole bounded history, so that the models it
        // loaded and its status before the dashboard connected are known too
        request.header("Last-Event-ID", Long.toString(lastSeq));
        if (token != null) {
          request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
          closeQuietly(response.body());
          failure = Problems.httpStatus(response.statusCode(), baseUri);
          permanent = Problems.isPermanent(response.statusCode());
        } else if (!response.headers().firstValue("Content-Type").orElse("")
            .toLowerCase(Locale.ROOT).startsWith("text/event-stream")) {
          closeQuietly(response.body());
          failure = "The engine at " + Problems.where(baseUri) + " answered with "
              + response.headers().firstValue("Content-Type").orElse("no content type") + " instead of an event stream.";
          permanent = true;
        } else {
          lastFailure = null;
          connections++;
          if (connections > 1) {
            reconnects++;
          }
          attempt = 0;
          current = response.body();
          if (closed) {
            closeQuietly(current);
            break;
          }
          failure = stream(response.body());
        }
      } catch (IOException e) {
        failure = Problems.explain(e, baseUri);
      } catch (InterruptedException e) {
        if (closed) {
          break;
        }
        failure = "Interrupted.";
      } finally {
        closeQuietly(current);
        current = null;
      }
      if (closed) {
        break;
      }
      lastFailure = failure;
      if (permanent) {
        publish(ConnectionStatus.State.FAILED, failure, attempt, 0);
        wakeup.await(Long.MAX_VALUE);
        attempt = 0;
        continue;
      }
      attempt++;
      long delay = Math.min(MAX_BACKOFF.toMillis(), initialBackoffMillis << Math.min(attempt - 1, 16));
      publish(ConnectionStatus.State.RECONNECTING, failure, attempt, System.currentTimeMillis() + delay);
      wakeup.await(delay);
    }
    publish(ConnectionStatus.State.CLOSED, "Closed", 0, 0);
  }

  /** Reads one connection until it ends; returns why it ended, in words. */
  private String stream(InputStream body) throws IOException, InterruptedException {
    lastActivityNanos = System.nanoTime();
    publish(ConnectionStatus.State.CONNECTED, "Connected to " + Problems.where(baseUri), 0, 0);
    InterruptedException[] interrupted = new InterruptedException[1];
    SseParser parser = new SseParser(frame -> {
      if (interrupted[0] != null) {
        return;
      }
      try {
        deliver(decoder.decode(frame));
      } catch (InterruptedException e) {
        interrupted[0] = e;
      }
    }, retry -> initialBackoffMillis = Math.max(100, Math.min(retry, MAX_BACKOFF.toMillis())));
    BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
    long lastPublish = System.nanoTime();
    String line;
    while ((line = reader.readLine()) != null) {
      lastActivityNanos = System.nanoTime();
      parser.line(line);
      if (interrupted[0] != null) {
        throw interrupted[0];
      }
      if (closed) {
        return "Closed";
      }
      if (lastActivityNanos - lastPublish > 100_000_000L || !reader.ready()) {
        lastPublish = lastActivityNanos;
        publish(ConnectionStatus.State.CONNECTED, "Connected to " + Problems.where(baseUri), 0, 0);
      }
    }
    return "The engine at " + Problems.where(baseUri) + " closed the stream.";
  }

  private void deliver(StreamMessage message) throws InterruptedException {
    if (message instanceof StreamMessage.Hello) {
      inbox.put(message); // not a message of the stream: neither received nor sequenced
      return;
    }
    received++;
    long seq = message.seq();
    if (message instanceof StreamMessage.Dropped dropped) {
      // the engine's notice of a gap: its seq is the last message missed, so the gap is exactly this
      reportedDropped += dropped.missed();
      missed += dropped.missed();
      if (seq > lastSeq) {
        lastSeq = seq;
      }
    } else if (seq > 0) {
      if (lastSeq > 0 && seq <= lastSeq) {
        restarts++; // the sequence started over: a new engine behind the same address
      } else if (lastSeq > 0 && seq > lastSeq + 1) {
        missed += seq - lastSeq - 1;
      }
      lastSeq = seq;
    }
    inbox.put(message);
  }

  private void publish(ConnectionStatus.State state, String detail, int attempt, long retryAt) {
    status = new ConnectionStatus(state, detail, attempt, retryAt, lastSeq, missed, reportedDropped, reconnects,
        restarts, received);
  }

  private void checkIdle() {
    InputStream stream = current;
    if (closed) {
      throw new IllegalStateException("closed"); // cancels this watchdog task
    }
    if (stream != null && System.nanoTime() - lastActivityNanos > IDLE_TIMEOUT.toNanos()) {
      closeQuietly(stream);
    }
  }

  private static void closeQuietly(InputStream stream) {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException ignored) {
        // nothing left to do
      }
    }
  }
}
