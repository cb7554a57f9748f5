package dev.eventschema.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) of this module's benchmarks into the
 * Markdown tables of RESULTS.md: every score with JMH's 99.9% confidence half-width, bytes per
 * operation when {@code -prof gc} ran, and the ratios of the targets, each computed from
 * the same run with the range the two error bars allow.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.eventschema.bench.ResultsTable results.json</pre>
 */
public final class ResultsTable {

  /** One benchmark result: mean ns/op, its 99.9% half-width, bytes/op (NaN when not measured). */
  record Score(double mean, double error, double bytes) {
    double low() {
      return Math.max(mean - error, 0);
    }

    double high() {
      return mean + error;
    }
  }

  private final Map<String, Score> scores = new LinkedHashMap<>();
  final List<String> out = new ArrayList<>();

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ResultsTable jmh-result.json");
    }
    ResultsTable table = new ResultsTable();
    table.read(Path.of(args[0]));
    table.render();
    table.out.forEach(System.out::println);
  }

  private void read(Path file) throws IOException {
    JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
    for (JsonNode result : root) {
      String name = result.get("benchmark").asText().replace("dev.eventschema.bench.", "");
      JsonNode params = result.get("params");
      String key = name + (params != null && params.has("payload") ? ":" + params.get("payload").asText() : "");
      JsonNode primary = result.get("primaryMetric");
      double bytes = Double.NaN;
      JsonNode secondary = result.get("secondaryMetrics");
      if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
        bytes = secondary.get("gc.alloc.rate.norm").get("score").asDouble();
      }
      double error = primary.get("scoreError").asDouble();
      scores.put(key, new Score(primary.get("score").asDouble(), Double.isNaN(error) ? 0 : error, bytes));
    }
  }

  private void render() {
    validate();
    parse();
    emit();
    proposals();
    new CodecTables(this).tables();
    targets();
  }

  private void proposals() {
    if (get("ProposalsBenchmark.telemetryValidate_today") == null) {
      return;
    }
    out.add("### Prototypes of proposed changes (`ProposalsBenchmark`, same answers as today's code)");
    out.add("");
    out.add("| what | today | prototype | today / prototype | B/op today | B/op prototype |");
    out.add("|---|---:|---:|---:|---:|---:|");
    String[][] pairs = {
        {"TelemetryConfig `validate` (valid): label-name `(?!__)` matched as prefix check + sequence",
            "telemetryValidate_today", "telemetryValidate_lookaheadAsPrefixCheck"},
        {"same, and a faster sequence matcher (two 64-bit masks per class, one greedy pass)",
            "telemetryValidate_today", "telemetryValidate_lookaheadAndFastSequence"},
        {"envelope `time` regex: optional group `(?:\\.\\d{1,9})?` expanded into two sequences",
            "envelopeTime_today", "envelopeTime_optionalGroupExpanded"},
        {"same, and the faster sequence matcher", "envelopeTime_today", "envelopeTime_expandedAndFastSequence"},
        {"did-you-mean for an unknown telemetry key: bounded distance", "didYouMean_today", "didYouMean_bounded"},
        {"token strict parse (valid): JSON → Map → `parse` today vs a streaming reader's floor (Jackson streaming straight into the fields)",
            "tokenParse_today", "tokenParse_streamingFloor"}};
    for (String[] pair : pairs) {
      Score today = get("ProposalsBenchmark." + pair[1]);
      Score prototype = get("ProposalsBenchmark." + pair[2]);
      out.add(row(pair[0], cell(today), cell(prototype), ratio(today, prototype),
          bytes("ProposalsBenchmark." + pair[1]), bytes("ProposalsBenchmark." + pair[2])));
    }
    out.add("");
  }

  private void validate() {
    out.add("### 1. `validate` (ns/op, lower is better; ratios against the generated validator, same run)");
    out.add("");
    out.add("| event | payload | generated | hand-written | Hibernate Validator 9.1 | avaje-validator 2.17 | built value (shortcut) "
        + "| generated / hand-written | HV / generated | avaje / generated |");
    out.add("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String event : List.of("token", "completed", "telemetry")) {
      for (String payload : List.of("valid", "invalid")) {
        Score generated = get("ValidateBenchmark." + event + "_generated:" + payload);
        Score hand = get("ValidateBenchmark." + event + "_handWritten:" + payload);
        Score hibernate = get("ValidateBenchmark." + event + "_hibernate:" + payload);
        Score avaje = get("ValidateBenchmark." + event + "_avaje:" + payload);
        Score built = payload.equals("valid") ? get("ValidateBenchmark." + event + "_generatedBuiltValue:valid") : null;
        out.add(row(event, payload, cell(generated), cell(hand), cell(hibernate), cell(avaje),
            built == null ? "" : cell(built), ratio(generated, hand), ratio(hibernate, generated),
            ratio(avaje, generated)));
      }
    }
    out.add("");
    out.add("**4. Allocation** per `validate` (bytes/op, `-prof gc`):");
    out.add("");
    out.add("| event | payload | generated | hand-written | Hibernate Validator | avaje-validator | built value |");
    out.add("|---|---|---:|---:|---:|---:|---:|");
    for (String event : List.of("token", "completed", "telemetry")) {
      for (String payload : List.of("valid", "invalid")) {
        out.add(row(event, payload, bytes("ValidateBenchmark." + event + "_generated:" + payload),
            bytes("ValidateBenchmark." + event + "_handWritten:" + payload),
            bytes("ValidateBenchmark." + event + "_hibernate:" + payload),
            bytes("ValidateBenchmark." + event + "_avaje:" + payload),
            payload.equals("valid") ? bytes("ValidateBenchmark." + event + "_generatedBuiltValue:valid") : ""));
      }
    }
    out.add("");
  }

  private void parse() {
    out.add("### 2. Strict parse of a JSON text (ns/op; ratios against Jackson → Map + generated `parse`)");
    out.add("");
    out.add("| event | payload | Jackson → Map + generated parse | Jackson databind + HV | Jackson 3 tree + networknt + binding "
        + "| (Jackson → Map alone) | Jackson+HV / generated | networknt / generated |");
    out.add("|---|---|---:|---:|---:|---:|---:|---:|");
    for (String event : List.of("token", "telemetry")) {
      for (String payload : List.of("valid", "invalid", "unknownKey")) {
        Score generated = get("ParseBenchmark." + event + "_generated:" + payload);
        Score hibernate = get("ParseBenchmark." + event + "_jacksonHibernate:" + payload);
        Score networknt = get("ParseBenchmark." + event + "_networknt:" + payload);
        Score mapOnly = get("ParseBenchmark." + event + "_readMapOnly:" + payload);
        out.add(row(event, payload, cell(generated), cell(hibernate), cell(networknt), cell(mapOnly),
            ratio(hibernate, generated), ratio(networknt, generated)));
      }
    }
    out.add("");
  }

  private void emit() {
    out.add("### 3. Token emit path, one synchronous subscriber (ns/op)");
    out.add("");
    out.add("| event | validating emitter | same path, no validation | validating / no validation | B/op validating | B/op no validation |");
    out.add("|---|---:|---:|---:|---:|---:|");
    for (String kind : List.of("builtEvent", "recordEvent")) {
      Score validating = get("EmitBenchmark.validating_" + kind);
      Score baseline = get("EmitBenchmark.noValidation_" + kind);
      out.add(row(kind.equals("builtEvent") ? "built by the generated builder (as the engine does)" : "hand-written record",
          cell(validating), cell(baseline), ratio(validating, baseline), bytes("EmitBenchmark.validating_" + kind),
          bytes("EmitBenchmark.noValidation_" + kind)));
    }
    out.add("");
  }

  private void targets() {
    out.add("### Targets (point estimate; in brackets the range the 99.9% error bars allow)");
    out.add("");
    out.add("| target | measured | met? |");
    out.add("|---|---|---|");
    for (String event : List.of("token", "completed", "telemetry")) {
      Score generated = get("ValidateBenchmark." + event + "_generated:valid");
      Score hand = get("ValidateBenchmark." + event + "_handWritten:valid");
      Score hibernate = get("ValidateBenchmark." + event + "_hibernate:valid");
      Score avaje = get("ValidateBenchmark." + event + "_avaje:valid");
      target(event + " valid: generated within 1.3x of hand-written", generated, hand, r -> r <= 1.3);
      target(event + " valid: >= 20x faster than Hibernate Validator", hibernate, generated, r -> r >= 20);
      target(event + " valid: >= 2x faster than avaje-validator", avaje, generated, r -> r >= 2);
      Score gen = get("ValidateBenchmark." + event + "_generated:valid");
      if (gen != null && !Double.isNaN(gen.bytes())) {
        out.add(row(event + " valid: 0 B/op", String.format(Locale.ROOT, "%.0f B/op", gen.bytes()),
            gen.bytes() < 0.5 ? "met" : "**missed**"));
      }
    }
    for (String event : List.of("token", "telemetry")) {
      for (String payload : List.of("valid", "invalid", "unknownKey")) {
        target(event + " " + payload + ": strict parse >= 3x faster than Jackson + HV",
            get("ParseBenchmark." + event + "_jacksonHibernate:" + payload),
            get("ParseBenchmark." + event + "_generated:" + payload), r -> r >= 3);
      }
    }
    for (String kind : List.of("builtEvent", "recordEvent")) {
      target("emit (" + kind + "): validation adds <= 15%", get("EmitBenchmark.validating_" + kind),
          get("EmitBenchmark.noValidation_" + kind), r -> r <= 1.15);
    }
    new CodecTables(this).targets();
    out.add("");
  }

  void target(String what, Score numerator, Score denominator, java.util.function.DoublePredicate met) {
    if (numerator == null || denominator == null) {
      return;
    }
    double point = numerator.mean() / denominator.mean();
    double low = numerator.low() / denominator.high();
    double high = denominator.low() > 0 ? numerator.high() / denominator.low() : Double.POSITIVE_INFINITY;
    String verdict;
    if (met.test(low) && met.test(high)) {
      verdict = "met";
    } else if (!met.test(low) && !met.test(high)) {
      verdict = "**missed**";
    } else {
      verdict = met.test(point) ? "met (point estimate; error bars overlap the target)"
          : "**missed** (point estimate; error bars overlap the target)";
    }
    out.add(row(what, String.format(Locale.ROOT, "%.2fx [%.2f-%.2f]", point, low, high), verdict));
  }

  Score get(String key) {
    return scores.get(key);
  }

  static String cell(Score score) {
    if (score == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "%s ± %s", number(score.mean()), number(score.error()));
  }

  String bytes(String key) {
    Score score = get(key);
    return score == null || Double.isNaN(score.bytes()) ? "-" : String.format(Locale.ROOT, "%.0f", score.bytes());
  }

  static String ratio(Score numerator, Score denominator) {
    if (numerator == null || denominator == null) {
      return "-";
    }
    double point = numerator.mean() / denominator.mean();
    double low = numerator.low() / denominator.high();
    String high = denominator.low() > 0 ? String.format(Locale.ROOT, "%.2f", numerator.high() / denominator.low()) : "∞";
    return String.format(Locale.ROOT, "%.2fx (%.2f-%s)", point, low, high);
  }

  private static String number(double value) {
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    return String.format(Locale.ROOT, "%.2f", value);
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |";
  }
}
