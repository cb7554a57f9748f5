package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The number must lie in {@code [min, max]} ({@code TOO_SMALL} or {@code TOO_BIG}). Applies to
 * {@code int}, {@code long} and {@code double}, also inside an {@code Optional*}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Range {

  /** The smallest value allowed. */
  long min() default Long.MIN_VALUE;

  /** The largest value allowed. */
  long max() default Long.MAX_VALUE;
}
