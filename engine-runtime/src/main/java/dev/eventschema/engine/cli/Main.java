package dev.eventschema.engine.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.ParseResult;
import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.backend.LoadRequest;
import dev.eventschema.engine.core.DemoWorkload;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.stream.EventStream;
import dev.eventschema.engine.stream.JdkHttpServerSettings;
import dev.eventschema.engine.stream.StreamServer;
import dev.eventschema.engine.telemetry.TelemetryConfig;
import dev.eventschema.engine.telemetry.TelemetryConfigLoader;
import dev.eventschema.engine.telemetry.TelemetryConfigValidator;
import dev.eventschema.support.DidYouMean;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code engine-runtime}: the engine's command line.
 *
 * <pre>
 * java -jar engine-runtime/target/engine-runtime.jar demo
 * java -jar engine-runtime/target/engine-runtime.jar serve --config engine.json --port 8765
 * </pre>
 *
 * Exit codes: 0 for {@code help}; 2 for a bad flag or config (the message names it); 1 when the
 * engine cannot start (a port in use, a model that cannot be loaded). Ctrl-C or SIGTERM closes the
 * engine cleanly in a shutdown hook, and the JVM then exits with its usual 130 or 143.
 */
public final class Main {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  static final String USAGE_TEXT = """
      Usage: engine-runtime <command> [options]

      Commands:
        serve    run the engine: the live event stream (SSE) and Prometheus /metrics
        demo     serve, plus a steady workload on the embedded model
        help     show this text

      Options (flags override the config file):
        --config FILE               JSON config file: sections telemetry, stream, engine, models, demo
        --host ADDRESS              stream address (default 127.0.0.1)
        --port N                    stream port, 0 for any free port (default 8765)
        --token TOKEN               require 'Authorization: Bearer TOKEN' on every endpoint (16+ chars)
        --token-file FILE           the same, read from a file (keeps it out of the process list)
        --allow-remote-without-token
                                    serve a non-loopback --host without a token (not advised)
        --history N                 messages kept for Last-Event-ID replay (default 10000)
        --client-queue N            messages one client may have waiting before it misses some (default 4096)
        --max-clients N             streams served at once (default 32)
        --heartbeat-ms N            heartbeat comment after this much silence (default 15000)
        --prometheus-port N         /metrics port, 1024-65535 (default 9464)
        --export-interval-ms N      telemetry snapshot period, 1000-600000 (default 1000)
        --service-name NAME         service.name tag of every meter
        --no-telemetry              no /metrics and no telemetry snapshots
        --model ID=PATH             load a model (a UTF-8 text file, or classpath:...); repeatable;
                                    default: harbor-trigram=classpath:eventschema/default-corpus.txt
        --max-concurrent N          generations running at once (default 4)
        --max-waiting N             generations waiting beyond those (default 64)
        --runtime "PROGRAM ARGS"    serve the models from an external runtime process (JSON-RPC over
                                    stdin/stdout; split on spaces) instead of the embedded n-gram model
      Demo only:
        --fault-rate F              fraction 0..1 of events followed by a malformed copy (default 0)
        --concurrency N             generation loops (default 3)
        --tokens-per-second R       pace of each generation (default 25)
        --seed N                    seed of the workload's choices (default 42)

      Endpoints: GET /events (text/event-stream), GET /rejections, GET /health; /metrics on its own port.
      """;

