package dev.eventschema.engine.backend.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runtime for tests, run as a real child process: it speaks the protocol of {@code
 * docs/runtime-protocol.md} and "generates" the tokens of a fixed text. The first argument picks a
 * mode:
 *
 * <ul>
 *   <li>{@code normal}: follows the protocol.
 *   <li>{@code batched}: sends tokens three at a time, as batched {@code stream.chunk}s.
 *   <li>{@code faulty}: also prints a log line at start, and before every token one bad line in
 *       turn (not JSON, a chunk without {@code token_id}, an unknown method, and so on).
 *   <li>{@code crash-mid-stream N}: exits with code 3 right after sending the N-th token of a stream.
 *   <li>{@code stall}: accepts {@code generate}, then never streams.
 *   <li>{@code exit-at-start CODE}: writes {@value #EXIT_AT_START_STDERR_LINES} numbered lines to
 *       stderr ({@code stderr line 1} ...), then exits with {@code CODE} before reading anything.
 * </ul>
 *
 * <p>In every mode, a {@code load_model} whose path contains {@code missing} fails with -32001, and
 * one whose path contains {@code bad-result} is answered with a result that lacks {@code parameters};
 * one whose path starts with {@code classpath:} fails with -32602 and {@link #INTERNAL_PATH_MESSAGE}
 * (the engine must never send such a path); a load's {@code parameters} is its {@code
 * options.parameters} when given, so that a test can see which options arrived. A generation whose
 * prompt is {@code please fail} ends with an {@code error} event after two tokens.
 */
public final class TestRuntimeMain {

  /** The text every generation recites, token by token. */
  public static final String TEXT = "A stream is a patient thing. It does not hurry and it does not stop, and it"
      + " brings each leaf to the sea in the order it was given.";

  /** {@link #TEXT} split as the runtime streams it: each word or mark with its leading space. */
  public static final List<String> TOKENS = tokens(TEXT);

  /** How many lines the {@code exit-at-start} mode writes to stderr before it exits. */
  public static final int EXIT_AT_START_STDERR_LINES = 25;

  /** The runtime's answer to a {@code classpath:} model path, which must never reach it. */
  public static final String INTERNAL_PATH_MESSAGE = "an engine-internal path crossed the process boundary";

  /** The log-probability the runtime gives token {@code i}. */
  public static double logprob(int i) {
    return -0.1 * (1 + i % 5);
  }

  /**
   * The command that runs this class in a new JVM with the test class path. The class path is passed
   * in a java launcher argument file ({@code @file}): written out it is longer than the 4096
   * characters a runtime command's argument may have.
   */
  public static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-Xshare:auto",
        "@" + ClassPathFile.PATH, TestRuntimeMain.class.getName()));
    command.addAll(List.of(args));
    return command;
  }

  /** The argument file with {@code -cp} and the test class path, written once per test JVM. */
  private static final class ClassPathFile {
    static final Path PATH = write();

    private static Path write() {
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      try {
        Path file = Files.createTempFile("test-runtime-classpath", ".args");
        file.toFile().deleteOnExit();
        // quoted, with the launcher's escapes, so that a path with a space stays one argument
        Files.writeString(file, "-cp \"" + classPath.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\n");
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final String mode;
  private final int crashAfter;
  private final BufferedWriter out = new BufferedWriter(
      new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
  private final Set<String> models = ConcurrentHashMap.newKeySet();
  private final Set<String> cancelled = ConcurrentHashMap.newKeySet();

  private TestRuntimeMain(String mode, int crashAfter) {
    this.mode = mode;
    this.crashAfter = crashAfter;
  }

  public static void main(String[] args) throws IOException {
    String mode = args.length > 0 ? args[0] : "normal";
    if (mode.equals("exit-at-start")) {
      for (int i = 1; i <= EXIT_AT_START_STDERR_LINES; i++) {
        System.err.println("stderr line " + i);
      }
      System.exit(Integer.parseInt(args[1]));
    }
    int crashAfter = mode.equals("crash-mid-stream") ? Integer.parseInt(args[1]) : Integer.MAX_VALUE;
    new TestRuntimeMain(mode, crashAfter).serve();
  }

  private void serve() throws IOException {
    System.err.println("test runtime starting in mode " + mode); // exercises the stderr drain
    if (mode.equals("faulty")) {
      raw("Loading runtime... (a log line on stdout, where it does not belong)");
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> request = JSON.readValue(line, Map.class);
      handle(request);
    }
    System.exit(0); // end of input: the engine has gone
  }

  @SuppressWarnings("unchecked")
  private void handle(Map<String, Object> request) {
    Object id = request.get("id");
    Map<String, Object> params = (Map<String, Object>) request.getOrDefault("params", Map.of());
    switch ((String) request.get("method")) {
      case "runtime/info" -> result(id, Map.of("name", "test-runtime", "version", "1.0", "protocol", 1));
      case "load_model" -> {
        String modelId = (String) params.get("model_id");
        if (String.valueOf(params.get("model_path")).contains("missing")) {
          error(id, -32001, "no model at " + params.get("model_path"));
          return;
        }
        if (String.valueOf(params.get("model_path")).startsWith("classpath:")) {
          error(id, -32602, INTERNAL_PATH_MESSAGE + ": " + params.get("model_path"));
          return;
        }
        if (String.valueOf(params.get("model_path")).contains("bad-result")) {
          result(id, Map.of("model_id", modelId)); // no "parameters": breaks the load_model result schema
          return;
        }
        models.add(modelId);
        Map<?, ?> options = (Map<?, ?>) params.getOrDefault("options", Map.of());
        Object parameters = options.get("parameters") instanceof Number given ? given : TOKENS.size();
        result(id, Map.of("model_id", modelId, "parameters", parameters, "quantization", "q8_0"));
      }
      case "unload_model" -> {
        String modelId = (String) params.get("model_id");
        if (models.remove(modelId)) {
          result(id, Map.of("model_id", modelId));
        } else {
          error(id, -32001, "model " + modelId + " is not loaded");
        }
      }
      case "generate" -> {
        String streamId = (String) params.get("stream_id");
        if (!models.contains((String) params.get("model_id"))) {
          error(id, -32001, "model " + params.get("model_id") + " is not loaded");
          return;
        }
        result(id, Map.of("stream_id", streamId, "started_at", System.currentTimeMillis() / 1000.0));
        if (!mode.equals("stall")) {
          boolean fail = "please fail".equals(params.get("prompt"));
          Thread.ofPlatform().start(() -> stream(streamId, ((Number) params.get("max_tokens")).intValue(),
              params.get("tokens_per_second") instanceof Number rate ? rate.doubleValue() : 0, fail));
        }
      }
      case "cancel" -> {
        cancelled.add((String) params.get("stream_id"));
        result(id, Map.of("stream_id", params.get("stream_id")));
      }
      case "shutdown" -> {
        result(id, Map.of());
        System.exit(0);
      }
      default -> error(id, -32601, "unknown method " + request.get("method"));
    }
  }

  private void stream(String streamId, int maxTokens, double tokensPerSecond, boolean fail) {
    long start = System.nanoTime();
    int sent = 0;
    List<Map<String, Object>> batch = new ArrayList<>();
    while (true) {
      if (cancelled.contains(streamId)) {
        end(streamId, sent, start, "cancelled");
        return;
      }
      if (fail && sent == 2) {
        notify("stream.event", Map.of("stream_id", streamId, "event", "error", "error", "simulated failure",
            "is_final", true));
        return;
      }
      if (sent == maxTokens) {
        flushBatch(streamId, batch);
        end(streamId, sent, start, "length");
        return;
      }
      if (sent == TOKENS.size()) {
        flushBatch(streamId, batch);
        notify("stream.chunk", token(streamId, "", sent, -0.05, true));
        end(streamId, sent + 1, start, "stop");
        return;
      }
      if (mode.equals("faulty")) {
        raw(badLine(sent, streamId));
      }
      Map<String, Object> chunk = token(streamId, TOKENS.get(sent), sent, logprob(sent), false);
      if (mode.equals("batched")) {
        chunk.remove("stream_id");
        batch.add(chunk);
        if (batch.size() == 3) {
          flushBatch(streamId, batch);
        }
      } else {
        notify("stream.chunk", chunk);
      }
      sent++;
      if (sent == crashAfter) {
        Runtime.getRuntime().halt(3); // no goodbye: exactly what a crash looks like from outside
      }
      if (tokensPerSecond > 0) {
        LockSupport.parkNanos((long) (1e9 / tokensPerSecond));
      }
    }
  }

  private void flushBatch(String streamId, List<Map<String, Object>> batch) {
    if (!batch.isEmpty()) {
      notify("stream.chunk", Map.of("stream_id", streamId, "tokens", List.copyOf(batch), "batch_size", batch.size(),
          "is_batch", true));
      batch.clear();
    }
  }

  private void end(String streamId, int tokens, long start, String finishReason) {
    double seconds = (System.nanoTime() - start) / 1e9;
    notify("stream.stats", Map.of("stream_id", streamId, "tokens_generated", tokens,
        "tokens_per_second", seconds > 0 ? tokens / seconds : 0.0, "time_to_first_token", 0.001,
        "total_time", seconds));
    notify("stream.event", Map.of("stream_id", streamId, "event", "completed", "finish_reason", finishReason,
        "is_final", true));
  }

  /** The faulty mode's bad lines, one kind after the other. */
  private static String badLine(int i, String streamId) {
    return switch (i % 8) {
      case 0 -> "this is not json";
      case 1 -> "{\"jsonrpc\":\"2.0\",\"method\":\"stream.chunk\",\"params\":{\"stream_id\":\"" + streamId
          + "\",\"token\":\"x\",\"is_final\":false}}";
      case 2 -> "{\"jsonrpc\":\"2.0\",\"method\":\"stream.bogus\",\"params\":{}}";
      case 3 -> "{\"jsonrpc\":\"2.0\",\"method\":\"stream.chunk\",\"params\":{\"stream_id\":\"" + streamId
          + "\",\"token\":\"y\",\"token_id\":1,\"logprob\":0.5,\"is_final\":false,\"extra\":true}}";
      case 4 -> "[1,2,3]";
      case 5 -> "{\"jsonrpc\":\"2.0\",\"id\":987654,\"result\":{}}";
      case 6 -> "{\"jsonrpc\":\"2.0\",\"method\":\"stream.event\",\"params\":{\"stream_id\":\"" + streamId
          + "\",\"event\":\"exploded\",\"is_final\":true}}";
      default -> "{\"jsonrpc\":\"2.0\",\"method\":\"stream.chunk\",\"params\":{\"stream_id\":\"nope\","
          + "\"token\":\"z\",\"token_id\":2,\"is_final\":false}}";
    };
  }

  private static Map<String, Object> token(String streamId, String text, int id, double logprob, boolean last) {
    Map<String, Object> chunk = new LinkedHashMap<>();
    chunk.put("stream_id", streamId);
    chunk.put("token", text);
    chunk.put("token_id", id);
    chunk.put("logprob", logprob);
    chunk.put("is_final", last);
    return chunk;
  }

  private void result(Object id, Map<String, Object> result) {
    send(Map.of("jsonrpc", "2.0", "id", id, "result", result));
  }

  private void error(Object id, int code, String message) {
    send(Map.of("jsonrpc", "2.0", "id", id, "error", Map.of("code", code, "message", message)));
  }

  private void notify(String method, Map<String, Object> params) {
    send(Map.of("jsonrpc", "2.0", "method", method, "params", params));
  }

  private void send(Map<String, Object> message) {
    try {
      raw(JSON.writeValueAsString(message));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void raw(String line) {
    try {
      out.write(line);
      out.write('\n');
      out.flush();
    } catch (IOException gone) {
      System.exit(1); // the engine closed our stdout: nobody is listening any more
    }
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = Pattern.compile("\\s*(\\w+|[^\\w\\s])").matcher(text);
    while (matcher.find()) {
      tokens.add(matcher.group().startsWith(" ") ? " " + matcher.group(1) : matcher.group(1));
    }
    return List.copyOf(tokens);
  }
}
