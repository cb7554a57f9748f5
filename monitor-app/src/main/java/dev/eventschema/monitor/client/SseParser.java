package dev.eventschema.monitor.client;

import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Incremental parser of the {@code text/event-stream} format, fed one line at a time (without its
 * line terminator). Comment lines (heartbeats) are reported separately so that a watchdog can see
 * the connection is alive; a {@code retry:} field updates the reconnection delay.
 */
public final class SseParser {

  private final Consumer<SseFrame> frames;
  private final LongConsumer retry;
  private String event;
  private String id;
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;
  private long comments;

  public SseParser(Consumer<SseFrame> frames, LongConsumer retry) {
    this.frames = frames;
    this.retry = retry;
  }

  /** Feeds one line; an empty line dispatches the frame collected so far. */
  public void line(String line) {
    if (line.isEmpty()) {
      dispatch();
      return;
    }
    if (line.charAt(0) == ':') {
      comments++;
      return;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (!value.isEmpty() && value.charAt(0) == ' ') {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> event = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      case "id" -> {
        if (value.indexOf('\0') < 0) {
          id = value;
        }
      }
      case "retry" -> {
        if (!value.isEmpty() && value.chars().allMatch(Character::isDigit) && value.length() < 10) {
          retry.accept(Long.parseLong(value));
        }
      }
      default -> {
        // unknown fields are ignored, as the SSE spec requires
      }
    }
  }

  /** Comment lines seen so far (the engine's {@code : heartbeat}). */
  public long comments() {
    return comments;
  }

  /** Forgets a partly received frame, for a new connection. */
  public void reset() {
    event = null;
    id = null;
    data.setLength(0);
    hasData = false;
  }

  private void dispatch() {
    if (hasData) {
      frames.accept(new SseFrame(event == null || event.isEmpty() ? "message" : event, id, data.toString()));
    }
    event = null;
    id = null;
    data.setLength(0);
    hasData = false;
  }
}
