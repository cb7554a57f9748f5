package dev.eventschema.engine.cli;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.ConfigFile;
import dev.eventschema.engine.config.DemoSettings;
import dev.eventschema.engine.config.KafkaSettings;
import dev.eventschema.engine.config.OtlpSettings;
import dev.eventschema.engine.config.StreamSettings;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.engine.core.Engine;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The command line's options. Each one writes one place of the JSON config ({@link #pointer()}, a
 * JSON Pointer), as the JSON type found there; the merged config is then validated as a whole by the
 * generated validator, so no range is written here. Only {@code --config} names no place: it names
 * the file the others are merged into.
 */
enum Flag {
  CONFIG("--config", "FILE", null, Kind.TEXT,
      "JSON config file: id and sections telemetry, stream, engine, models, demo,\napi, otlp, kafka"),
  ENGINE_ID("--engine-id", "ID", "/id", Kind.TEXT,
      "this engine's id where engines meet, such as the source of its CloudEvents\n(default: the host name)"),
  HOST("--host", "ADDRESS", "/stream/host", Kind.TEXT, "stream address (default " + StreamSettings.DEFAULT_HOST + ")"),
  PORT("--port", "N", "/stream/port", Kind.WHOLE_NUMBER,
      "stream port, 0 for any free port (default " + StreamSettings.DEFAULT_PORT + ")"),
  TOKEN("--token", "TOKEN", "/stream/token", Kind.TEXT,
      "require 'Authorization: Bearer TOKEN' on every endpoint (16+ chars)"),
  TOKEN_FILE("--token-file", "FILE", "/stream/token", Kind.TOKEN_FILE,
      "the same, read from a file (keeps it out of the process list)"),
  ALLOW_REMOTE("--allow-remote-without-token", null, "/stream/allowRemoteWithoutToken", Kind.SET_TRUE,
      "serve a non-loopback --host without a token (not advised)"),
  HISTORY("--history", "N", "/stream/historySize", Kind.WHOLE_NUMBER,
      "messages kept for Last-Event-ID replay (default " + StreamSettings.DEFAULT_HISTORY_SIZE + ")"),
  CLIENT_QUEUE("--client-queue", "N", "/stream/clientQueue", Kind.WHOLE_NUMBER,
      "messages one client may have waiting before it misses some (default " + StreamSettings.DEFAULT_CLIENT_QUEUE + ")"),
  MAX_CLIENTS("--max-clients", "N", "/stream/maxClients", Kind.WHOLE_NUMBER,
      "streams served at once (default " + StreamSettings.DEFAULT_MAX_CLIENTS + ")"),
  HEARTBEAT_MS("--heartbeat-ms", "N", "/stream/heartbeatMs", Kind.WHOLE_NUMBER,
      "heartbeat comment after this much silence (default " + StreamSettings.DEFAULT_HEARTBEAT_MS + ")"),
  PROMETHEUS_PORT("--prometheus-port", "N", "/telemetry/prometheusPort", Kind.WHOLE_NUMBER,
      "/metrics port (default " + TelemetryConfig.DEFAULT_PROMETHEUS_PORT + ")"),
  EXPORT_INTERVAL_MS("--export-interval-ms", "N", "/telemetry/exportIntervalMs", Kind.WHOLE_NUMBER,
      "telemetry snapshot period (default " + TelemetryConfig.DEFAULT_EXPORT_INTERVAL_MS + ")"),
  SERVICE_NAME("--service-name", "NAME", "/telemetry/serviceName", Kind.TEXT, "service.name tag of every meter"),
  NO_TELEMETRY("--no-telemetry", null, "/telemetry/enabled", Kind.SET_FALSE, "no /metrics and no telemetry snapshots"),
  OTLP_ENDPOINT("--otlp-endpoint", "URL", "/otlp/endpoint", Kind.TEXT,
      "also push meters and events (as log records) to this OTLP/HTTP\ncollector, such as http://127.0.0.1:4318"),
  OTLP_INTERVAL_MS("--otlp-interval-ms", "N", "/otlp/intervalMs", Kind.WHOLE_NUMBER,
      "OTLP meter push period (default " + OtlpSettings.DEFAULT_INTERVAL_MS + ")"),
  OTLP_HEADER("--otlp-header", "NAME=VALUE", "/otlp/headers", Kind.HEADER,
      "a header of every OTLP export, such as an API key; repeatable\n(secrets: prefer the config file)"),
  NO_API("--no-api", null, "/api/enabled", Kind.SET_FALSE, "no OpenAI-compatible /v1/... API"),
  NO_ADMIN("--no-admin", null, "/api/adminEnabled", Kind.SET_FALSE, "no model administration (/admin/models)"),
  KAFKA_BOOTSTRAP("--kafka-bootstrap", "HOST:PORT", "/kafka/bootstrap", Kind.TEXT,
      "publish every accepted event to Kafka as a CloudEvent (with --kafka-topic)"),
  KAFKA_TOPIC("--kafka-topic", "T", "/kafka/topic", Kind.TEXT, "the topic of the events"),
  KAFKA_REJECTIONS_TOPIC("--kafka-rejections-topic", "T", "/kafka/rejectionsTopic", Kind.TEXT,
      "the topic of the rejections (default: the events topic + .rejections)"),
  KAFKA_BUFFER("--kafka-buffer", "N", "/kafka/bufferSize", Kind.WHOLE_NUMBER,
      "messages held for the producer before the sink drops and counts (default "
          + KafkaSettings.DEFAULT_BUFFER_SIZE + ")"),
  MODEL("--model", "ID=PATH", "/models", Kind.MODEL,
      "load a model (a UTF-8 text file, or classpath:...; with --runtime, a path\nthe runtime reads);"
          + " repeatable; default: " + EmbeddedEngine.DEFAULT_MODEL_ID + "=" + EmbeddedEngine.DEFAULT_MODEL_PATH
          + "\n(none with --runtime)"),
  MAX_CONCURRENT("--max-concurrent", "N", "/engine/maxConcurrent", Kind.WHOLE_NUMBER,
      "generations running at once (default " + Engine.DEFAULT_MAX_CONCURRENT + ")"),
  MAX_WAITING("--max-waiting", "N", "/engine/maxWaiting", Kind.WHOLE_NUMBER,
      "generations waiting beyond those (default " + Engine.DEFAULT_MAX_WAITING + ")"),
  RUNTIME("--runtime", "\"PROGRAM ARGS\"", "/engine/runtime/command", Kind.COMMAND_LINE,
      "serve the models from an external runtime process (JSON-RPC over\nstdin/stdout; split on spaces)"
          + " instead of the embedded n-gram model"),
  FAULT_RATE("--fault-rate", "F", "/demo/faultRate", Kind.NUMBER,
      "fraction 0..1 of events followed by a malformed copy (default 0)"),
  CONCURRENCY("--concurrency", "N", "/demo/concurrency", Kind.WHOLE_NUMBER,
      "generation loops (default " + DemoSettings.DEFAULT_CONCURRENCY + ")"),
  TOKENS_PER_SECOND("--tokens-per-second", "R", "/demo/tokensPerSecond", Kind.NUMBER,
      "pace of each generation (default " + (long) DemoSettings.DEFAULT_TOKENS_PER_SECOND + ")"),
  SEED("--seed", "N", "/demo/seed", Kind.WHOLE_NUMBER,
      "seed of the workload's choices (default " + DemoSettings.DEFAULT_SEED + ")");

