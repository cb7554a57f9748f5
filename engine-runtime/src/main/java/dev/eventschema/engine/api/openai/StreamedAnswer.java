package dev.eventschema.engine.api.openai;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.eventschema.engine.api.http.ApiError;
import dev.eventschema.engine.api.http.HttpJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A streaming answer: SSE {@code data: {chunk}} lines as tokens come, the last chunk with the {@code
 * finish_reason}, then (with {@code stream_options.include_usage}) a chunk with empty {@code choices}
 * and the {@code usage}, then {@code data: [DONE]}. A failure after the stream began is sent as
 * {@code data: {"error": ...}} before {@code [DONE]}.
 *
 * <p>While no token comes (the request waits in the queue, or the model is slow) a comment line is
 * written every {@value #IDLE_MILLIS} ms: SSE clients ignore it, and writing it is how a client that
 * left is noticed, so that its generation is cancelled within a second rather than at its end.
 */
final class StreamedAnswer {

  static final long IDLE_MILLIS = 250;
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

  private StreamedAnswer() {}

  /** Writes the stream; an {@link IOException} means the client left (the caller cancels the generation). */
  static void write(HttpExchange exchange, GenerationRun run, Answer answer) throws IOException, InterruptedException {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "text/event-stream; charset=utf-8");
    headers.set("Cache-Control", "no-cache");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("X-Accel-Buffering", "no");
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    Map<String, Object> first = answer.dialect.firstChunkChoice();
    if (first != null) {
      send(out, chunk(answer, first));
    }
    if (answer.spec.echo().isPresent() && !answer.spec.echo().get().isEmpty()) {
      send(out, chunk(answer, answer.dialect.choice(answer.spec.echo().get(), null, null, true)));
    }
    while (true) {
      GenerationRun.Item item = run.next(IDLE_MILLIS);
      if (item == null) {
        out.write(KEEP_ALIVE);
        out.flush();
      } else if (item instanceof GenerationRun.Piece piece) {
        List<Dialect.TokenLogprob> logprobs = answer.add(piece);
        if (!piece.text().isEmpty() || !logprobs.isEmpty()) {
          send(out, chunk(answer, answer.dialect.choice(piece.text(), answer.logprobsOf(logprobs), null, true)));
        }
      } else if (item instanceof GenerationRun.End end) {
        finish(out, answer, end);
        return;
      }
    }
  }

  private static void finish(OutputStream out, Answer answer, GenerationRun.End end) throws IOException {
    if (end.failure() != null) {
      ApiError error = answer.failure(end);
      send(out, error.body());
    } else {
      send(out, chunk(answer, answer.dialect.choice("", null, end.finishReason(), true)));
      if (answer.spec.includeUsage()) {
        Map<String, Object> usage = answer.dialect.envelope(answer.id, answer.created, answer.spec.model(),
            new ArrayList<>(), true);
        usage.put("usage", answer.usage(end));
        send(out, usage);
      }
    }
    out.write(DONE);
    out.flush();
    out.close();
  }

  private static Map<String, Object> chunk(Answer answer, Map<String, Object> choice) {
    Map<String, Object> chunk = answer.dialect.envelope(answer.id, answer.created, answer.spec.model(),
        List.of(choice), true);
    if (answer.spec.includeUsage()) {
      chunk.put("usage", null); // as OpenAI does: every chunk but the last has a null usage
    }
    return chunk;
  }

  private static void send(OutputStream out, Object payload) throws IOException {
    out.write("data: ".getBytes(StandardCharsets.US_ASCII));
    out.write(HttpJson.encode(payload));
    out.write("\n\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
