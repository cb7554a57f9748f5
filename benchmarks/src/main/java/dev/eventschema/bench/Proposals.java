package dev.eventschema.bench;

import dev.eventschema.Violation;
import dev.eventschema.engine.config.TelemetryConfig;
import dev.eventschema.support.Pointer;
import dev.eventschema.support.StringPattern;
import dev.eventschema.support.Violations;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Prototypes of changes proposed for the generated code and the support classes (see RESULTS.md),
 * written here only to measure their expected gain: nothing in the product uses them.
 */
public final class Proposals {

  private Proposals() {}

  // --- 1. StringPattern: a leading negative look-ahead of a literal, "(?!__)" ---

  private static final StringPattern SERVICE_NAME_PATTERN = StringPattern.compile("[A-Za-z0-9_-]+");
  /** "(?!__)[a-zA-Z_][a-zA-Z0-9_]*" = not starting with "__", and the rest as a sequence. */
  private static final String LABELS_KEY_FORBIDDEN_PREFIX = "__";
  private static final StringPattern LABELS_KEY_SEQUENCE = StringPattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  static boolean labelKeyMatches(String key) {
    return !key.startsWith(LABELS_KEY_FORBIDDEN_PREFIX) && LABELS_KEY_SEQUENCE.matches(key);
  }

  /**
   * {@code TelemetryConfigValidator.validate} as generated today, for a non-immutable value, with one
   * change: the label-name pattern is matched as "prefix check + sequence" instead of falling back to
   * {@code java.util.regex}.
   */
  public static List<Violation> validateTelemetry(TelemetryConfig value) {
    return validateTelemetry(value, SERVICE_NAME_TODAY, LABEL_KEY_LOOKAHEAD_AS_PREFIX);
  }

  /** As {@link #validateTelemetry(TelemetryConfig)}, also with the faster sequence matcher below. */
  public static List<Violation> validateTelemetryFast(TelemetryConfig value) {
    return validateTelemetry(value, SERVICE_NAME_FAST_TEST, LABEL_KEY_FAST_TEST);
  }

  // Held in constants: a method reference to an instance method, written in the call, allocates.
  private static final StringTest SERVICE_NAME_TODAY = value -> SERVICE_NAME_PATTERN.matches(value);
  private static final StringTest LABEL_KEY_LOOKAHEAD_AS_PREFIX = Proposals::labelKeyMatches;
  private static final StringTest SERVICE_NAME_FAST_TEST = Proposals::serviceNameMatchesFast;
  private static final StringTest LABEL_KEY_FAST_TEST = Proposals::labelKeyMatchesFast;

  /** A whole-value string test. */
  interface StringTest {
    boolean matches(String value);
  }

  private static List<Violation> validateTelemetry(TelemetryConfig value, StringTest serviceNameTest,
      StringTest labelKeyTest) {
    List<Violation> violations = null;
    Optional<String> serviceName = value.serviceName();
    if (serviceName == null) {
      violations = Violations.add(violations, "/serviceName", Violation.Code.MISSING,
          "must not be null; an absent value is Optional.empty()");
    } else if (serviceName.isPresent()) {
      String present = serviceName.get();
      if (present.length() < 1 || present.length() > 100) {
        violations = Violations.sizeOutOfRange(violations, "/serviceName", 1, 100, present.length(), "characters");
      }
      if (!serviceNameTest.matches(present)) {
        violations = Violations.add(violations, "/serviceName", Violation.Code.INVALID_FORMAT,
            "letters, digits, hyphens and underscores only, was " + Violations.describe(present));
      }
    }
    OptionalInt port = value.prometheusPort();
    if (port == null) {
      violations = Violations.add(violations, "/prometheusPort", Violation.Code.MISSING,
          "must not be null; an absent value is Optional.empty()");
    } else if (port.isPresent()) {
      int present = port.getAsInt();
      if (present < 1024 || present > 65535) {
        violations = Violations.outOfRange(violations, "/prometheusPort", present < 1024,
            "must be between 1024 and 65535", present);
      }
    }
    OptionalLong interval = value.exportIntervalMs();
    if (interval == null) {
      violations = Violations.add(violations, "/exportIntervalMs", Violation.Code.MISSING,
          "must not be null; an absent value is Optional.empty()");
    } else if (interval.isPresent()) {
      long present = interval.getAsLong();
      if (present < 1000 || present > 600000) {
        violations = Violations.outOfRange(violations, "/exportIntervalMs", present < 1000,
            "must be between 1000 and 600000", present);
      }
    }
    Map<String, String> labels = value.labels();
    if (labels == null) {
      violations = Violations.add(violations, "/labels", Violation.Code.MISSING,
          "must not be null; an absent collection is empty");
    } else {
      if (labels.size() > 16) {
        violations = Violations.sizeOutOfRange(violations, "/labels", 0, 16, labels.size(), "entries");
      }
      for (Map.Entry<String, String> entry : labels.entrySet()) {
        String key = entry.getKey();
        String item = entry.getValue();
        if (key == null) {
          violations = Violations.add(violations, "/labels", Violation.Code.INVALID_TYPE, "keys must not be null");
          continue;
        }
        if (!labelKeyTest.matches(key)) {
          violations = Violations.add(violations, Pointer.child("/labels", key), Violation.Code.INVALID_FORMAT,
              "a Prometheus label name: a letter or '_', then letters, digits or '_', not starting with '__', was "
                  + Violations.describe(key));
        }
        if (item == null) {
          violations = Violations.add(violations, Pointer.child("/labels", key), Violation.Code.MISSING,
              "must not be null");
          continue;
        }
        if (item.length() > 128) {
          violations = Violations.sizeOutOfRange(violations, Pointer.child("/labels", key), 0, 128, item.length(),
              "characters");
        }
      }
    }
    return Violations.toList(violations);
  }

