package dev.eventschema;

import java.util.List;
import java.util.Map;

/**
 * The contract of every generated {@code FooValidator}: stateless, thread-safe, without reflection.
 *
 * @param <T> the {@link EventSchema} interface
 */
public interface SchemaValidator<T> {

  /** The wire name of the schema, such as {@code modelLoaded}. */
  String eventName();

  /**
   * The schema's {@link EventSchema#version()}, the version of its wire contract that this validator
   * checks: a reader can tell a writer's newer contract from its own. Generated validators return
   * their declaration's; 1 for an implementation that does not say.
   */
  default int version() {
    return 1;
  }

  /** The schema's interface. */
  Class<T> type();

  /**
   * Checks a value against every rule. Returns an empty list, without allocating, when the value is
   * valid; otherwise every violation, with paths in wire names.
   */
  List<Violation> validate(T value);

  /**
   * Strictly reads the wire form: unknown keys are rejected at every depth (but inside an open
   * {@code Map<String, Object>}), nothing is coerced, and every violation is collected in one pass.
   */
  ParseResult<T> parse(Map<String, ?> payload);

  /** The wire form of a value, in declaration order; {@code parse(toMap(v))} equals {@code v}. */
  Map<String, Object> toMap(T value);

  /** The JSON Schema (draft 2020-12) of the wire form. */
  String jsonSchema();
}
