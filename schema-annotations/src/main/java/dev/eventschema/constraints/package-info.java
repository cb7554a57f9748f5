/**
 * Constraint annotations, named as Jakarta Bean Validation names them. Each goes on an accessor of
 * an {@link dev.eventschema.EventSchema} interface, or on a type argument
 * ({@code Map<String, @Size(max = 128) String>}) to constrain the elements of a list or map. On an
 * {@code Optional*} field a constraint applies to the value inside. A constraint on a type it
 * cannot apply to is a compile error.
 */
package dev.eventschema.constraints;
