package dev.eventschema.monitor.fleet;

import dev.eventschema.monitor.client.ConnectionStatus.State;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.client.Wakeup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The dashboard's consumer of a fleet's topics, on its own thread: reads every partition of the events
 * and rejections topics ({@link TopicAssignment}), decodes and checks each record ({@link
 * RecordDecoding}) and hands the message to its engine's feed ({@link FleetEngines}).
 *
 * <p>Bounded: when an engine's inbox is full (the FX thread is behind), the records already consumed
 * wait in a queue of at most one poll ({@link #MAX_POLL_RECORDS}) and the consumer pauses its
 * partitions until there is room. Kafka keeps what is not read yet, so nothing is dropped: the lag
 * grows instead, and is shown. The only records not shown are those of engines beyond {@link
 * FleetEngines#MAX_ENGINES}, which are counted.
 *
 * <p>The Kafka client reconnects by itself; once a second the consumer asks the brokers for the end
 * offsets, which gives the lag and tells whether they answer. {@link #close()} wakes the consumer
 * ({@code wakeup()}) and the thread closes it.
 */
public final class FleetConsumer implements AutoCloseable {

  /** The most records one poll returns, so also the most held while the FX thread is behind. */
  public static final int MAX_POLL_RECORDS = 2_000;
  static final Duration POLL = Duration.ofMillis(100);
  /** The poll while records are held: the partitions are paused, this only keeps the client going. */
  static final Duration HELD_POLL = Duration.ofMillis(5);
  /**
   * How long a question to the brokers (metadata, offsets) may take before they count as not
   * answering: long enough for a busy machine, short enough to say soon that the broker is gone.
   */
  static final Duration ASK_TIMEOUT = Duration.ofSeconds(5);
  static final long PROBE_NANOS = TimeUnit.SECONDS.toNanos(1);
  static final long RETRY_MILLIS = 2_000;

  private final FleetSource source;
  private final RecordDecoding decoding;
  private final FleetEngines engines;
  private final Thread thread;
  private final Instant startedAt = Instant.now();
  private final ArrayDeque<RecordDecoding.Decoded> held = new ArrayDeque<>();
  private final Wakeup wakeup = new Wakeup();
  private volatile boolean closed;
  private volatile boolean checkNow;
  private volatile Consumer<byte[], byte[]> current;
  private volatile FleetStatus status;

  // consumer-thread state
  private long records;
  private long consumerRejections;
  private long beyondLimit;
  private long pauses;
  private long lag = -1;
  private int partitions;
  private int reconnects;
  private boolean paused;
  private boolean answering;
  private boolean answeredOnce;
  private long publishedAt;

  /** A consumer of {@code source} with the Kafka client's own consumer. */
  public FleetConsumer(FleetSource source, RecordDecoding decoding) {
    this(source, decoding, FleetEngines.INBOX_CAPACITY);
  }

  /** With engines' inboxes of {@code inboxCapacity} messages (tests). */
  FleetConsumer(FleetSource source, RecordDecoding decoding, int inboxCapacity) {
    this.source = source;
    this.decoding = decoding;
    this.status = FleetStatus.initial(source);
    this.engines = new FleetEngines(() -> status, this::reconnectNow, source, inboxCapacity);
    this.thread = new Thread(this::run, "fleet-consumer " + source.topic());
    this.thread.setDaemon(true);
  }

  /** Starts the consumer thread; returns this consumer. */
  public FleetConsumer start() {
    thread.start();
    return this;
  }

  /** The engines found so far, for the FX thread to pick up. */
  public FleetEngines engines() {
    return engines;
  }

  /** The current state, safe to read from any thread. */
  public FleetStatus status() {
    return status;
  }

  public FleetSource source() {
    return source;
  }

  /** Looks for topics and asks the brokers at once (after a failure, tries again at once). */
  public void reconnectNow() {
    checkNow = true;
    wakeup.wake();
  }

  /** Stops the consumer: wakes it from its poll; its thread closes it. Never blocks. */
  @Override
  public void close() {
    closed = true;
    Consumer<byte[], byte[]> c = current;
    if (c != null) {
      c.wakeup();
    }
    wakeup.close();
  }

  /** Waits up to {@code timeout} for the consumer thread to end; returns whether it did. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  private void run() {
    while (!closed) {
      Consumer<byte[], byte[]> consumer = null;
      try {
        consumer = new KafkaConsumer<>(ConsumerSettings.of(source));
        current = consumer;
        follow(consumer);
      } catch (WakeupException | InterruptException e) {
        Thread.interrupted(); // only close() wakes this thread: closing
      } catch (KafkaException | IllegalStateException | IllegalArgumentException e) {
        if (!closed) {
          publish(status.with(State.FAILED, FleetProblems.explain(e, source)));
          wakeup.await(RETRY_MILLIS);
        }
      } finally {
        current = null;
        FleetProblems.closeQuietly(consumer);
      }
    }
    publish(status.with(State.CLOSED, "Closed"));
  }

  private void follow(Consumer<byte[], byte[]> consumer) {
    TopicAssignment topics = new TopicAssignment(source, startedAt);
    paused = false;
    long probedAt = System.nanoTime() - PROBE_NANOS;
    while (!closed) {
      long now = System.nanoTime();
      if (checkNow || topics.assigned().isEmpty() || topics.due(now)) {
        int before = topics.assigned().size();
        if (!ask(() -> topics.refresh(consumer, ASK_TIMEOUT, now))) {
          wakeup.await(250);
          continue;
        }
        partitions = topics.assigned().size();
        if (partitions != before) {
          if (paused) {
            consumer.pause(consumer.assignment()); // the new partitions wait too
          }
          probedAt = now - PROBE_NANOS; // resolve the new positions before saying "connected"
        }
      }
      if (topics.assigned().isEmpty()) {
        publish(status.with(State.CONNECTING, "Waiting for " + source.where() + ": the topic does not exist yet."));
        wakeup.await(1_000);
        continue;
      }
      if (checkNow || now - probedAt >= PROBE_NANOS) {
        checkNow = false;
        probedAt = now;
        if (!ask(() -> probe(consumer, topics))) {
          wakeup.await(250);
          continue;
        }
      }
      deliverHeld(consumer);
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(held.isEmpty() ? POLL : HELD_POLL)) {
        records++;
        held.add(decode(record));
      }
      deliverHeld(consumer);
      if (System.nanoTime() - publishedAt > 100_000_000L) {
        publish(status.with(status.state(), status.detail()));
      }
    }
  }

  /** Runs a question to the brokers; when they do not answer in time, says so and returns false. */
  private boolean ask(Runnable question) {
    try {
      question.run();
      return true;
    } catch (TimeoutException e) {
      answering = false;
      publish(status.with(State.RECONNECTING, "The Kafka broker at " + source.bootstrap()
          + " does not answer; trying again."));
      return false;
    }
  }

  /** Asks for the end offsets: the lag, and whether the brokers answer. */
  private void probe(Consumer<byte[], byte[]> consumer, TopicAssignment topics) {
    Map<TopicPartition, Long> ends = consumer.endOffsets(topics.assigned(), ASK_TIMEOUT);
    long behind = 0;
    for (TopicPartition p : topics.assigned()) {
      long end = ends.getOrDefault(p, 0L);
      behind += Math.max(0, end - consumer.position(p, ASK_TIMEOUT));
    }
    lag = behind;
    if (!answering && answeredOnce) {
      reconnects++;
    }
    answering = true;
    answeredOnce = true;
    String missing = topics.missing().isEmpty() ? "" : "; no topic '" + String.join("', '", topics.missing())
        + "' yet";
    publish(status.with(State.CONNECTED, "Reading " + topics.assigned().size() + " partitions of '" + source.topic()
        + "' and '" + source.rejectionsTopic() + "' " + source.start() + missing + "."));
  }

  private RecordDecoding.Decoded decode(ConsumerRecord<byte[], byte[]> record) {
    RecordDecoding.Decoded decoded;
    try {
      decoded = decoding.decode(record);
    } catch (RuntimeException e) { // a decoder must not throw; if it does, the record is still accounted for
      decoded = new RecordDecoding.Decoded(null, FleetProblems.undecodable(record, e));
    }
    if (decoded.message() instanceof StreamMessage.Rejection r
        && StreamMessage.Rejection.CONSUMER.equals(r.source())) {
      consumerRejections++;
    }
    return decoded;
  }

  /** Hands held messages to their engines in order, and pauses the partitions while one does not fit. */
  private void deliverHeld(Consumer<byte[], byte[]> consumer) {
    while (!held.isEmpty()) {
      RecordDecoding.Decoded next = held.peek();
      EngineFeed feed = engines.feedFor(next.engineId());
      if (feed == null) {
        beyondLimit++;
      } else if (!feed.offer(next.message())) {
        break;
      }
      held.poll();
    }
    if (!held.isEmpty() && !paused) {
      consumer.pause(consumer.assignment());
      paused = true;
      pauses++;
    } else if (held.isEmpty() && paused) {
      consumer.resume(consumer.paused());
      paused = false;
    }
  }

  private void publish(FleetStatus base) {
    publishedAt = System.nanoTime();
    status = new FleetStatus(base.state(), base.detail(), partitions, records, consumerRejections,
        beyondLimit, held.size(), pauses, lag, reconnects);
  }

}
