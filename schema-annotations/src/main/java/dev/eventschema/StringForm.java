package dev.eventschema;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one member of a union also travel as a bare JSON string.
 *
 * <p>A union is a {@code sealed} interface whose permitted subtypes are {@link EventSchema}
 * interfaces; on the wire each member is an object whose {@code type} key holds the member's wire
 * name. A member annotated {@code @StringForm} must declare exactly one required {@code String}
 * field: a bare string on the wire is read as that member with the string in that field, and the
 * member is written back as the bare string. The Java side stays typed:
 *
 * <pre>{@code
 * public sealed interface Prompt permits TextPrompt, TemplatePrompt {}
 *
 * @StringForm @EventSchema("text")
 * public non-sealed interface TextPrompt extends Prompt { @AllowEmpty String text(); }
 *
 * @EventSchema("template")
 * public non-sealed interface TemplatePrompt extends Prompt {
 *   String template();
 *   Map<String, String> variables();
 * }
 * }</pre>
 *
 * <p>{@code "prompt": "Hello"} is then a {@code TextPrompt}, and {@code "prompt": {"type":
 * "template", "template": "Hi {name}", "variables": {"name": "Ada"}}} a {@code TemplatePrompt}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface StringForm {}
