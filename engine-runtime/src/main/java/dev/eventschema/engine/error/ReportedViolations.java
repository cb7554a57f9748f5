package dev.eventschema.engine.error;

import dev.eventschema.Violation;
import java.util.List;

/**
 * The cap on violations wherever they are printed or sent (exception messages and details, log lines,
 * rejection records, HTTP error bodies): the first {@value #MAX}, then "and N more". A payload with a
 * bad element in each of a million list entries yields a million violations; nobody reads past the
 * first few, and no log line or response should grow with them.
 */
public final class ReportedViolations {

  /** Violations reported in full. */
  public static final int MAX = 20;

  private ReportedViolations() {}

  /** The first {@value #MAX} of {@code violations} (all of them when fewer). */
  public static <T> List<T> first(List<T> violations) {
    return violations.size() <= MAX ? violations : List.copyOf(violations.subList(0, MAX));
  }

  /** How many violations {@link #first} leaves out. */
  public static int omitted(List<?> violations) {
    return Math.max(0, violations.size() - MAX);
  }

  /** {@code path: message [code]; ...}, the first {@value #MAX}, then {@code ; and N more}. */
  public static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation violation : first(violations)) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(violation.path().isEmpty() ? "(root)" : violation.path()).append(": ").append(violation.message())
          .append(" [").append(violation.code().wireName()).append(']');
    }
    int omitted = omitted(violations);
    if (omitted > 0) {
      text.append("; and ").append(omitted).append(" more");
    }
    return text.toString();
  }
}
