package dev.eventschema.engine.backend.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.backend.external.protocol.InboundMessage;
import dev.eventschema.engine.backend.external.protocol.InboundMessageReader;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 2.0 over one {@link RuntimeProcess}'s stdin and stdout: numbered requests with their
 * pending answers, and one reader thread that turns every stdout line into a message for the
 * {@link Handler}. When stdout ends (the process died or was stopped), every pending request fails
 * at once and the handler hears about it; the channel is then dead for good (a restart makes a new
 * one).
 *
 * <p>Requests are written by one writer thread, so that no caller ever blocks on a full stdin pipe.
 */
final class JsonRpcChannel {

  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcChannel.class);

  /** What the channel reports. Called from its reader thread, in stdout order. */
  interface Handler {

    /** A valid notification (chunk, chunk batch, stats or stream event). */
    void notification(InboundMessage message);

    /** A line that broke the protocol; the channel carries on. */
    void rejected(InboundMessage.Rejected rejected);

    /** Stdout ended; every pending request has failed. Called once. */
    void closed(JsonRpcChannel channel, OptionalInt exitCode);
  }

  /** A request waiting for its answer, and how to read that answer. */
  private record Pending<T>(String method, SchemaValidator<T> resultSchema, CompletableFuture<T> answer) {

    void answer(InboundMessage.Response response, Handler handler) {
      if (response.error().isPresent()) {
        answer.completeExceptionally(new RpcCallException(method, response.error().get()));
        return;
      }
      ParseResult<T> result = resultSchema.parse(response.result());
      if (result instanceof ParseResult.Valid<T> valid) {
        answer.complete(valid.value());
        return;
      }
      handler.rejected(new InboundMessage.Rejected(InboundMessageReader.RESPONSE, response.raw(),
          result.violations().stream().map(violation -> violation.under("/result")).toList()));
      answer.completeExceptionally(EngineException.ofViolations(ErrorCode.RUNTIME_ERROR,
          "result of " + method, result.violations()));
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final RuntimeProcess process;
  private final Handler handler;
  private final int maxLineChars;
  private final InboundMessageReader reader = new InboundMessageReader();
  private final Map<Long, Pending<?>> pending = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();
  private final ExecutorService writer;
  private volatile boolean open = true;

  private JsonRpcChannel(RuntimeProcess process, Handler handler, int maxLineChars) {
    this.process = process;
    this.handler = handler;
    this.maxLineChars = maxLineChars;
    this.writer = Executors.newSingleThreadExecutor(task -> daemon(task, "runtime-stdin-" + process.pid()));
  }

  /** A channel over {@code process}, already reading its stdout. */
  static JsonRpcChannel open(RuntimeProcess process, Handler handler, int maxLineChars) {
    JsonRpcChannel channel = new JsonRpcChannel(process, handler, maxLineChars);
    daemon(channel::readUntilClosed, "runtime-stdout-" + process.pid()).start();
    return channel;
  }

  RuntimeProcess process() {
    return process;
  }

  boolean isOpen() {
    return open;
  }

  /**
   * Sends a request; the answer is read with {@code resultSchema}. Fails with {@link RpcCallException}
   * if the runtime answers with an error, with an {@link EngineException} of code {@code TIMEOUT}
   * after {@code timeout}, and of code {@code RUNTIME_ERROR} if the runtime dies first or its
   * answer is malformed.
   */
  <T> CompletableFuture<T> call(String method, Map<String, Object> params, SchemaValidator<T> resultSchema,
      Duration timeout) {
    if (!open) {
      return CompletableFuture.failedFuture(notRunning(method));
    }
    long id = lastId.incrementAndGet();
    CompletableFuture<T> answer = new CompletableFuture<>();
    pending.put(id, new Pending<>(method, resultSchema, answer));
    answer.whenComplete((value, failure) -> pending.remove(id));
    if (!open) { // closed between the check and put(): the close sweep may have missed this one
      answer.completeExceptionally(notRunning(method));
      return answer;
    }
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("jsonrpc", "2.0");
    request.put("id", id);
    request.put("method", method);
    request.put("params", params);
    send(request, answer);
    return Deadlines.within(answer, timeout, method);
  }

  /** Stops the process (see {@link RuntimeProcess#stop}); the reader then sees the end of stdout. */
  void stop(Duration grace) {
    process.stop(grace);
    writer.shutdown();
  }

  private void send(Map<String, Object> request, CompletableFuture<?> answer) {
    String line;
    try {
      line = JSON.writeValueAsString(request);
    } catch (JsonProcessingException bug) {
      answer.completeExceptionally(new EngineException(ErrorCode.INTERNAL, "cannot write " + request.get("method")
          + " as JSON: " + bug.getOriginalMessage(), Map.of(), bug));
      return;
    }
    try {
      writer.execute(() -> {
        try {
          process.writeLine(line);
        } catch (IOException broken) {
          answer.completeExceptionally(new EngineException(ErrorCode.RUNTIME_ERROR,
              "cannot write to the runtime: " + broken.getMessage(), Map.of(), broken));
        }
      });
    } catch (RejectedExecutionException stopped) {
      answer.completeExceptionally(notRunning((String) request.get("method")));
    }
  }

  private void readUntilClosed() {
    BoundedLineReader lines = new BoundedLineReader(
        new InputStreamReader(process.stdout(), StandardCharsets.UTF_8), maxLineChars);
    try {
      for (BoundedLineReader.Line line = lines.readLine(); line != null; line = lines.readLine()) {
        dispatch(line);
      }
    } catch (IOException closedPipe) {
      LOG.debug("stdout of runtime {} closed: {}", process.pid(), closedPipe.toString());
    } catch (RuntimeException bug) {
      LOG.error("reading runtime {} failed; treating it as dead", process.pid(), bug);
    } finally {
      closeAfterEndOfOutput();
    }
  }

  private void dispatch(BoundedLineReader.Line line) {
    if (line.text().isBlank() && !line.tooLong()) {
      return; // blank lines carry nothing; tolerated as framing noise
    }
    InboundMessage message = line.tooLong() ? reader.tooLong(line.text(), maxLineChars) : reader.read(line.text());
    try {
      switch (message) {
        case InboundMessage.Rejected rejected -> handler.rejected(rejected);
        case InboundMessage.Response response -> answer(response);
        default -> handler.notification(message);
      }
    } catch (RuntimeException handlerBug) {
      // One message must never take the reader down: log it and read on.
      LOG.error("handling a message from runtime {} failed", process.pid(), handlerBug);
    }
  }

  private void answer(InboundMessage.Response response) {
    Pending<?> waiting = pending.remove(response.id());
    if (waiting == null) {
      handler.rejected(new InboundMessage.Rejected(InboundMessageReader.RESPONSE, response.raw(), List.of(
          new Violation("/id", Violation.Code.INVALID_VALUE,
              "answers no pending request (unknown, or already timed out), was " + response.id()))));
      return;
    }
    waiting.answer(response, handler);
  }

  private void closeAfterEndOfOutput() {
    open = false;
    writer.shutdown();
    OptionalInt exitCode = process.awaitExit(Duration.ofSeconds(2));
    if (exitCode.isEmpty()) {
      // Stdout closed but the process lives on: it can no longer answer, so it must go.
      process.stop(Duration.ofSeconds(1));
      exitCode = process.awaitExit(Duration.ZERO);
    }
    EngineException died = new EngineException(ErrorCode.RUNTIME_ERROR, "the runtime process " + process.pid()
        + " exited" + exitCode.stream().mapToObj(code -> " with code " + code).findFirst().orElse(""),
        exitCode.isPresent() ? Map.of("exitCode", exitCode.getAsInt()) : Map.of());
    for (Pending<?> waiting : List.copyOf(pending.values())) {
      waiting.answer().completeExceptionally(died);
    }
    handler.closed(this, exitCode);
  }

  private static EngineException notRunning(String method) {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "cannot send " + method + ": the runtime is not running");
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
