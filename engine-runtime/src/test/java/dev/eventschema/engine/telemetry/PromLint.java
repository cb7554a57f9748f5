package dev.eventschema.engine.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of {@code promtool check metrics} (Prometheus's promlint), checked in the JVM so that the
 * test runs where promtool is not installed: help present, counters end in {@code _total}, no
 * {@code _count}/{@code _sum}/{@code _bucket} suffix outside histograms and summaries, no abbreviated
 * or non-base units, no metric type in the name, snake_case, no colon.
 */
final class PromLint {

  private static final Set<String> ABBREVIATIONS = Set.of("s", "ms", "us", "ns", "sec", "b", "kb", "mb", "gb", "tb",
      "pb", "m", "h", "d");
  private static final Map<String, String> NON_BASE_UNITS = Map.ofEntries(
      Map.entry("milliseconds", "seconds"), Map.entry("microseconds", "seconds"), Map.entry("nanoseconds", "seconds"),
      Map.entry("minutes", "seconds"), Map.entry("hours", "seconds"), Map.entry("days", "seconds"),
      Map.entry("weeks", "seconds"), Map.entry("years", "seconds"), Map.entry("millis", "seconds"),
      Map.entry("kilobytes", "bytes"), Map.entry("megabytes", "bytes"), Map.entry("gigabytes", "bytes"),
      Map.entry("terabytes", "bytes"), Map.entry("petabytes", "bytes"), Map.entry("celsius", "celsius"),
      Map.entry("fahrenheit", "celsius"), Map.entry("volt", "volts"), Map.entry("amperes", "amperes"),
      Map.entry("meters", "meters"), Map.entry("metres", "meters"), Map.entry("kilometers", "meters"));
  private static final Pattern CAMEL = Pattern.compile("[a-z][A-Z]");
  private static final Pattern TYPE_LINE = Pattern.compile("# TYPE (\\S+) (\\S+)");
  private static final Pattern HELP_LINE = Pattern.compile("# HELP (\\S+) ?(.*)");

  private PromLint() {}

  /** The problems found, as {@code name: problem}; empty when clean. */
  static List<String> check(String exposition) {
    Map<String, String> types = new LinkedHashMap<>();
    Map<String, String> help = new LinkedHashMap<>();
    for (String line : exposition.split("\n")) {
      var type = TYPE_LINE.matcher(line);
      if (type.matches()) {
        types.put(type.group(1), type.group(2));
      }
      var helpLine = HELP_LINE.matcher(line);
      if (helpLine.matches()) {
        help.put(helpLine.group(1), helpLine.group(2));
      }
    }
    List<String> problems = new ArrayList<>();
    types.forEach((name, type) -> {
      if (help.getOrDefault(name, "").isBlank()) {
        problems.add(name + ": no help text");
      }
      if (type.equals("counter") && !name.endsWith("_total")) {
        problems.add(name + ": counter metrics should have \"_total\" suffix");
      }
      if (!type.equals("histogram") && !type.equals("summary")
          && (name.endsWith("_count") || name.endsWith("_sum") || name.endsWith("_bucket"))) {
        problems.add(name + ": non-histogram and non-summary metrics should not have a reserved suffix");
      }
      List<String> parts = List.of(name.split("_"));
      for (String part : parts) {
        if (ABBREVIATIONS.contains(part)) {
          problems.add(name + ": metric names should not contain abbreviated units");
        }
        String base = NON_BASE_UNITS.get(part);
        if (base != null && !base.equals(part)) {
          problems.add(name + ": use base unit \"" + base + "\" instead of \"" + part + "\"");
        }
        if (part.equals(type) && !part.equals("info")) {
          problems.add(name + ": metric name should not include type '" + type + "'");
        }
      }
      if (CAMEL.matcher(name).find()) {
        problems.add(name + ": metric names should be written in 'snake_case' not 'camelCase'");
      }
      if (name.contains(":")) {
        problems.add(name + ": metric names should not contain ':'");
      }
    });
    return problems;
  }
}