  // --- 2. StringPattern: an optional non-capturing group, "(?:\.\d{1,9})?" (the envelope's time) ---

  /** The regex of {@code EventEnvelope.time()}, as the generated envelope validator compiles it today. */
  public static final String TIME_REGEX = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?Z";
  /** The same language as two sequences: the optional group expanded. */
  private static final StringPattern TIME_WITHOUT_FRACTION = StringPattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
  private static final StringPattern TIME_WITH_FRACTION =
      StringPattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{1,9}Z");

  static boolean timeMatches(String time) {
    return TIME_WITH_FRACTION.matches(time) || TIME_WITHOUT_FRACTION.matches(time);
  }

  // --- 1b and 2b. A faster sequence matcher ---

  /**
   * A prototype of a faster {@code StringPattern.Sequence}: each class as two 64-bit masks instead of
   * a {@code BitSet}, and a single greedy pass without backtracking. The single pass is exact when
   * every step either has a fixed count or a class disjoint from the next step's (true of all the
   * patterns here); the processor can decide that when it compiles the pattern and keep backtracking
   * for the others.
   */
  static final class FastSequence {
    private final long[] low;
    private final long[] high;
    private final int[] min;
    private final int[] max;

    FastSequence(Object... steps) {
      int n = steps.length / 3;
      low = new long[n];
      high = new long[n];
      min = new int[n];
      max = new int[n];
      for (int k = 0; k < n; k++) {
        String ranges = (String) steps[3 * k];
        for (int r = 0; r < ranges.length(); r += 2) {
          for (char c = ranges.charAt(r); c <= ranges.charAt(r + 1); c++) {
            if (c < 64) {
              low[k] |= 1L << c;
            } else {
              high[k] |= 1L << (c - 64);
            }
          }
        }
        min[k] = (Integer) steps[3 * k + 1];
        max[k] = (Integer) steps[3 * k + 2];
      }
    }

    boolean matches(CharSequence value) {
      int position = 0;
      int length = value.length();
      for (int k = 0; k < min.length; k++) {
        int end = (int) Math.min((long) position + max[k], length);
        int start = position;
        while (position < end && accepts(k, value.charAt(position))) {
          position++;
        }
        if (position - start < min[k]) {
          return false;
        }
      }
      return position == length;
    }

    private boolean accepts(int k, char c) {
      return c < 64 ? (low[k] >>> c & 1) != 0 : c < 128 && (high[k] >>> (c - 64) & 1) != 0;
    }
  }

  private static final int MANY = Integer.MAX_VALUE;
  private static final FastSequence SERVICE_NAME_FAST = new FastSequence("AZaz09__--", 1, MANY);
  private static final FastSequence LABELS_KEY_FAST = new FastSequence("azAZ__", 1, 1, "azAZ09__", 0, MANY);
  private static final FastSequence TIME_WITHOUT_FRACTION_FAST = new FastSequence("09", 4, 4, "--", 1, 1, "09", 2, 2,
      "--", 1, 1, "09", 2, 2, "TT", 1, 1, "09", 2, 2, "::", 1, 1, "09", 2, 2, "::", 1, 1, "09", 2, 2, "ZZ", 1, 1);
  private static final FastSequence TIME_WITH_FRACTION_FAST = new FastSequence("09", 4, 4, "--", 1, 1, "09", 2, 2,
      "--", 1, 1, "09", 2, 2, "TT", 1, 1, "09", 2, 2, "::", 1, 1, "09", 2, 2, "::", 1, 1, "09", 2, 2, "..", 1, 1,
      "09", 1, 9, "ZZ", 1, 1);

  static boolean labelKeyMatchesFast(String key) {
    return !key.startsWith(LABELS_KEY_FORBIDDEN_PREFIX) && LABELS_KEY_FAST.matches(key);
  }

  static boolean serviceNameMatchesFast(String name) {
    return SERVICE_NAME_FAST.matches(name);
  }

  static boolean timeMatchesFast(String time) {
    return TIME_WITH_FRACTION_FAST.matches(time) || TIME_WITHOUT_FRACTION_FAST.matches(time);
  }

  // --- 4. A streaming reader instead of JSON -> Map -> parse ---

