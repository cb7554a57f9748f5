package dev.eventschema.monitor;

import dev.eventschema.monitor.client.Feed;
import dev.eventschema.monitor.client.GeneratedValidation;
import dev.eventschema.monitor.client.Inbox;
import dev.eventschema.monitor.client.SseClient;
import dev.eventschema.monitor.client.StreamMessage;
import dev.eventschema.monitor.export.Exports;
import dev.eventschema.monitor.model.EngineModel;
import dev.eventschema.monitor.view.EngineView;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One watched engine: its feed (an SSE client of its own, or its share of a fleet's Kafka consumer),
 * inbox, model and views.
 */
public final class EngineSession implements AutoCloseable {

  /** Messages the client may hand over before it has to wait for the FX thread. */
  public static final int INBOX_CAPACITY = 50_000;
  /**
   * The most messages applied in one frame (the rest wait for the next): 5,000 per frame is 300,000
   * per second at 60 frames per second.
   */
  public static final int MAX_PER_FRAME = 5_000;
  private final String name;
  private final Feed feed;
  private final Inbox inbox;
  private final EngineModel model;
  private final EngineView view;
  private final AutoCloseable owned;
  private final List<StreamMessage> drained = new ArrayList<>();

  /** An engine watched through its own SSE stream at {@code uri}; {@code owned} is closed with it. */
  EngineSession(String name, URI uri, String token, int bufferCapacity, AutoCloseable owned, Exports exports,
      Consumer<String> problems) {
    this(name, new Inbox(INBOX_CAPACITY), inbox -> new SseClient(uri, token, GeneratedValidation.INSTANCE, inbox),
        bufferCapacity, owned, exports, problems);
  }

  /** An engine whose messages {@code feed} hands to {@code inbox} (an engine found in a fleet's topic). */
  EngineSession(String name, Feed feed, Inbox inbox, int bufferCapacity, Exports exports, Consumer<String> problems) {
    this(name, inbox, ignored -> feed, bufferCapacity, null, exports, problems);
  }

  private EngineSession(String name, Inbox inbox, java.util.function.Function<Inbox, Feed> feedOf,
      int bufferCapacity, AutoCloseable owned, Exports exports, Consumer<String> problems) {
    this.name = name;
    this.owned = owned;
    this.inbox = inbox;
    this.feed = feedOf.apply(inbox);
    this.model = new EngineModel(name, bufferCapacity);
    this.view = new EngineView(model, List.copyOf(GeneratedValidation.INSTANCE.eventTypesInOrder()), exports,
        feed::reconnectNow, problems);
  }

  void start() {
    feed.start();
  }

  /** Takes up to {@link #MAX_PER_FRAME} messages from the inbox and brings the model and views up to date. FX thread, once per frame. */
  int pulse(boolean onScreen) {
    drained.clear();
    int taken = inbox.drainTo(drained, MAX_PER_FRAME);
    model.accept(drained);
    drained.clear();
    model.publish(feed.status());
    view.refresh(onScreen);
    return taken;
  }

  public String name() {
    return name;
  }

  /** Where the engine's messages come from: an {@link SseClient}, or the engine's share of a fleet's consumer. */
  public Feed feed() {
    return feed;
  }

  public EngineModel model() {
    return model;
  }

  public EngineView view() {
    return view;
  }

  @Override
  public void close() {
    closeInBackground();
  }

  /** Closes the feed now and an owned engine on another thread, which is returned (or null). */
  Thread closeInBackground() {
    feed.close();
    if (owned == null) {
      return null;
    }
    Thread closer = new Thread(() -> {
      try {
        owned.close();
      } catch (Exception ignored) {
        // nothing more to do: the engine is going away either way
      }
    }, "close " + name);
    closer.setDaemon(true);
    closer.start();
    return closer;
  }
}
