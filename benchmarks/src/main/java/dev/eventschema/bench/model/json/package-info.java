/**
 * The three payloads as plain records for the JSON binders generated at compile time, DSL-JSON
 * ({@code @CompiledJson}: {@code *Dsl}) and avaje-jsonb ({@code @Json}: {@code *Jsonb}). They bind
 * without any validation: the floor the generated codecs are compared with. Optional numbers are
 * nullable boxes, the idiom of both libraries.
 */
package dev.eventschema.bench.model.json;
