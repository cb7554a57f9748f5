package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole string must match {@code regexp} ({@code INVALID_FORMAT}); it is compiled once,
 * and a regex that does not compile is a compile error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Pattern {

  /** A {@link java.util.regex.Pattern} that must match the whole value. */
  String regexp();

  /**
   * What the rule means, said to people in the violation message, such as {@code "letters, digits,
   * hyphens and underscores only"}. Empty means {@code must match <regexp>}.
   */
  String message() default "";
}
