package dev.eventschema.processor.evolution;

/**
 * One change between a schema's baseline and its current JSON Schema.
 *
 * @param code what changed
 * @param path where, as a path over wire keys from the root of the compared schema: {@code /labels},
 *     {@code /steps/*&#47;name} (each element of a list, each value of a map),
 *     {@code /prompt(template)/template} (a union member)
 * @param owner the wire name of the object schema that holds the change: the compared schema, or a
 *     nested schema or union member it refers to
 * @param key the key within {@code owner} that holds the change, or null for the object itself
 * @param before the rule in the baseline, as JSON Schema ({@code "maxLength": 64}), or {@code absent}
 * @param after the rule now
 */
public record Difference(DifferenceCode code, String path, String owner, String key, String before, String after) {}
