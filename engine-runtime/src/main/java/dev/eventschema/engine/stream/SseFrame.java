package dev.eventschema.engine.stream;

import java.nio.charset.StandardCharsets;

/**
 * One Server-Sent Events frame, encoded once and shared by every client that receives it.
 *
 * @param seq the envelope's sequence number; 0 for frames that are not messages (heartbeats)
 * @param event the SSE {@code event:} field ({@code event}, {@code rejection}, {@code telemetry},
 *     {@code dropped}, {@code hello})
 * @param bytes the frame as sent, UTF-8, blank line included
 */
record SseFrame(long seq, String event, byte[] bytes) {

  /** The SSE event names of docs/stream-protocol.md. */
  static final String EVENT = "event";
  static final String REJECTION = "rejection";
  static final String TELEMETRY = "telemetry";
  static final String DROPPED = "dropped";
  static final String HELLO = "hello";

  static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.US_ASCII);

  /**
   * A message frame. {@code json} is one line of JSON (Jackson never writes a raw newline: inside
   * strings it is escaped), so one {@code data:} line carries it.
   *
   * @param withId whether to write the {@code id:} line (not for a client's own {@code dropped} and
   *     {@code hello} frames, so that the client's last event id stays the last message it really received)
   */
  static SseFrame of(long seq, String event, String json, boolean withId) {
    if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("SSE data must be one line");
    }
    StringBuilder frame = new StringBuilder(json.length() + 48);
    frame.append("event: ").append(event).append('\n');
    if (withId) {
      frame.append("id: ").append(seq).append('\n');
    }
    frame.append("data: ").append(json).append("\n\n");
    return new SseFrame(seq, event, frame.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The frame as text, for tests and logs. */
  String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
