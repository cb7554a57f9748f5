package dev.eventschema.engine.backend.external;

import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The engine exceptions of the external backend, made in one place so that codes stay consistent. */
final class RuntimeFailures {

  /**
   * How the JDK words an OS error when a process cannot start: {@code error=2, No such file or
   * directory} (fork and vfork), or {@code Exec failed, error: 2 (No such file or directory)} (the
   * posix_spawn helper of recent JDKs).
   */
  private static final Pattern OS_ERROR = Pattern.compile("error(?:=|: )(\\d+)(?:, (.+)| \\((.+?)\\))");

  private RuntimeFailures() {}

  /**
   * The runtime's program could not be started at all. The JDK says {@code Cannot run program
   * "/x": error=2, No such file or directory}; this says {@code cannot start runtime '/x': No such
   * file or directory (error=2)}, which names the program and the OS error the way a shell would.
   */
  static EngineException cannotStart(String program, IOException failure, Duration retryIn) {
    String osError = osError(failure);
    Map<String, Object> details = unavailableDetails(retryIn);
    details.put("program", program);
    return new EngineException(ErrorCode.RUNTIME_UNAVAILABLE,
        "cannot start runtime '" + program + "': " + osError, details, failure);
  }

  /**
   * The runtime's process started but exited before it answered {@code runtime/info}: its exit code
   * and the last lines of its stderr, which usually say why.
   */
  static EngineException exitedBeforeReady(String program, long pid, Integer exitCode, List<String> stderrTail,
      Duration retryIn) {
    Map<String, Object> details = unavailableDetails(retryIn);
    details.put("program", program);
    if (exitCode != null) {
      details.put("exitCode", exitCode);
    }
    details.put("stderrTail", stderrTail);
    StringBuilder message = new StringBuilder("runtime '").append(program).append("' (process ").append(pid)
        .append(") exited").append(exitCode == null ? "" : " with code " + exitCode).append(" before it was ready");
    if (stderrTail.isEmpty()) {
      message.append("; it wrote nothing to stderr");
    } else {
      message.append("; the last lines of its stderr:");
      stderrTail.forEach(line -> message.append("\n  ").append(line));
    }
    return new EngineException(ErrorCode.RUNTIME_UNAVAILABLE, message.toString(), details);
  }

  /** {@code retryAfterSeconds}: the restart delay rounded up, and at least a second. */
  private static Map<String, Object> unavailableDetails(Duration retryIn) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("retryAfterSeconds", Math.max(1, (retryIn.toMillis() + 999) / 1000));
    return details;
  }

  private static String osError(IOException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      Matcher matcher = cause.getMessage() == null ? null : OS_ERROR.matcher(cause.getMessage());
      if (matcher != null && matcher.find()) {
        String text = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        return text.strip() + " (error=" + matcher.group(1) + ")";
      }
    }
    return String.valueOf(failure.getMessage());
  }

  /**
   * The engine's view of a failure: an engine exception passes as it is; a JSON-RPC error becomes
   * {@code MODEL_NOT_FOUND} for the runtime's "no such model" code and {@code fallback} otherwise;
   * anything else becomes {@code fallback}.
   */
  static EngineException toEngineException(Throwable failure, ErrorCode fallback, String modelId) {
    Throwable cause = Deadlines.unwrap(failure);
    if (cause instanceof EngineException engine) {
      return engine;
    }
    if (cause instanceof RpcCallException rpc) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("model", modelId);
      details.put("rpcCode", rpc.error().code());
      if (!rpc.error().data().isEmpty()) {
        details.put("rpcData", rpc.error().data());
      }
      ErrorCode code = rpc.error().code() == RpcCallException.MODEL_NOT_FOUND ? ErrorCode.MODEL_NOT_FOUND : fallback;
      return new EngineException(code, rpc.getMessage(), details, rpc);
    }
    return new EngineException(fallback, String.valueOf(cause.getMessage()), Map.of("model", modelId), cause);
  }

  static EngineException notLoaded(String modelId) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "model '" + modelId + "' is not loaded in the runtime",
        Map.of("model", modelId));
  }

  /**
   * An engine-internal path ({@code classpath:...}) cannot be sent to a runtime, which runs in another
   * process and cannot read the engine's class path.
   */
  static EngineException internalPath(String modelId, String modelPath) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("model", modelId);
    details.put("modelPath", modelPath);
    return new EngineException(ErrorCode.MODEL_LOAD_FAILED, "model path '" + modelPath + "' of '" + modelId
        + "' names a resource inside the engine, which an external runtime cannot read; give a file path or a"
        + " name that the runtime understands", details);
  }

  static EngineException closed() {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "the external runtime backend is closed");
  }
}
