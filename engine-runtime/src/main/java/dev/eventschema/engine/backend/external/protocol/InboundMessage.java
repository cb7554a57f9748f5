package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.Violation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One line from the runtime's stdout, read and checked: a typed message, or why it was rejected. */
public sealed interface InboundMessage {

  /**
   * A response. Its {@code result} is still an open object: its shape depends on the request, which
   * only the channel knows.
   *
   * @param raw the whole message as received, for a rejection of its result
   */
  record Response(long id, Map<String, Object> result, Optional<RpcErrorObject> error, Map<String, Object> raw)
      implements InboundMessage {}

  /** A valid notification about one stream. */
  sealed interface StreamNotification extends InboundMessage {

    /** The stream it is about. */
    String streamId();

    /** The whole message as received, for a rejection that only the stream's owner can make. */
    Map<String, Object> raw();
  }

  /** A {@code stream.chunk} with one token. */
  record Chunk(StreamChunk chunk, Map<String, Object> raw) implements StreamNotification {
    @Override
    public String streamId() {
      return chunk.stream_id();
    }
  }

  /** A {@code stream.chunk} with several tokens. */
  record ChunkBatch(StreamChunkBatch batch, Map<String, Object> raw) implements StreamNotification {
    @Override
    public String streamId() {
      return batch.stream_id();
    }
  }

  /** A {@code stream.stats}. */
  record Stats(StreamStats stats, Map<String, Object> raw) implements StreamNotification {
    @Override
    public String streamId() {
      return stats.stream_id();
    }
  }

  /** A {@code stream.event}: the end of a stream. */
  record Event(StreamEvent event, Map<String, Object> raw) implements StreamNotification {
    @Override
    public String streamId() {
      return event.stream_id();
    }
  }

  /**
   * A line that broke the protocol.
   *
   * @param messageType the notification's method, {@code response}, or {@code unknown}
   * @param payload the message as received, or {@code {"line": ...}} if it was not a JSON object
   * @param violations every rule it broke, never empty
   */
  record Rejected(String messageType, Map<String, Object> payload, List<Violation> violations)
      implements InboundMessage {}
}
