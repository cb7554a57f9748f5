package dev.eventschema.engine.stream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes one client's stream: the SSE response headers, the {@code : connected} preamble, then the
 * {@code hello} frame and the frames of its {@link ClientSession} as they come, flushing once per
 * batch, and a heartbeat comment whenever nothing else was sent for the heartbeat interval. A client
 * that left is noticed at the next write (an {@link IOException}).
 */
final class SseWriter {

  private static final byte[] PREAMBLE = ": connected\nretry: 1000\n\n".getBytes(StandardCharsets.US_ASCII);
  /** Frames written between two flushes at most, so that a busy stream still flushes. */
  private static final int BATCH = 256;

  private SseWriter() {}

  /** The headers of a stream response, for {@code GET} and {@code HEAD}. */
  static void streamHeaders(HttpExchange exchange) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/event-stream; charset=utf-8");
    headers.set("Cache-Control", "no-cache");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Accel-Buffering", "no");
  }

  /** Streams until the session ends or the client leaves. */
  static void write(HttpExchange exchange, ClientSession session, StreamHub hub, long heartbeatNanos)
      throws IOException, InterruptedException {
    streamHeaders(exchange);
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    out.write(PREAMBLE);
    out.flush();
    while (true) {
      SseFrame frame = session.next(heartbeatNanos, hub::droppedFrame);
      if (frame == ClientSession.END) {
        break;
      }
      if (frame == null) {
        out.write(SseFrame.HEARTBEAT);
        out.flush();
        continue;
      }
      out.write(frame.bytes());
      // write what is already queued, then flush once
      for (int i = 0; i < BATCH; i++) {
        SseFrame more = session.next(0, hub::droppedFrame);
        if (more == null) {
          break;
        }
        if (more == ClientSession.END) {
          out.flush();
          return;
        }
        out.write(more.bytes());
      }
      out.flush();
    }
    out.flush();
  }
}
