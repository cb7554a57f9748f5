package dev.eventschema.monitor.fleet;

import dev.eventschema.monitor.client.Inbox;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/**
 * The engines found in the fleet's topic, by engine id: created by the consumer thread when a record of
 * a new engine arrives, picked up by the FX thread (which gives each its session and views). Bounded:
 * records of engines beyond {@link #MAX_ENGINES} are counted, not shown.
 */
public final class FleetEngines {

  /**
   * The most engines shown. Each keeps up to {@code --buffer} events and its own inbox of
   * {@link #INBOX_CAPACITY}, so this bounds the dashboard's memory.
   */
  public static final int MAX_ENGINES = 32;
  /** Messages an engine's inbox holds before the consumer pauses: half a second of a 20,000 events/s fleet. */
  public static final int INBOX_CAPACITY = 10_000;
  /** The engine under which records that name no engine (no CloudEvent {@code source}) are shown. */
  public static final String UNATTRIBUTED = "(records without a source)";

  private final Map<String, EngineFeed> feeds = new ConcurrentHashMap<>();
  private final Queue<EngineFeed> found = new ConcurrentLinkedQueue<>();
  private final Supplier<FleetStatus> status;
  private final Runnable reconnect;
  private final FleetSource source;
  private final int inboxCapacity;

  FleetEngines(Supplier<FleetStatus> status, Runnable reconnect, FleetSource source, int inboxCapacity) {
    this.status = status;
    this.reconnect = reconnect;
    this.source = source;
    this.inboxCapacity = inboxCapacity;
  }

  /**
   * The feed of {@code engineId} ({@code null}: {@link #UNATTRIBUTED}), created on its first record;
   * {@code null} when the engine is new and {@link #MAX_ENGINES} are shown already. Consumer thread.
   */
  EngineFeed feedFor(String engineId) {
    String id = engineId == null ? UNATTRIBUTED : engineId;
    EngineFeed feed = feeds.get(id);
    if (feed == null && feeds.size() < MAX_ENGINES) {
      feed = new EngineFeed(id, new Inbox(inboxCapacity), status, reconnect, source);
      feeds.put(id, feed);
      found.add(feed);
    }
    return feed;
  }

  /** The next engine found since the last call, or {@code null}; FX thread, once per frame. */
  public EngineFeed nextFound() {
    return found.poll();
  }

  /** Engines found so far. */
  public int size() {
    return feeds.size();
  }
}
