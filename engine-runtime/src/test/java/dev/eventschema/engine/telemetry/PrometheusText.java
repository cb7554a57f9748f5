package dev.eventschema.engine.telemetry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples of a Prometheus text exposition, to assert on by metric name and labels. */
final class PrometheusText {

  private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples = new ArrayList<>();
  private final String text;

  PrometheusText(String text) {
    this.text = text;
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.matches()) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (sample.group(2) != null) {
        Matcher label = LABEL.matcher(sample.group(2));
        while (label.find()) {
          labels.put(label.group(1), label.group(2));
        }
      }
      samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
    }
  }

  String text() {
    return text;
  }

  /** The value of the one sample named {@code name} whose labels include {@code labels}. */
  OptionalDouble value(String name, Map<String, String> labels) {
    List<Sample> matching = samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
    if (matching.size() > 1) {
      throw new AssertionError("more than one sample " + name + labels + ": " + matching);
    }
    return matching.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(matching.get(0).value());
  }

  OptionalDouble value(String name) {
    return value(name, Map.of());
  }

  /** Whether any sample has this name. */
  boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  List<Sample> samples() {
    return samples;
  }
}
