package dev.eventschema.engine.stream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.emit.SubscriberStats;
import dev.eventschema.engine.events.DroppedFrameBuilder;
import dev.eventschema.engine.events.DroppedFrameValidator;
import dev.eventschema.engine.events.EventEnvelope;
import dev.eventschema.engine.events.EventEnvelopeBuilder;
import dev.eventschema.engine.events.EventEnvelopeCodec;
import dev.eventschema.engine.events.HelloFrameBuilder;
import dev.eventschema.engine.events.HelloFrameValidator;
import dev.eventschema.engine.events.StreamSchemas;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The live stream's heart: gives every message the stream's next {@code seq} (so that clients see it
 * strictly increasing, whatever thread published), writes it in the {@link EventEnvelope} wire form
 * (the payload is already valid: accepted events, rejection records and snapshots are built and
 * checked by their generated validators before they get here), encodes it once as an SSE frame,
 * keeps the last frames in a bounded history for {@code Last-Event-ID} replay, and hands each frame
 * to every connected client's bounded queue.
 *
 * <p>{@link #publish} never blocks on a client: a client whose queue is full misses the frame (counted
 * per client and in {@link #droppedFrames()}) and is later told how many it missed. The only lock is
 * held for the encoding and the queue offers, a few microseconds, so that {@code seq} order, history
 * order and every client's order are the same.
 */
public final class StreamHub implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The name an engine gives itself in its {@code hello} frames. */
  public static final String ENGINE_NAME = "eventschema-engine";
  /** The payload of every {@code hello} frame: the engine and the versions of the stream's schemas. */
  private static final Map<String, Object> HELLO = HelloFrameValidator.INSTANCE.toMap(
      HelloFrameBuilder.builder().engine(ENGINE_NAME).schemas(StreamSchemas.versions()).build());

  private final int historyCapacity;
  private final int clientQueueCapacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final SseFrame[] history;
  private int historyStart;
  private int historySize;
  private long lastSeq;
  private long lastTimeMillis = Long.MIN_VALUE;
  private boolean closed;
  private final List<ClientSession> clients = new CopyOnWriteArrayList<>();
  private final AtomicLong nextClientId = new AtomicLong();
  private final LongAdder published = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final SubscriberStats stats;

  /** The default history and client queue of {@link StreamSettings}. */
  public StreamHub() {
    this(StreamSettings.DEFAULT_HISTORY_SIZE, StreamSettings.DEFAULT_CLIENT_QUEUE);
  }

  public StreamHub(int historyCapacity, int clientQueueCapacity) {
    this(historyCapacity, clientQueueCapacity, new SubscriberStats());
  }

  /**
   * @param historyCapacity frames kept for replay, at least 1
   * @param clientQueueCapacity live frames one client may have waiting, at least 1
   * @param stats where frames a client missed are counted as well, so that telemetry sees them (the
   *     engine's emitter's {@link SubscriberStats}, read by {@code subscriber_drops_total} and the
   *     snapshots' {@code subscriberDrops})
   */
  public StreamHub(int historyCapacity, int clientQueueCapacity, SubscriberStats stats) {
    if (historyCapacity < 1) {
      throw new IllegalArgumentException("history capacity must be >= 1, was " + historyCapacity);
    }
    if (clientQueueCapacity < 1) {
      throw new IllegalArgumentException("client queue capacity must be >= 1, was " + clientQueueCapacity);
    }
    this.historyCapacity = historyCapacity;
    this.clientQueueCapacity = clientQueueCapacity;
    this.history = new SseFrame[historyCapacity];
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  /**
   * Publishes an accepted event, a rejection or any other enveloped message: the stream keeps its
   * type, generationId, payload and time, and gives it the stream's next {@code seq}.
   *
   * @param sseEvent the SSE {@code event:} name: {@code event}, {@code rejection} or {@code telemetry}
   * @return the message's {@code seq}, or 0 if the hub is closed
   */
  public long publish(String sseEvent, EventEnvelope envelope) {
    return publish(sseEvent, envelope.type(), envelope.generationId(), envelope.payload(),
        Instant.parse(envelope.time()));
  }

  /**
   * Publishes one message to every client and to the history.
   *
   * @param sseEvent the SSE {@code event:} name: {@code event}, {@code rejection} or {@code telemetry}
   * @param type the wire name of what {@code payload} holds
   * @param generationId set on generation events
   * @param payload the message in the wire form of its schema (already validated by its producer)
   * @param time when the engine accepted the message; an earlier time than the previous message's
   *     (concurrent publishers, a clock stepped back) is raised to it, so that {@code time} never
   *     decreases as {@code seq} increases
   * @return the message's {@code seq}, or 0 if the hub is closed
   */
  public long publish(String sseEvent, String type, Optional<String> generationId, Map<String, Object> payload,
      Instant time) {
    Objects.requireNonNull(sseEvent, "sseEvent");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(time, "time");
    lock.lock();
    try {
      if (closed) {
        return 0;
      }
      long seq = lastSeq + 1;
      lastTimeMillis = Math.max(lastTimeMillis, time.toEpochMilli());
      String frameTime = format(Instant.ofEpochMilli(lastTimeMillis));
      SseFrame frame = SseFrame.of(seq, sseEvent, encode(new Frame(seq, frameTime, type, generationId, payload)), true);
      lastSeq = seq;
      append(frame);
      published.increment();
      for (ClientSession client : clients) {
        if (!client.offer(frame)) {
          dropped.increment();
          stats.recordDrops(1);
        }
      }
      return seq;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Connects a client. It first receives a {@code hello} frame. With {@code lastEventId}, it then receives every message after it
   * that the history still holds, preceded by a {@code dropped} frame if some of them are gone;
   * {@code 0} asks for the whole history. Then it receives the live stream, without gap or repeat.
   */
  ClientSession connect(OptionalLong lastEventId) {
    lock.lock();
    try {
      List<SseFrame> replay = new ArrayList<>();
      replay.add(helloFrame(lastSeq, Instant.ofEpochMilli(Math.max(lastTimeMillis, System.currentTimeMillis()))));
      if (lastEventId.isPresent() && lastEventId.getAsLong() >= 0 && lastEventId.getAsLong() < lastSeq) {
        long after = lastEventId.getAsLong();
        long oldest = historySize == 0 ? lastSeq + 1 : history[historyStart].seq();
        if (oldest > after + 1) {
          long lost = oldest - after - 1;
          replay.add(droppedFrame(lost, oldest - 1));
          dropped.add(lost);
          stats.recordDrops(lost);
        }
        long first = Math.max(after + 1, oldest);
        for (int i = (int) (first - oldest); i < historySize; i++) {
          replay.add(history[(historyStart + i) % historyCapacity]);
        }
      }
      ClientSession session = new ClientSession(nextClientId.incrementAndGet(), clientQueueCapacity, replay);
      if (closed) {
        session.close();
      } else {
        clients.add(session);
      }
      return session;
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a client (its writer ended: it left, or the hub closed). */
  void disconnect(ClientSession session) {
    clients.remove(session);
    session.close();
  }

  /** The {@code dropped} frame for a client: no {@code id:} line, seq of the last message missed. */
  SseFrame droppedFrame(long missed, long lastMissedSeq) {
    EventEnvelope envelope = EventEnvelopeBuilder.builder()
        .seq(Math.max(1, lastMissedSeq)).time(format(Instant.now())).type(SseFrame.DROPPED)
        .payload(DroppedFrameValidator.INSTANCE.toMap(DroppedFrameBuilder.builder().missed(missed).build())).build();
    return SseFrame.of(envelope.seq(), SseFrame.DROPPED, encode(envelope), false);
  }

  /**
   * The {@code hello} frame that opens a client's stream: no {@code id:} line (it is not a message of
   * the stream), seq and time of the last message published when the client connected (seq at least
   * 1, time never earlier than that message's).
   */
  SseFrame helloFrame(long lastPublishedSeq, Instant time) {
    EventEnvelope envelope = EventEnvelopeBuilder.builder()
        .seq(Math.max(1, lastPublishedSeq)).time(format(time)).type(SseFrame.HELLO).payload(HELLO).build();
    return SseFrame.of(envelope.seq(), SseFrame.HELLO, encode(envelope), false);
  }

  /** The seq of the last message published (0 before the first). */
  public long lastSeq() {
    lock.lock();
    try {
      return lastSeq;
    } finally {
      lock.unlock();
    }
  }

  /** Messages published since start. */
  public long publishedMessages() {
    return published.sum();
  }

  /** Frames not delivered to some client, summed over clients (a frame missed by two counts twice). */
  public long droppedFrames() {
    return dropped.sum();
  }

  /** Clients connected now. */
  public int clientCount() {
    return clients.size();
  }

  public int historyCapacity() {
    return historyCapacity;
  }

  public int clientQueueCapacity() {
    return clientQueueCapacity;
  }

  /** Stops accepting messages; each client's writer sends what it has queued, then ends. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
    } finally {
      lock.unlock();
    }
    for (ClientSession client : clients) {
      client.close();
    }
  }

  private void append(SseFrame frame) {
    if (historySize < historyCapacity) {
      history[(historyStart + historySize) % historyCapacity] = frame;
      historySize++;
    } else {
      history[historyStart] = frame;
      historyStart = (historyStart + 1) % historyCapacity;
    }
  }

  static String format(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  /**
   * The wire form of an envelope, written straight from its parts by the generated
   * {@code EventEnvelopeCodec}, in declaration order: no intermediate map, no databind serializers
   * for JSON values. The generator is the mapper's, so that a value that is not JSON (a rejection
   * keeps what was sent) is still written as databind writes it.
   */
  static String encode(EventEnvelope envelope) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator generator = JSON.getFactory().createGenerator(out)) {
      EventEnvelopeCodec.INSTANCE.write(envelope, generator);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the " + envelope.type() + " envelope as JSON", e);
    }
    return out.toString();
  }

  /** One message of the stream as {@link #encode(EventEnvelope)} writes it. */
  private record Frame(long seq, String time, String type, Optional<String> generationId,
      Map<String, Object> payload) implements EventEnvelope {}

  static String encode(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getName() + " as JSON", e);
    }
  }
}
