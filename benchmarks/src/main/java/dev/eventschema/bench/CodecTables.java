package dev.eventschema.bench;

import java.util.List;

/** The tables and targets of {@link CodecBenchmark} and of the emit path to SSE bytes (issue 12), for {@link ResultsTable}. */
final class CodecTables {

  private static final List<String> EVENTS = List.of("token", "completed", "telemetry");

  private final ResultsTable results;

  CodecTables(ResultsTable results) {
    this.results = results;
  }

  void tables() {
    if (results.get("CodecBenchmark.token_parse_codec") == null) {
      return;
    }
    List<String> out = results.out;
    out.add("### 7. Parse bytes into a value (`CodecBenchmark`, ns/op; B/op below each)");
    out.add("");
    out.add("| event | codec (strict, validated) | Jackson + HV | Jackson → record, no validation | DSL-JSON | avaje-jsonb | codec, 3 violations |");
    out.add("|---|---:|---:|---:|---:|---:|---:|");
    for (String event : EVENTS) {
      String[] names = {"parse_codec", "parse_jacksonHibernate", "parse_jacksonRecord", "parse_dslJson",
          "parse_avajeJsonb", "parseInvalid_codec"};
      out.add(row(event, names, true));
      out.add(row(event, names, false));
    }
    out.add("");
    out.add("### 8. Write a value to bytes (`CodecBenchmark`, ns/op; B/op below each)");
    out.add("");
    out.add("| event | codec | Jackson databind | DSL-JSON | avaje-jsonb |");
    out.add("|---|---:|---:|---:|---:|");
    for (String event : EVENTS) {
      String[] names = {"write_codec", "write_jackson", "write_dslJson", "write_avajeJsonb"};
      out.add(row(event, names, true));
      out.add(row(event, names, false));
    }
    out.add("");
    ResultsTable.Score validating = results.get("EmitBenchmark.validating_builtEventToSse");
    ResultsTable.Score baseline = results.get("EmitBenchmark.noValidation_builtEventToSse");
    if (validating != null) {
      out.add("### 9. Emit a built token event to SSE bytes (`EmitBenchmark.*_builtEventToSse`, ns/op)");
      out.add("");
      out.add("| validating | no validation | validating / no validation | B/op validating | B/op no validation |");
      out.add("|---:|---:|---:|---:|---:|");
      out.add(ResultsTable.row(ResultsTable.cell(validating), ResultsTable.cell(baseline),
          ResultsTable.ratio(validating, baseline), results.bytes("EmitBenchmark.validating_builtEventToSse"),
          results.bytes("EmitBenchmark.noValidation_builtEventToSse")));
      out.add("");
    }
  }

  void targets() {
    if (results.get("CodecBenchmark.token_parse_codec") == null) {
      return;
    }
    results.out.add("| **issue 12** | | |");
    for (String event : EVENTS) {
      ResultsTable.Score codec = score(event, "parse_codec");
      results.target(event + ": parse >= 5x faster than Jackson + HV", score(event, "parse_jacksonHibernate"), codec,
          r -> r >= 5);
      results.target(event + ": parse >= 1.3x faster than Jackson → record", score(event, "parse_jacksonRecord"), codec,
          r -> r >= 1.3);
      results.target(event + ": parse within 1.2x of DSL-JSON", codec, score(event, "parse_dslJson"), r -> r <= 1.2);
      results.target(event + ": 3 violations within 2x of the valid parse", score(event, "parseInvalid_codec"), codec,
          r -> r <= 2);
      ResultsTable.Score write = score(event, "write_codec");
      results.target(event + ": write faster than Jackson", score(event, "write_jackson"), write, r -> r > 1);
      results.target(event + ": write within 1.2x of DSL-JSON", write, score(event, "write_dslJson"), r -> r <= 1.2);
    }
    results.target("emit (builtEvent) to SSE bytes: validation adds <= 15%",
        results.get("EmitBenchmark.validating_builtEventToSse"),
        results.get("EmitBenchmark.noValidation_builtEventToSse"), r -> r <= 1.15);
  }

  private ResultsTable.Score score(String event, String name) {
    return results.get("CodecBenchmark." + event + "_" + name);
  }

  /** One row of scores ({@code time}) or, under it, of bytes per operation. */
  private String row(String event, String[] names, boolean time) {
    StringBuilder row = new StringBuilder("| ").append(time ? event : "");
    for (String name : names) {
      String key = "CodecBenchmark." + event + "_" + name;
      row.append(" | ").append(time ? ResultsTable.cell(results.get(key)) : results.bytes(key) + " B");
    }
    return row.append(" |").toString();
  }
}
