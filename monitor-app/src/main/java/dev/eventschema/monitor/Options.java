package dev.eventschema.monitor;

import dev.eventschema.monitor.client.EngineAddress;
import dev.eventschema.monitor.model.EventLog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: no arguments starts an embedded demo engine; {@code --connect URL [--token T]}
 * (repeatable) attaches to running engines.
 *
 * @param demoFaultRate the fault rate of the embedded demo engine
 */
public record Options(List<Target> connect, int bufferCapacity, double demoFaultRate, boolean help) {

  /** One engine to attach to. */
  public record Target(URI uri, String token) {}

  public static final double DEFAULT_FAULT_RATE = 0.02;

  public static final String USAGE = """
      Usage: monitor-app [--connect URL [--token TOKEN]]... [--buffer N] [--fault-rate R]

        (no --connect)       start an embedded engine running the demo workload and show it
        --connect URL        attach to a running engine (engine-runtime serve or demo), such as
                             http://127.0.0.1:8080/ ; repeat to watch several engines
        --token TOKEN        the bearer token of the engine named by the preceding --connect
        --buffer N           events kept per engine, oldest dropped first (default 20000)
        --fault-rate R       fraction of malformed payloads of the embedded demo (default 0.02)
        --help               print this text
      """;

  /** Parses the arguments; throws {@link IllegalArgumentException} with a message for people. */
  public static Options parse(List<String> args) {
    List<Target> targets = new ArrayList<>();
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
    return new Options(List.copyOf(targets), buffer, faultRate, help);
  }

  private static String value(List<String> args, int i, String flag) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args.get(i);
  }
}
