package dev.eventschema.processor.reading;

import java.util.Locale;

/**
 * The stable id of every error the processor reports. A message starts with
 * {@code [eventschema:<id>]}, where the id is the constant's name in kebab case
 * ({@link #DUPLICATE_WIRE_NAME} is {@code duplicate-wire-name}): build tools and users can search
 * for it, and wording may improve without breaking them. The README lists every id with an example;
 * an id is never reused for another meaning.
 */
public enum ErrorId {
  // What @EventSchema may annotate
  NOT_AN_INTERFACE,
  GENERIC_SCHEMA,
  SEALED_SCHEMA,
  BLANK_WIRE_NAME,
  NON_POSITIVE_VERSION,
  DUPLICATE_WIRE_NAME,

  // Accessors
  ACCESSOR_PARAMETERS,
  GENERIC_ACCESSOR,
  VOID_ACCESSOR,
  RESERVED_NAME,
  DISCRIMINATOR_CLASH,

  // Types
  UNSUPPORTED_TYPE,
  BOXED_FIELD,
  ENUM_WIRE_CLASH,
  UNION_MEMBER_NOT_SCHEMA,
  MISSING_TYPE,

  // Constraints
  CONSTRAINT_NOT_APPLICABLE,
  MIN_GREATER_THAN_MAX,
  NEGATIVE_SIZE,
  INVALID_REGEX,
  NON_PORTABLE_REGEX,
  UNKNOWN_CONSTRAINT,

  // @StringForm
  STRING_FORM_MISPLACED,
  STRING_FORM_OUTSIDE_UNION,
  STRING_FORM_SHAPE,
  STRING_FORM_AMBIGUOUS,

  // Schema evolution (package evolution): a change against the baseline, reserved keys, the baseline
  SCHEMA_INCOMPATIBLE,
  RESERVED_KEY,
  BASELINE_UNREADABLE,
  BASELINE_VERSION_NOT_INCREASED,
  INVALID_OPTION,

  // The processor itself
  PROCESSOR_EXCEPTION,
  WRITE_FAILED;

  /** {@code duplicate-wire-name}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code [eventschema:duplicate-wire-name] }, the start of every message with this id. */
  public String prefix() {
    return "[eventschema:" + id() + "] ";
  }
}
