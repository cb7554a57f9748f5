package dev.eventschema;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link SchemaValidator#parse}: a valid, immutable value, or every violation found.
 *
 * <pre>{@code
 * switch (validator.parse(payload)) {
 *   case ParseResult.Valid<Foo> valid -> use(valid.value());
 *   case ParseResult.Invalid<Foo> invalid -> report(invalid.violations());
 * }
 * }</pre>
 */
public sealed interface ParseResult<T> {

  /** Whether the payload was valid. */
  boolean isValid();

  /** The violations, empty when valid. */
  List<Violation> violations();

  /** The value, or a {@link SchemaViolationException} listing every violation. */
  T orElseThrow();

  /** A payload that obeyed every rule. */
  record Valid<T>(T value) implements ParseResult<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public List<Violation> violations() {
      return List.of();
    }

    @Override
    public T orElseThrow() {
      return value;
    }
  }

  /** A payload that broke at least one rule; {@code violations} lists all of them. */
  record Invalid<T>(List<Violation> violations) implements ParseResult<T> {
    public Invalid {
      violations = List.copyOf(violations);
      if (violations.isEmpty()) {
        throw new IllegalArgumentException("an invalid result needs at least one violation");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public T orElseThrow() {
      throw new SchemaViolationException(violations);
    }
  }
}
