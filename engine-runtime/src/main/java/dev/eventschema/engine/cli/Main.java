package dev.eventschema.engine.cli;

import dev.eventschema.engine.cli.CommandLine.Invocation;
import dev.eventschema.engine.cli.CommandLine.UsageException;
import dev.eventschema.engine.cli.ConfigAssembler.InvalidConfigException;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;

/**
 * {@code engine-runtime}: the engine's command line.
 *
 * <pre>
 * java -jar engine-runtime/target/engine-runtime.jar demo
 * java -jar engine-runtime/target/engine-runtime.jar serve --config engine.json --port 8765
 * </pre>
 *
 * The arguments are read by {@link CommandLine}, merged into the config file and validated once by
 * {@link ConfigAssembler}, and run by {@link Lifecycle}. Exit codes: 0 for {@code help}; 2 for a bad
 * flag or config (the message names the flag, or the file and the JSON path in it); 1 when the engine
 * cannot start (a port in use, a model that cannot be loaded). Ctrl-C or SIGTERM closes the engine
 * cleanly in a shutdown hook, and the JVM then exits with its usual 130 or 143.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String NAME = "engine-runtime: ";

  private Main() {}

  public static void main(String[] args) {
    // slf4j-simple (the jar's log binding) reads these once, at its first logger: set before any
    defaultProperty("org.slf4j.simpleLogger.showDateTime", "true");
    defaultProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    if (args.length > 0 && args[0].equals("demo")) {
      // the demo's injected faults are on the stream and counted; one WARN line each would drown the rest
      defaultProperty("org.slf4j.simpleLogger.log.dev.eventschema.engine.emit.EngineEventEmitter", "error");
    }
    int code = run(args, System.out, System.err, null);
    if (code != OK) {
      System.exit(code);
    }
  }

  /**
   * Runs the command line in this JVM. {@code serve} and {@code demo} run until the JVM shuts down
   * (Ctrl-C, SIGTERM) and then close the engine cleanly.
   *
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, null);
  }

  /**
   * As {@link #run(String[], PrintStream, PrintStream)}, stopping when {@code stop} is counted down
   * instead of at JVM shutdown (for tests), when given.
   */
  static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
    Invocation invocation;
    EngineConfig config;
    try {
      invocation = CommandLine.parse(args);
      if (invocation.help()) {
        out.print(CommandLine.usage());
        return OK;
      }
      config = ConfigAssembler.assemble(invocation.configFile(), invocation.values());
    } catch (UsageException e) {
      err.println(NAME + e.getMessage());
      err.println("Run 'engine-runtime help' for usage.");
      return USAGE;
    } catch (InvalidConfigException e) {
      e.lines().forEach(line -> err.println(NAME + line));
      return USAGE;
    } catch (EngineException e) {
      err.println(NAME + e.getMessage());
      return e.code() == ErrorCode.INVALID_CONFIG ? USAGE : FAILED;
    }
    return Lifecycle.run(invocation.command(), invocation.demo(), config, out, err, stop);
  }

  private static void defaultProperty(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
