package dev.eventschema.engine.backend.external;

import dev.eventschema.Violation;
import dev.eventschema.engine.backend.FinishReason;
import dev.eventschema.engine.backend.external.protocol.BatchedToken;
import dev.eventschema.engine.backend.external.protocol.InboundMessage;
import dev.eventschema.engine.backend.external.protocol.StreamEvent;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams running in the runtime, and the routing of stream notifications to them. A stream
 * that ended on the engine's side (cancelled, timed out, or cut at {@code maxTokens}) may still get
 * a few messages that were already on their way: its id is remembered for a while so that those are
 * dropped quietly, while a message about a stream that never existed is rejected.
 */
final class StreamRegistry {

  /** How many ended stream ids are remembered: far more than can have messages in flight. */
  private static final int REMEMBERED_ENDED = 4096;

  private final Map<String, ExternalStream> active = new ConcurrentHashMap<>();
  private final Set<String> recentlyEnded = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
          return size() > REMEMBERED_ENDED;
        }
      }));

  void add(ExternalStream stream) {
    active.put(stream.streamId(), stream);
    stream.generation().result().whenComplete((reason, failure) -> end(stream.streamId()));
  }

  /** Forgets a stream that ended; late messages about it will be dropped quietly. */
  void end(String streamId) {
    if (active.remove(streamId) != null) {
      recentlyEnded.add(streamId);
    }
  }

  /**
   * Routes a notification to its stream.
   *
   * @return a rejection if the notification is about a stream that does not exist
   */
  Optional<InboundMessage.Rejected> route(InboundMessage.StreamNotification notification) {
    ExternalStream stream = active.get(notification.streamId());
    if (stream == null) {
      return recentlyEnded.contains(notification.streamId()) ? Optional.empty() : Optional.of(unknown(notification));
    }
    switch (notification) {
      case InboundMessage.Chunk single -> stream.token(single.chunk().token(), single.chunk().logprob());
      case InboundMessage.ChunkBatch batch -> {
        for (BatchedToken token : batch.batch().tokens()) {
          if (!stream.token(token.token(), token.logprob())) {
            break;
          }
        }
      }
      case InboundMessage.Stats stats -> stream.heard();
      case InboundMessage.Event end -> finish(stream, end.event());
    }
    return Optional.empty();
  }

  /** Fails every running stream: the runtime that ran them is gone. */
  void failAll(EngineException error) {
    for (ExternalStream stream : List.copyOf(active.values())) {
      stream.generation().fail(error);
    }
  }

  /** Cancels every running stream: the backend is closing. */
  void cancelAll() {
    for (ExternalStream stream : List.copyOf(active.values())) {
      stream.generation().finish(FinishReason.CANCELLED);
    }
  }

  /** The streams the runtime has been silent about for {@code idleNanos}. */
  List<ExternalStream> silentFor(long idleNanos) {
    long now = System.nanoTime();
    List<ExternalStream> silent = new ArrayList<>();
    for (ExternalStream stream : active.values()) {
      if (stream.silentFor(idleNanos, now)) {
        silent.add(stream);
      }
    }
    return silent;
  }

  int activeCount() {
    return active.size();
  }

  private static void finish(ExternalStream stream, StreamEvent event) {
    if (event.event() == StreamEvent.Kind.ERROR) {
      String message = event.error().orElse("the runtime reported an error");
      stream.generation().fail(new EngineException(ErrorCode.GENERATION_FAILED, message,
          Map.of("streamId", stream.streamId())));
      return;
    }
    switch (event.finish_reason().orElse(StreamEvent.Finish.STOP)) {
      case STOP -> stream.stopped();
      case LENGTH -> stream.generation().finish(FinishReason.LENGTH);
      case CANCELLED -> stream.generation().finish(FinishReason.CANCELLED);
    }
  }

  private static InboundMessage.Rejected unknown(InboundMessage.StreamNotification notification) {
    String type = notification.raw().get("method") instanceof String method ? method : "stream";
    return new InboundMessage.Rejected(type, notification.raw(), List.of(new Violation("/params/stream_id",
        Violation.Code.INVALID_VALUE, "names no stream of this engine, was '" + notification.streamId() + "'")));
  }
}