  private static final Set<String> VALUE_FLAGS = Set.of(
      "--config", "--host", "--port", "--token", "--token-file", "--history", "--client-queue", "--max-clients",
      "--heartbeat-ms", "--prometheus-port", "--export-interval-ms", "--service-name", "--model",
      "--max-concurrent", "--max-waiting", "--runtime", "--fault-rate", "--concurrency", "--tokens-per-second", "--seed");
  private static final Set<String> SWITCHES = Set.of("--allow-remote-without-token", "--no-telemetry", "--help", "-h");
  private static final Set<String> DEMO_ONLY = Set.of("--fault-rate", "--concurrency", "--tokens-per-second", "--seed");

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

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
    try {
      invocation = parse(args);
    } catch (UsageException e) {
      err.println("engine-runtime: " + e.getMessage());
      err.println("Run 'engine-runtime help' for usage.");
      return USAGE;
    } catch (EngineException e) {
      err.println("engine-runtime: " + e.getMessage());
      return e.code() == ErrorCode.INVALID_CONFIG ? USAGE : FAILED;
    }
    if (invocation.help()) {
      out.print(USAGE_TEXT);
      return OK;
    }
    JdkHttpServerSettings.ensureStreamFriendly();
    EmbeddedEngine engine;
    try {
      engine = EmbeddedEngine.start(invocation.options());
    } catch (EngineException e) {
      err.println("engine-runtime: cannot start: " + e.getMessage());
      return e.code() == ErrorCode.INVALID_CONFIG ? USAGE : FAILED;
    }
    out.println("engine-runtime " + invocation.command() + ": streaming events on " + engine.baseUri() + "events");
    engine.metricsUri().ifPresent(uri -> out.println("metrics on " + uri));
    out.println("rejections on " + engine.baseUri() + "rejections, health on " + engine.baseUri() + "health");
    out.println("Ctrl-C stops it.");
    out.flush();
    CountDownLatch stopSignal = stop != null ? stop : new CountDownLatch(1);
    CountDownLatch closed = new CountDownLatch(1);
    Thread hook = null;
    if (stop == null) {
      hook = new Thread(() -> {
        stopSignal.countDown();
        try {
          closed.await(15, TimeUnit.SECONDS); // keep the JVM up until the engine has said goodbye
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }, "engine-runtime-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
    }
    try {
      stopSignal.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      engine.close();
      out.println("engine-runtime: stopped");
      out.flush();
      closed.countDown();
    }
    return OK;
  }

  private static void defaultProperty(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /** What the command line asked for. */
  record Invocation(String command, boolean help, EmbeddedEngine.Options options) {}

  static Invocation parse(String[] args) {
    if (args.length == 0) {
      throw new UsageException("a command is required: serve, demo or help");
    }
    String command = args[0];
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      return new Invocation("help", true, null);
    }
    if (!command.equals("serve") && !command.equals("demo")) {
      String suggestion = DidYouMean.closest(command, List.of("serve", "demo", "help"));
      throw new UsageException("unknown command '" + command + "'"
          + (suggestion == null ? "; the commands are serve, demo and help" : "; did you mean '" + suggestion + "'?"));
    }
    boolean demo = command.equals("demo");
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      String name = arg;
      String value = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        value = arg.substring(equals + 1);
      }
      if (SWITCHES.contains(name)) {
        if (value != null) {
          throw new UsageException("option " + name + " takes no value");
        }
        if (name.equals("--help") || name.equals("-h")) {
          return new Invocation("help", true, null);
        }
        flags.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        continue;
      }
      if (!VALUE_FLAGS.contains(name)) {
        List<String> known = new ArrayList<>(VALUE_FLAGS);
        known.addAll(SWITCHES);
        String suggestion = DidYouMean.closest(name, known);
        throw new UsageException(arg.startsWith("-")
            ? "unknown option '" + name + "'" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")
            : "unexpected argument '" + arg + "'");
      }
      if (!demo && DEMO_ONLY.contains(name)) {
        throw new UsageException("option " + name + " belongs to the demo command");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = args[++i];
      }
      if (!name.equals("--model") && flags.containsKey(name)) {
        throw new UsageException("option " + name + " given twice");
      }
      flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    EngineConfig config = flags.containsKey("--config") ? readConfig(Path.of(flags.get("--config").get(0)))
        : EngineConfigBuilder.builder().build();
    return new Invocation(command, false, options(config, flags, demo));
  }

