package dev.eventschema.monitor;

import dev.eventschema.monitor.client.EngineAddress;
import dev.eventschema.monitor.fleet.ClientConfigFile;
import dev.eventschema.monitor.fleet.FleetSource;
import dev.eventschema.monitor.model.EventLog;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: no arguments starts an embedded demo engine; {@code --connect URL [--token T]}
 * (repeatable) attaches to running engines; {@code --kafka HOST:PORT --topic T} follows the engines
 * that publish to a Kafka topic.
 *
 * @param kafka the fleet to follow through Kafka, or {@code null}
 * @param demoFaultRate the fault rate of the embedded demo engine
 */
public record Options(List<Target> connect, FleetSource kafka, int bufferCapacity, double demoFaultRate,
    boolean help) {

  /** One engine to attach to. */
  public record Target(URI uri, String token) {}

  public static final double DEFAULT_FAULT_RATE = 0.02;

  public static final String USAGE = """
      Usage: monitor-app [--connect URL [--token TOKEN]]... [--kafka HOST:PORT --topic T [--from WHEN]
                         [--kafka-config FILE]] [--buffer N] [--fault-rate R]

        (no --connect or --kafka)  start an embedded engine running the demo workload and show it
        --connect URL        attach to a running engine (engine-runtime serve or demo), such as
                             http://127.0.0.1:8080/ ; repeat to watch several engines
        --token TOKEN        the bearer token of the engine named by the preceding --connect
        --kafka HOST:PORT    follow every engine that publishes to a Kafka topic (the engines'
                             --kafka-bootstrap); several brokers separated by commas
        --topic T            the topic the engines publish their events to (their --kafka-topic)
        --rejections-topic T the topic of their rejections (default: the topic + ".rejections")
        --from WHEN          latest (the default: what is published from now on), or an ISO-8601
                             time with its zone to replay from, such as 2026-11-30T07:00:00Z
        --kafka-config FILE  the Kafka client's security settings (TLS, SASL): a properties file of
                             security.protocol, sasl.* and ssl.* properties
        --buffer N           events kept per engine, oldest dropped first (default 20000)
        --fault-rate R       fraction of malformed payloads of the embedded demo (default 0.02)
        --help               print this text
      """;

  /** Parses the arguments; throws {@link IllegalArgumentException} with a message for people. */
  public static Options parse(List<String> args) {
    List<Target> targets = new ArrayList<>();
    String bootstrap = null;
    String topic = null;
    String rejectionsTopic = null;
    String from = null;
    String kafkaConfig = null;
    int buffer = EventLog.DEFAULT_CAPACITY;
    double faultRate = DEFAULT_FAULT_RATE;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--connect" -> {
          String url = value(args, ++i, arg);
          String problem = EngineAddress.check(url);
          if (problem != null) {
            throw new IllegalArgumentException("--connect " + url + ": " + problem);
          }
          targets.add(new Target(EngineAddress.parse(url), null));
        }
        case "--token" -> {
          String token = value(args, ++i, arg);
          if (targets.isEmpty()) {
            throw new IllegalArgumentException("--token must follow the --connect URL it belongs to");
          }
          Target last = targets.remove(targets.size() - 1);
          targets.add(new Target(last.uri(), token));
        }
        case "--kafka" -> {
          String v = value(args, ++i, arg);
          bootstrap = checked(arg, v, FleetSource.checkBootstrap(v));
        }
        case "--topic" -> {
          String v = value(args, ++i, arg);
          topic = checked(arg, v, FleetSource.checkTopic(v));
        }
        case "--rejections-topic" -> {
          String v = value(args, ++i, arg);
          rejectionsTopic = checked(arg, v, FleetSource.checkTopic(v));
        }
        case "--from" -> from = value(args, ++i, arg);
        case "--kafka-config" -> kafkaConfig = value(args, ++i, arg);
        case "--buffer" -> {
          String n = value(args, ++i, arg);
          try {
            buffer = Integer.parseInt(n);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--buffer needs a whole number, was '" + n + "'");
          }
          if (buffer < 100 || buffer > 5_000_000) {
            throw new IllegalArgumentException("--buffer must be between 100 and 5000000, was " + buffer);
          }
        }
        case "--fault-rate" -> {
          String r = value(args, ++i, arg);
          try {
            faultRate = Double.parseDouble(r);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--fault-rate needs a number between 0 and 1, was '" + r + "'");
          }
          if (!(faultRate >= 0 && faultRate <= 1)) {
            throw new IllegalArgumentException("--fault-rate must be between 0 and 1, was " + r);
          }
        }
        case "--help", "-h" -> help = true;
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
      }
    }
    FleetSource fleet = fleet(bootstrap, topic, rejectionsTopic, from, kafkaConfig != null);
    if (kafkaConfig != null) {
      fleet = fleet.withClient(ClientConfigFile.read("--kafka-config", Path.of(kafkaConfig)));
    }
    return new Options(List.copyOf(targets), fleet, buffer, faultRate, help);
  }

  private static FleetSource fleet(String bootstrap, String topic, String rejectionsTopic, String from,
      boolean kafkaConfig) {
    if (bootstrap == null) {
      String orphan = topic != null ? "--topic" : rejectionsTopic != null ? "--rejections-topic"
          : from != null ? "--from" : kafkaConfig ? "--kafka-config" : null;
      if (orphan != null) {
        throw new IllegalArgumentException(orphan + " needs --kafka HOST:PORT");
      }
      return null;
    }
    if (topic == null) {
      throw new IllegalArgumentException("--kafka needs --topic, the topic the engines publish to");
    }
    Instant start;
    try {
      start = from == null ? null : FleetSource.parseFrom(from);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--from: " + e.getMessage(), e);
    }
    FleetSource source = FleetSource.latest(bootstrap, topic).from(start);
    if (rejectionsTopic != null) {
      source = new FleetSource(bootstrap, topic, rejectionsTopic, start);
    } else if (FleetSource.checkTopic(source.rejectionsTopic()) != null) {
      throw new IllegalArgumentException("--topic " + topic + " is too long to add '" + FleetSource.REJECTIONS_SUFFIX
          + "': name the rejections topic with --rejections-topic");
    }
    if (source.rejectionsTopic().equals(topic)) {
      throw new IllegalArgumentException("--rejections-topic must differ from --topic, both were '" + topic + "'");
    }
    return source;
  }

  /** {@code value}, or an error naming the flag, the rule and the value when {@code problem} says one. */
  private static String checked(String flag, String value, String problem) {
    if (problem != null) {
      throw new IllegalArgumentException(flag + ": " + problem);
    }
    return value;
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(i);
  }
}
