package dev.eventschema.constraints;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The string is in the alphabet of standard base64 (RFC 4648, section 4): letters, digits, {@code +}
 * and {@code /}, then at most two {@code =} ({@link dev.eventschema.Violation.Code#INVALID_FORMAT}).
 * Applies to {@code String}, also inside an {@code Optional}, a list or a map.
 *
 * <p>The exported JSON Schema has the same {@code pattern}, {@code ^(?:[A-Za-z0-9+/]*={0,2})$}, and
 * {@code "contentEncoding": "base64"}, which tells producers and code generators in other languages
 * that the string holds bytes. In JSON Schema 2020-12 {@code contentEncoding} is an annotation, not
 * an assertion, so neither side checks more than the pattern: a length that is not a multiple of 4
 * ({@code "abc"}) passes both and is left to the decoder. The pattern is one repeated class on
 * purpose: a repeated group such as {@code (?:[A-Za-z0-9+/]{4})*}, which would check whole quartets,
 * recurses once per repetition in backtracking regex engines (Java's, several JavaScript ones) and
 * overflows their stack on megabytes of data.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE_USE})
public @interface Base64 {}