  private static EmbeddedEngine.Options options(EngineConfig config, Map<String, List<String>> flags, boolean demo) {
    // the stream
    Optional<StreamSettings> stream = config.stream();
    String host = flag(flags, "--host").orElse(stream.flatMap(StreamSettings::host).orElse(StreamServer.Options.DEFAULT_HOST));
    int port = intFlag(flags, "--port", 0, 65535).orElse(stream.map(s -> s.port().orElse(StreamServer.Options.DEFAULT_PORT))
        .orElse(StreamServer.Options.DEFAULT_PORT));
    Optional<String> token = flag(flags, "--token");
    if (token.isPresent() && flags.containsKey("--token-file")) {
      throw new UsageException("give --token or --token-file, not both");
    }
    if (flags.containsKey("--token-file")) {
      token = Optional.of(readToken(Path.of(flags.get("--token-file").get(0))));
    }
    if (token.isEmpty()) {
      token = stream.flatMap(StreamSettings::token);
    }
    boolean allowRemote = flags.containsKey("--allow-remote-without-token")
        || stream.flatMap(StreamSettings::allowRemoteWithoutToken).orElse(false);
    int maxClients = intFlag(flags, "--max-clients", 1, 1024)
        .orElse(stream.map(s -> s.maxClients().orElse(StreamServer.Options.DEFAULT_MAX_CLIENTS))
            .orElse(StreamServer.Options.DEFAULT_MAX_CLIENTS));
    long heartbeatMs = longFlag(flags, "--heartbeat-ms", 100, 3_600_000)
        .orElse(stream.map(s -> s.heartbeatMs().orElse(StreamServer.Options.DEFAULT_HEARTBEAT.toMillis()))
            .orElse(StreamServer.Options.DEFAULT_HEARTBEAT.toMillis()));
    int history = intFlag(flags, "--history", 1, 1_000_000).orElse(stream.map(s -> s.historySize()
        .orElse(dev.eventschema.engine.stream.StreamHub.DEFAULT_HISTORY)).orElse(dev.eventschema.engine.stream.StreamHub.DEFAULT_HISTORY));
    int clientQueue = intFlag(flags, "--client-queue", 1, 1_000_000).orElse(stream.map(s -> s.clientQueue()
        .orElse(dev.eventschema.engine.stream.StreamHub.DEFAULT_CLIENT_QUEUE))
        .orElse(dev.eventschema.engine.stream.StreamHub.DEFAULT_CLIENT_QUEUE));
    StreamServer.Options server = new StreamServer.Options(host, port, token, allowRemote, maxClients,
        Duration.ofMillis(heartbeatMs));
    server.checkSecurity(); // refuse an unsafe bind before anything starts
    EventStream.Config streamConfig = new EventStream.Config(server, history, clientQueue);

    // telemetry, validated by its generated validator (flags included)
    Map<String, Object> telemetry = new LinkedHashMap<>(config.telemetry()
        .map(TelemetryConfigValidator.INSTANCE::toMap).orElse(Map.of("enabled", true)));
    if (flags.containsKey("--no-telemetry")) {
      telemetry.put("enabled", false);
    }
    longFlag(flags, "--prometheus-port", Long.MIN_VALUE, Long.MAX_VALUE).ifPresent(p -> telemetry.put("prometheusPort", p));
    longFlag(flags, "--export-interval-ms", Long.MIN_VALUE, Long.MAX_VALUE)
        .ifPresent(ms -> telemetry.put("exportIntervalMs", ms));
    flag(flags, "--service-name").ifPresent(name -> telemetry.put("serviceName", name));
    String origin = flags.containsKey("--config") ? "(" + flags.get("--config").get(0) + " and flags)" : "(flags)";
    TelemetryConfig telemetryConfig = TelemetryConfigLoader.fromMap(telemetry, origin);

    // models and limits
    List<LoadRequest> models = new ArrayList<>();
    if (flags.containsKey("--model")) {
      for (String spec : flags.get("--model")) {
        int equals = spec.indexOf('=');
        if (equals <= 0 || equals == spec.length() - 1) {
          throw new UsageException("--model needs ID=PATH, was '" + spec + "'");
        }
        models.add(LoadRequest.of(spec.substring(0, equals), spec.substring(equals + 1)));
      }
    } else {
      for (ModelSpec spec : config.models()) {
        Map<String, Object> loadOptions = spec.order().isPresent() ? Map.of("order", spec.order().getAsInt()) : Map.of();
        models.add(new LoadRequest(spec.id(), spec.path(), loadOptions));
      }
    }
    if (models.isEmpty()) {
      models.add(LoadRequest.of(EmbeddedEngine.DEFAULT_MODEL_ID, EmbeddedEngine.DEFAULT_MODEL_PATH));
    }
    Optional<EngineSettings> engine = config.engine();
    int maxConcurrent = intFlag(flags, "--max-concurrent", 1, 1024)
        .orElse(engine.map(e -> e.maxConcurrent().orElse(dev.eventschema.engine.core.Engine.DEFAULT_MAX_CONCURRENT))
            .orElse(dev.eventschema.engine.core.Engine.DEFAULT_MAX_CONCURRENT));
    int maxWaiting = intFlag(flags, "--max-waiting", 0, 1_000_000)
        .orElse(engine.map(e -> e.maxWaiting().orElse(dev.eventschema.engine.core.Engine.DEFAULT_MAX_WAITING))
            .orElse(dev.eventschema.engine.core.Engine.DEFAULT_MAX_WAITING));

    List<String> runtime = flag(flags, "--runtime")
        .map(command -> List.of(command.trim().split("\\s+")))
        .orElse(engine.map(EngineSettings::runtimeCommand).orElse(List.of()));
    if (runtime.size() == 1 && runtime.get(0).isEmpty()) {
      throw new UsageException("--runtime needs a program to run");
    }
    EmbeddedEngine.Options options = EmbeddedEngine.Options.defaults()
        .withStream(streamConfig).withTelemetry(telemetryConfig).withModels(models).withLimits(maxConcurrent, maxWaiting)
        .withRuntimeCommand(runtime).withDemo(null);
    if (demo) {
      Optional<DemoSettings> settings = config.demo();
      DemoWorkload.Options workload = DemoWorkload.Options.defaults(EmbeddedEngine.DEFAULT_MODEL_PATH);
      double faultRate = doubleFlag(flags, "--fault-rate").orElse(settings.map(s -> s.faultRate().orElse(0)).orElse(0.0));
      if (!(faultRate >= 0 && faultRate <= 1)) {
        throw new UsageException("--fault-rate must be between 0 and 1, was " + faultRate);
      }
      workload = workload.withFaultRate(faultRate);
      Optional<Integer> concurrency = intFlag(flags, "--concurrency", 1, 256)
          .or(() -> settings.flatMap(s -> s.concurrency().isPresent() ? Optional.of(s.concurrency().getAsInt()) : Optional.empty()));
      if (concurrency.isPresent()) {
        workload = workload.withConcurrency(concurrency.get());
      }
      Optional<Double> rate = doubleFlag(flags, "--tokens-per-second")
          .or(() -> settings.flatMap(s -> s.tokensPerSecond().isPresent() ? Optional.of(s.tokensPerSecond().getAsDouble()) : Optional.empty()));
      if (rate.isPresent()) {
        if (!(rate.get() > 0) || rate.get().isInfinite()) {
          throw new UsageException("--tokens-per-second must be a positive number, was " + rate.get());
        }
        workload = workload.withTokensPerSecond(rate.get());
      }
      Optional<Long> seed = longFlag(flags, "--seed", Long.MIN_VALUE, Long.MAX_VALUE)
          .or(() -> settings.flatMap(s -> s.seed().isPresent() ? Optional.of(s.seed().getAsLong()) : Optional.empty()));
      if (seed.isPresent()) {
        workload = workload.withSeed(seed.get());
      }
      options = options.withDemo(workload);
    }
    return options;
  }

