package dev.eventschema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an event schema: an interface whose parameterless methods are the event's fields.
 *
 * <p>The {@code schema-processor} generates, in the interface's package, a strict
 * {@code FooValidator} (a {@link SchemaValidator}), a {@code FooBuilder}, an immutable value class
 * and the JSON Schema of the wire form ({@code META-INF/eventschema/<wireName>.schema.json}).
 *
 * <pre>{@code
 * @EventSchema
 * public interface ModelLoadedEvent {
 *   String model();
 *   String modelPath();
 *   @PositiveOrZero OptionalLong parameters();
 *   Map<String, Object> metadata();
 * }
 * }</pre>
 *
 * <p>Field rules: the wire key of a field is its method name. A field is required unless its type is
 * {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble};
 * {@code List<T>} and {@code Map<String, T>} may be absent on the wire and are then empty. A
 * required {@code String} must be non-empty unless annotated {@link
 * dev.eventschema.constraints.AllowEmpty @AllowEmpty}; every {@code double} must be finite.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EventSchema {

  /**
   * The event's wire name. Empty (the default) means the interface's simple name, decapitalised,
   * with a trailing {@code Event} removed: {@code ModelLoadedEvent} becomes {@code modelLoaded}.
   */
  String value() default "";

  /**
   * Whether unknown keys are rejected ({@link Violation.Code#UNRECOGNIZED_KEYS}). A non-strict
   * schema ignores them. Keys inside a declared {@code Map<String, Object>} are never "unknown".
   */
  boolean strict() default true;

  /**
   * Which changes the processor accepts compared with the schema's baseline, the exported JSON
   * Schema of the last release (see {@link Compatibility}). {@link Compatibility#DEFAULT} takes the
   * project-wide mode from the processor option {@code eventschema.compatibility}.
   */
  Compatibility compatibility() default Compatibility.DEFAULT;

  /**
   * The version of this schema's wire contract, written into its baseline when the baseline is
   * recorded. Raise it when you record a changed schema: recording refuses to overwrite a baseline
   * with a version that did not increase.
   */
  int version() default 1;
}
