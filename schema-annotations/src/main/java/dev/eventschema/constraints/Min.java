package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number must be at least {@code value} ({@code TOO_SMALL}). Applies to {@code int},
 * {@code long} and {@code double}, also inside an {@code Optional*}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Min {

  /** The smallest value allowed. */
  long value();
}
