package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string must contain at least one character that is not white space
 * ({@link dev.eventschema.Violation.Code#INVALID_FORMAT}). Applies to {@code String}, also inside an {@code Optional},
 * a list or a map ({@code List<@NotBlank String>}).
 *
 * @see dev.eventschema.Violation
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface NotBlank {}