  /** The largest token file read: a token has at most 512 characters. */
  static final int MAX_TOKEN_FILE_BYTES = 4096;

  private static final Pattern WHOLE = Pattern.compile("-?[0-9]+");
  /** A JSON number: no hex, no {@code NaN}, no {@code 1d} that {@link Double#parseDouble} would take. */
  private static final Pattern JSON_NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

  private final String flagName;
  private final String valueName;
  private final String pointer;
  private final Kind kind;
  private final String help;

  Flag(String flagName, String valueName, String pointer, Kind kind, String help) {
    this.flagName = flagName;
    this.valueName = valueName;
    this.pointer = pointer;
    this.kind = kind;
    this.help = help;
  }

  /** What the user types, such as {@code --port}. */
  String flagName() {
    return flagName;
  }

  /** The value's placeholder in the help, such as {@code N}; {@code null} for a switch. */
  String valueName() {
    return valueName;
  }

  /** Where in the config the value goes, such as {@code /stream/port}; {@code null} for {@code --config}. */
  String pointer() {
    return pointer;
  }

  String help() {
    return help;
  }

  boolean takesValue() {
    return kind != Kind.SET_TRUE && kind != Kind.SET_FALSE;
  }

  boolean repeatable() {
    return kind == Kind.MODEL || kind == Kind.HEADER;
  }

