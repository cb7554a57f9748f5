package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The length of a string, or the size of a list or map, must lie in {@code [min, max]}
 * ({@code TOO_SMALL} or {@code TOO_BIG}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Size {

  /** The smallest length or size allowed. */
  int min() default 0;

  /** The largest length or size allowed. */
  int max() default Integer.MAX_VALUE;
}
