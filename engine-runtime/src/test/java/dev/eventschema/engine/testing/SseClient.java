package dev.eventschema.engine.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real Server-Sent Events client on {@code java.net.http}: it parses frames line by line as the
 * SSE specification says (fields until a blank line) on a reader thread of its own, or, when
 * connected {@link #stalled}, reads nothing at all.
 */
public final class SseClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One dispatched SSE event, or a comment line. */
  public record Frame(String event, String id, String data, String comment) {

    public boolean isComment() {
      return comment != null;
    }

    /** The {@code hello} frame that opens every stream, before any message. */
    public boolean isHello() {
      return "hello".equals(event);
    }

    /** The data as a JSON object. */
    public Map<String, Object> json() {
      if (data == null || !data.startsWith("{")) {
        return Map.of();
      }
      try {
        return JSON.readValue(data, new TypeReference<>() {});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> payload() {
      return (Map<String, Object>) json().get("payload");
    }

    public String type() {
      return (String) json().get("type");
    }

    public long seq() {
      Object seq = json().get("seq");
      return seq == null ? -1 : ((Number) seq).longValue();
    }
  }

  private final HttpClient client;
  private final HttpResponse<InputStream> response;
  private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final Thread reader;
  private volatile boolean closed;

  private SseClient(HttpClient client, HttpResponse<InputStream> response, boolean read) {
    this.client = client;
    this.response = response;
    this.reader = read && response.statusCode() == 200
        ? Thread.ofPlatform().daemon().name("test-sse-reader").start(this::read) : null;
  }

  /** Connects and reads frames as they come. */
  public static SseClient connect(URI events, Map<String, String> headers) {
    return open(events, headers, true);
  }

  /** Connects and then reads nothing: a stalled client. {@link #startReading()} wakes it. */
  public static SseClient stalled(URI events, Map<String, String> headers) {
    return open(events, headers, false);
  }

  private static SseClient open(URI events, Map<String, String> headers, boolean read) {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(events).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    try {
      return new SseClient(client, client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()), read);
    } catch (IOException e) {
      client.close();
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      client.close();
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Thread late;

  /** A stalled client starts reading. */
  public synchronized void startReading() {
    if (reader == null && late == null) {
      late = Thread.ofPlatform().daemon().name("test-sse-reader").start(this::read);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  /** The next frame (comments included), or null after {@code timeout}. */
  public Frame next(Duration timeout) throws InterruptedException {
    return frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The next message frame (no comment, no hello), failing after {@code timeout}. */
  public Frame nextEvent(Duration timeout) throws InterruptedException {
    return await(frame -> !frame.isComment() && !frame.isHello(), timeout);
  }

  /** The first frame that matches, skipping the others; fails after {@code timeout}. */
  public Frame await(Predicate<Frame> wanted, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Frame frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
      if (frame == null) {
        throw new AssertionError("no matching SSE frame within " + timeout);
      }
      if (wanted.test(frame)) {
        return frame;
      }
    }
  }

  /** The first frame that matches, skipping the others; null after {@code timeout}. */
  public Frame awaitOrNull(Predicate<Frame> wanted, Duration timeout) throws InterruptedException {
    try {
      return await(wanted, timeout);
    } catch (AssertionError none) {
      return null;
    }
  }

  /** Message frames (no comment, no hello) up to and including the first that matches; fails after {@code timeout}. */
  public List<Frame> eventsUntil(Predicate<Frame> last, Duration timeout) throws InterruptedException {
    List<Frame> seen = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Frame frame = left > 0 ? frames.poll(left, TimeUnit.NANOSECONDS) : null;
      if (frame == null) {
        throw new AssertionError("no closing SSE frame within " + timeout + "; saw " + seen.size());
      }
      if (frame.isComment() || frame.isHello()) {
        continue;
      }
      seen.add(frame);
      if (last.test(frame)) {
        return seen;
      }
    }
  }

  /** Frames received and not yet taken. */
  public int pending() {
    return frames.size();
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String event = null;
      String id = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            frames.add(new Frame(event == null ? "message" : event, id, data.toString(), null));
          }
          event = null;
          id = null;
          data = null;
        } else if (line.startsWith(":")) {
          frames.add(new Frame(null, null, null, line.substring(1).trim()));
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "event" -> event = value;
            case "id" -> id = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> { } // retry and unknown fields
          }
        }
      }
      frames.add(new Frame("eof", null, null, null));
    } catch (IOException e) {
      if (!closed) {
        frames.add(new Frame("eof", null, e.toString(), null));
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      response.body().close();
    } catch (IOException ignored) {
      // closing anyway
    }
    client.shutdownNow();
    try {
      client.awaitTermination(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