  /**
   * The floor of a generated streaming reader for {@code TokenGeneratedEvent}: Jackson's streaming
   * parser straight into the fields, with the same strictness (no coercion, unknown keys reported,
   * every violation collected) and rules, no intermediate {@code Map}. Only what the benchmark
   * payloads need is written out: {@code metadata} is handed to databind.
   */
  public static Object parseTokenStreaming(com.fasterxml.jackson.core.JsonFactory json,
      com.fasterxml.jackson.databind.ObjectReader maps, String text) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonParser in = json.createParser(text)) {
      if (in.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
        return List.of(new Violation("", Violation.Code.INVALID_TYPE, "expected an object"));
      }
      String model = null;
      String token = null;
      java.util.OptionalDouble logprob = java.util.OptionalDouble.empty();
      Map<String, Object> metadata = Map.of();
      List<Violation> violations = null;
      while (in.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
        String name = in.currentName();
        com.fasterxml.jackson.core.JsonToken value = in.nextToken();
        switch (name) {
          case "model" -> {
            if (value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
              model = in.getText();
            } else {
              violations = Violations.add(violations, "/model", Violation.Code.INVALID_TYPE, "expected a string");
              in.skipChildren();
            }
          }
          case "token" -> {
            if (value == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
              token = in.getText();
            } else {
              violations = Violations.add(violations, "/token", Violation.Code.INVALID_TYPE, "expected a string");
              in.skipChildren();
            }
          }
          case "logprob" -> {
            if (value == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT
                || value == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_INT) {
              logprob = java.util.OptionalDouble.of(in.getDoubleValue());
            } else {
              violations = Violations.add(violations, "/logprob", Violation.Code.INVALID_TYPE, "expected a number");
              in.skipChildren();
            }
          }
          case "metadata" -> {
            if (value == com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
              metadata = maps.readValue(in);
            } else {
              violations = Violations.add(violations, "/metadata", Violation.Code.INVALID_TYPE, "expected an object");
              in.skipChildren();
            }
          }
          default -> {
            violations = Violations.add(violations, Pointer.child("", name), Violation.Code.UNRECOGNIZED_KEYS,
                "unknown key '" + name + "'");
            in.skipChildren();
          }
        }
      }
      if (model == null) {
        violations = Violations.missing(violations, "/model");
      } else {
        if (model.isEmpty()) {
          violations = Violations.add(violations, "/model", Violation.Code.TOO_SMALL, "must not be empty");
        }
        if (model.length() > 256) {
          violations = Violations.sizeOutOfRange(violations, "/model", 0, 256, model.length(), "characters");
        }
      }
      if (token == null) {
        violations = Violations.missing(violations, "/token");
      }
      if (logprob.isPresent()) {
        double present = logprob.getAsDouble();
        if (!Double.isFinite(present)) {
          violations = Violations.add(violations, "/logprob", Violation.Code.NOT_FINITE, "must be a finite number");
        } else if (present > 0) {
          violations = Violations.outOfRange(violations, "/logprob", false, "must be at most 0", present);
        }
      }
      return violations == null ? new dev.eventschema.bench.model.TokenRecord(model, token, logprob, metadata)
          : violations;
    }
  }

  // --- 3. DidYouMean: bounded distance ---

  /**
   * {@code DidYouMean.closest} with the same answer, computed within the cut-off only: candidates
   * whose length differs by more than the allowed distance are skipped, and the rest are compared
   * with two rolling rows plus the one before (for transpositions), stopping when a row's minimum
   * exceeds the best distance so far. Candidates could be folded to lower case once, by the
   * generated code; here they are folded per call, like today.
   */
  public static String closest(String unknown, Collection<String> candidates) {
    String folded = unknown.toLowerCase(Locale.ROOT);
    int allowed = Math.max(2, unknown.length() / 3);
    String best = null;
    int bestDistance = allowed + 1;
    int[] rows = new int[3 * (folded.length() + 1)];
    for (String candidate : candidates) {
      if (Math.abs(candidate.length() - folded.length()) > Math.min(allowed, bestDistance)) {
        continue;
      }
      int distance = bounded(folded, candidate.toLowerCase(Locale.ROOT), bestDistance, rows);
      if (distance < bestDistance || (distance == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** The distance if it is at most {@code limit}, else {@code limit + 1}. */
  private static int bounded(String a, String b, int limit, int[] rows) {
    int n = a.length();
    int width = n + 1;
    int previous2 = 0;
    int previous = width;
    int current = 2 * width;
    for (int i = 0; i <= n; i++) {
      rows[previous + i] = i;
    }
    for (int j = 1; j <= b.length(); j++) {
      rows[current] = j;
      int rowMin = j;
      for (int i = 1; i <= n; i++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(rows[previous + i] + 1, rows[current + i - 1] + 1), rows[previous + i - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, rows[previous2 + i - 2] + 1);
        }
        rows[current + i] = best;
        rowMin = Math.min(rowMin, best);
      }
      if (rowMin > limit) {
        return limit + 1;
      }
      int spare = previous2;
      previous2 = previous;
      previous = current;
      current = spare;
    }
    return Math.min(rows[previous + n], limit + 1);
  }
}