  /** Reads and strictly validates the config file. */
  static EngineConfig readConfig(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UsageException("config file " + file + " does not exist");
    } catch (IOException e) {
      throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
    }
    Map<String, Object> object;
    try {
      object = JSON.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new UsageException("config file " + file + " is not a JSON object: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr() + ")"));
    }
    if (object == null) {
      throw new UsageException("config file " + file + " holds null, not a JSON object");
    }
    ParseResult<EngineConfig> result = EngineConfigValidator.INSTANCE.parse(object);
    if (result instanceof ParseResult.Valid<EngineConfig> valid) {
      return valid.value();
    }
    StringBuilder message = new StringBuilder("config file " + file + " is invalid:");
    result.violations().forEach(v -> message.append("\n  ").append(v));
    throw new UsageException(message.toString());
  }

  private static String readToken(Path file) {
    try {
      String token = Files.readString(file).strip();
      if (token.isEmpty()) {
        throw new UsageException("token file " + file + " is empty");
      }
      return token;
    } catch (IOException e) {
      throw new UsageException("cannot read token file " + file + ": " + e.getMessage());
    }
  }

  private static Optional<String> flag(Map<String, List<String>> flags, String name) {
    return flags.containsKey(name) ? Optional.of(flags.get(name).get(0)) : Optional.empty();
  }

  private static Optional<Integer> intFlag(Map<String, List<String>> flags, String name, int min, int max) {
    return longFlag(flags, name, min, max).map(Long::intValue);
  }

  private static Optional<Long> longFlag(Map<String, List<String>> flags, String name, long min, long max) {
    Optional<String> value = flag(flags, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    long number;
    try {
      number = Long.parseLong(value.get().trim());
    } catch (NumberFormatException e) {
      throw new UsageException("option " + name + " needs a whole number, was '" + value.get() + "'");
    }
    if (number < min || number > max) {
      throw new UsageException("option " + name + " must be between " + min + " and " + max + ", was " + number);
    }
    return Optional.of(number);
  }

  private static Optional<Double> doubleFlag(Map<String, List<String>> flags, String name) {
    Optional<String> value = flag(flags, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(value.get().trim()));
    } catch (NumberFormatException e) {
      throw new UsageException("option " + name + " needs a number, was '" + value.get() + "'");
    }
  }

  /** A bad command line; the message names the problem. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