  /** Whether the value is one entry ({@code {name: value}}) of the object at {@link #pointer()}. */
  boolean mapEntry() {
    return kind == Kind.HEADER;
  }

  boolean demoOnly() {
    return pointer != null && pointer.startsWith("/demo/");
  }

  /**
   * The JSON value that {@code raw} stands for at {@link #pointer()}.
   *
   * @param raw the text after the flag; {@code null} for a switch
   * @throws CommandLine.UsageException naming the flag when {@code raw} is not of the right JSON type
   */
  Object toJson(String raw) {
    return switch (kind) {
      case SET_TRUE -> true;
      case SET_FALSE -> false;
      case TEXT -> raw;
      case WHOLE_NUMBER -> {
        if (!WHOLE.matcher(raw.strip()).matches()) {
          throw invalid("needs a whole number", raw);
        }
        yield wholeNumber(raw.strip());
      }
      case NUMBER -> {
        String number = raw.strip();
        if (!JSON_NUMBER.matcher(number).matches()) {
          throw invalid("needs a number", raw);
        }
        yield Double.parseDouble(number);
      }
      case MODEL -> {
        int equals = raw.indexOf('=');
        if (equals <= 0 || equals == raw.length() - 1) {
          throw invalid("needs ID=PATH", raw);
        }
        yield Map.of("id", raw.substring(0, equals), "path", raw.substring(equals + 1));
      }
      case HEADER -> {
        int equals = raw.indexOf('=');
        if (equals <= 0) {
          // not echoed: a header is often a credential (and "Authorization: Bearer ..." a common slip)
          throw new CommandLine.UsageException(flagName + ": needs NAME=VALUE, with '=' after the name"
              + " (the text given is not shown, as it may be a secret)");
        }
        yield Map.of(raw.substring(0, equals).strip(), raw.substring(equals + 1).strip());
      }
      case COMMAND_LINE -> {
        if (raw.isBlank()) {
          throw invalid("needs a program to run", raw);
        }
        yield List.of(raw.strip().split("\\s+"));
      }
      case TOKEN_FILE -> {
        String token = ConfigFile.readText(Path.of(raw), MAX_TOKEN_FILE_BYTES, "token file").strip();
        if (token.isEmpty()) {
          throw new CommandLine.UsageException(flagName + ": token file " + raw + " is empty");
        }
        yield token;
      }
    };
  }

  /** A long when it fits; else a BigInteger, which the validator reports as out of range with its value. */
  private static Number wholeNumber(String digits) {
    BigInteger value = new BigInteger(digits);
    return value.bitLength() < 64 ? (Number) value.longValue() : value;
  }

  private CommandLine.UsageException invalid(String rule, String raw) {
    return new CommandLine.UsageException(flagName + ": " + rule + ", was '" + raw + "'");
  }

  /** How a flag's text becomes a JSON value. */
  private enum Kind {
    /** A switch that writes {@code true}. */
    SET_TRUE,
    /** A switch that writes {@code false}. */
    SET_FALSE,
    /** A string, as given. */
    TEXT,
    /** An integral number, for {@code int} and {@code long} fields (their range is the schema's). */
    WHOLE_NUMBER,
    /** A JSON number. */
    NUMBER,
    /** {@code ID=PATH}: one object of the {@code models} list. */
    MODEL,
    /** {@code NAME=VALUE}: one entry of an object of strings, such as the OTLP headers. */
    HEADER,
    /** {@code "PROGRAM ARGS"}: a list of strings, split on white space. */
    COMMAND_LINE,
    /** A file whose stripped text is the value. */
    TOKEN_FILE
  }
}
