package dev.eventschema;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown where an invalid value is not an option: a builder's {@code build()}, {@link ParseResult#orElseThrow()}. */
public class SchemaViolationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public SchemaViolationException(List<Violation> violations) {
    super(describe(violations));
    this.violations = List.copyOf(violations);
  }

  /** Every violation, in the order found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    String noun = violations.size() == 1 ? "violation" : "violations";
    return violations.stream()
        .map(v -> "  " + v)
        .collect(Collectors.joining("\n", violations.size() + " schema " + noun + ":\n", ""));
  }
}
