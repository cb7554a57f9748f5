package dev.eventschema.engine.cli;

import dev.eventschema.support.DidYouMean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line's arguments: the command, then options as {@code --name value} or {@code
 * --name=value}. Each option's text becomes the JSON value it stands for ({@link Flag#toJson}); the
 * rules on those values are the config schema's, checked later on the merged config.
 */
final class CommandLine {

  static final List<String> COMMANDS = List.of("serve", "demo", "help");

  private static final int HELP_COLUMN = 30;

  private CommandLine() {}

  /**
   * What was asked for.
   *
   * @param command {@code serve}, {@code demo} or {@code help}
   * @param configFile the {@code --config} file, as given
   * @param values every other option with its JSON value, in the order given
   */
  record Invocation(String command, Optional<Path> configFile, List<FlagValue> values) {

    boolean help() {
      return command.equals("help");
    }

    boolean demo() {
      return command.equals("demo");
    }
  }

  /** One option as given, with the JSON value it stands for. */
  record FlagValue(Flag flag, Object json) {}

  /**
   * Parses {@code args}.
   *
   * @throws UsageException naming the command or option at fault
   * @throws dev.eventschema.engine.error.EngineException when a {@code --token-file} cannot be read
   */
  static Invocation parse(String[] args) {
    if (args.length == 0) {
      throw new UsageException("a command is required: serve, demo or help");
    }
    String command = args[0];
    if (command.equals("help") || command.equals("--help") || command.equals("-h")) {
      return new Invocation("help", Optional.empty(), List.of());
    }
    if (!command.equals("serve") && !command.equals("demo")) {
      String suggestion = DidYouMean.closest(command, COMMANDS);
      throw new UsageException("unknown command '" + command + "'"
          + (suggestion == null ? "; the commands are serve, demo and help" : "; did you mean '" + suggestion + "'?"));
    }
    Optional<Path> configFile = Optional.empty();
    List<FlagValue> values = new ArrayList<>();
    Set<Flag> seen = EnumSet.noneOf(Flag.class);
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        return new Invocation("help", Optional.empty(), List.of());
      }
      int equals = arg.indexOf('=');
      String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
      String value = arg.startsWith("--") && equals > 0 ? arg.substring(equals + 1) : null;
      Flag flag = flagNamed(name, arg);
      if (flag.demoOnly() && !command.equals("demo")) {
        throw new UsageException("option " + name + " belongs to the demo command");
      }
      if (!flag.repeatable() && !seen.add(flag)) {
        throw new UsageException("option " + name + " given twice");
      }
      if (!flag.takesValue()) {
        if (value != null) {
          throw new UsageException("option " + name + " takes no value");
        }
      } else if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException("option " + name + " needs a value");
        }
        value = args[++i];
      }
      if (flag == Flag.CONFIG) {
        configFile = Optional.of(Path.of(value));
      } else {
        values.add(new FlagValue(flag, flag.toJson(value)));
      }
    }
    if (seen.contains(Flag.TOKEN) && seen.contains(Flag.TOKEN_FILE)) {
      throw new UsageException("give --token or --token-file, not both");
    }
    return new Invocation(command, configFile, List.copyOf(values));
  }

  private static Flag flagNamed(String name, String arg) {
    for (Flag flag : Flag.values()) {
      if (flag.flagName().equals(name)) {
        return flag;
      }
    }
    if (!arg.startsWith("-")) {
      throw new UsageException("unexpected argument '" + arg + "'");
    }
    List<String> known = new ArrayList<>();
    for (Flag flag : Flag.values()) {
      known.add(flag.flagName());
    }
    known.add("--help");
    String suggestion = DidYouMean.closest(name, known);
    throw new UsageException("unknown option '" + name + "'" + (suggestion == null ? "" : "; did you mean '"
        + suggestion + "'?"));
  }

  /** The text of {@code engine-runtime help}, from the table of flags. */
  static String usage() {
    StringBuilder text = new StringBuilder("""
        Usage: engine-runtime <command> [options]

        Commands:
          serve    run the engine: the live event stream (SSE) and Prometheus /metrics
          demo     serve, plus a steady workload on the embedded model
          help     show this text

        Options (flags override the config file; the config schema checks both):
        """);
    for (Flag flag : Flag.values()) {
      if (flag == Flag.FAULT_RATE) {
        text.append("Demo only:\n");
      }
      String left = "  " + flag.flagName() + (flag.valueName() == null ? "" : " " + flag.valueName());
      String[] lines = flag.help().split("\n");
      if (left.length() >= HELP_COLUMN) {
        text.append(left).append('\n').append(" ".repeat(HELP_COLUMN));
      } else {
        text.append(left).append(" ".repeat(HELP_COLUMN - left.length()));
      }
      text.append(lines[0]).append('\n');
      for (int i = 1; i < lines.length; i++) {
        text.append(" ".repeat(HELP_COLUMN)).append(lines[i]).append('\n');
      }
    }
    return text.append("""

        Endpoints: GET /events (text/event-stream), GET /rejections, GET /health; /metrics on its own port.
        """).toString();
  }

  /** A bad command line; the message names the problem. */
  static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }
}
