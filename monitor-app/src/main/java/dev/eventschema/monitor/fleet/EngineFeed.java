package dev.eventschema.monitor.fleet;

import dev.eventschema.monitor.client.ConnectionStatus;
import dev.eventschema.monitor.client.Feed;
import dev.eventschema.monitor.client.Inbox;
import dev.eventschema.monitor.client.StreamMessage;
import java.util.function.Supplier;

/**
 * One engine found in the fleet's topic, seen as a {@link Feed} like an engine's SSE stream: the
 * fleet's consumer thread hands it this engine's messages, which it puts in the engine's own bounded
 * inbox; its state is the consumer's, with this engine's numbers.
 */
public final class EngineFeed implements Feed {

  private final String engineId;
  private final Inbox inbox;
  private final Supplier<FleetStatus> fleet;
  private final Runnable reconnect;
  private final String where;
  private volatile boolean closed;
  // written by the consumer thread only, read by the FX thread
  private volatile long received;
  private volatile long lastSeq;
  private volatile long kafkaDropped;

  EngineFeed(String engineId, Inbox inbox, Supplier<FleetStatus> fleet, Runnable reconnect, FleetSource source) {
    this.engineId = engineId;
    this.inbox = inbox;
    this.fleet = fleet;
    this.reconnect = reconnect;
    this.where = source.where();
  }

  /** The engine's id: the CloudEvent {@code source} of its records. */
  public String engineId() {
    return engineId;
  }

  /** The inbox the FX thread drains. */
  public Inbox inbox() {
    return inbox;
  }

  /**
   * Hands one message to the engine's inbox if there is room (consumer thread); returns whether it
   * was taken. Once the feed is closed (the engine was closed in the dashboard) messages are taken and
   * forgotten.
   */
  boolean offer(StreamMessage message) {
    if (closed) {
      return true;
    }
    if (!inbox.offer(message)) {
      return false;
    }
    received++;
    if (message.seq() > lastSeq) {
      lastSeq = message.seq();
    }
    if (message instanceof StreamMessage.Telemetry t) {
      kafkaDropped = Math.max(0, t.values().kafkaDropped());
    }
    return true;
  }

  /** The consumer thread is the fleet's: nothing to start. */
  @Override
  public EngineFeed start() {
    return this;
  }

  @Override
  public ConnectionStatus status() {
    FleetStatus f = fleet.get();
    String detail = closed ? "Closed" : f.state() == ConnectionStatus.State.CONNECTED
        ? "Found in " + where + " (Kafka)" : f.detail();
    // what the engine's Kafka sink reports as dropped never reached the topic: missed by this dashboard too
    return new ConnectionStatus(closed ? ConnectionStatus.State.CLOSED : f.state(), detail, 0, 0, lastSeq,
        kafkaDropped, kafkaDropped, f.reconnects(), 0, received);
  }

  /** Asks the fleet's consumer to check on the brokers now. */
  @Override
  public void reconnectNow() {
    reconnect.run();
  }

  /** Stops showing this engine; the fleet's consumer goes on for the others. */
  @Override
  public void close() {
    closed = true;
  }

  /** Whether the engine was closed in the dashboard. */
  public boolean isClosed() {
    return closed;
  }
}
