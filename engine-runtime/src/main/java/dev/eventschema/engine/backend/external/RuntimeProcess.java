package dev.eventschema.engine.backend.external;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of the runtime's child process: its pipes, and a thread that drains its stderr into the
 * log. Draining matters: a child whose stderr pipe fills up blocks on its next write, and a blocked
 * runtime looks exactly like a hung one.
 */
final class RuntimeProcess {

  private static final Logger LOG = LoggerFactory.getLogger(RuntimeProcess.class);

  /** Longest stderr line logged whole. */
  private static final int MAX_STDERR_LINE = 4096;

  /** How many of the last stderr lines are kept, for the report of a runtime that died. */
  static final int STDERR_TAIL_LINES = 10;

  /** Longest stderr line kept whole in that tail. */
  static final int STDERR_TAIL_LINE_CHARS = 300;

  private final Process process;
  private final Writer stdin;
  /** The last stderr lines, oldest first; guarded by itself. */
  private final Deque<String> stderrTail = new ArrayDeque<>(STDERR_TAIL_LINES);
  private Thread stderrDrain;

  private RuntimeProcess(Process process) {
    this.process = process;
    this.stdin = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
  }

  /** Starts {@code command} with piped stdin, stdout and stderr; stderr is drained from now on. */
  static RuntimeProcess start(List<String> command) throws IOException {
    RuntimeProcess started = new RuntimeProcess(new ProcessBuilder(command).start());
    started.stderrDrain = new Thread(started::drainStderr, "runtime-stderr-" + started.pid());
    started.stderrDrain.setDaemon(true);
    started.stderrDrain.start();
    return started;
  }

  long pid() {
    return process.pid();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  InputStream stdout() {
    return process.getInputStream();
  }

  /**
   * The last {@value #STDERR_TAIL_LINES} lines the process wrote to stderr (each cut at {@value
   * #STDERR_TAIL_LINE_CHARS} characters), after waiting up to {@code wait} for its stderr to end:
   * a process that has just exited may still have lines in the pipe.
   */
  List<String> stderrTail(Duration wait) {
    try {
      stderrDrain.join(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    synchronized (stderrTail) {
      return List.copyOf(stderrTail);
    }
  }

  /** Writes one line to stdin. Called from one thread at a time (the channel's writer). */
  void writeLine(String line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
    stdin.flush();
  }

  /** The exit code, once the process has exited within {@code timeout}; empty if it is still running. */
  OptionalInt awaitExit(Duration timeout) {
    try {
      return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? OptionalInt.of(process.exitValue())
          : OptionalInt.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }
  }

  /**
   * Makes sure the process and anything it started are gone: closes stdin (a well-behaved runtime
   * exits at end of input), waits up to {@code grace}, then asks, then forces.
   */
  void stop(Duration grace) {
    try {
      stdin.close();
    } catch (IOException alreadyBroken) {
      // The pipe is gone: the process is exiting or has exited.
    }
    List<ProcessHandle> descendants = process.descendants().toList();
    if (awaitExit(grace).isEmpty()) {
      process.destroy();
      if (awaitExit(grace).isEmpty()) {
        LOG.warn("runtime {} ignored SIGTERM for {} ms; killing it", pid(), grace.toMillis());
        process.destroyForcibly();
        awaitExit(grace);
      }
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private void drainStderr() {
    BoundedLineReader lines = new BoundedLineReader(
        new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8), MAX_STDERR_LINE);
    try {
      for (BoundedLineReader.Line line = lines.readLine(); line != null; line = lines.readLine()) {
        LOG.warn("runtime {} stderr: {}{}", pid(), line.text(), line.tooLong() ? "..." : "");
        keep(line.text().length() > STDERR_TAIL_LINE_CHARS || line.tooLong()
            ? line.text().substring(0, Math.min(line.text().length(), STDERR_TAIL_LINE_CHARS)) + "..." : line.text());
      }
    } catch (IOException closed) {
      LOG.debug("runtime {} stderr closed", pid(), closed);
    }
  }

  private void keep(String line) {
    synchronized (stderrTail) {
      if (stderrTail.size() == STDERR_TAIL_LINES) {
        stderrTail.removeFirst();
      }
      stderrTail.addLast(line);
    }
  }
}
