package dev.eventschema.processor.evolution;

import dev.eventschema.Compatibility;
import java.util.Locale;

/**
 * What changed between a schema's baseline and its current form, named after Confluent Schema
 * Registry's JSON Schema difference types ({@code json-schema-provider}, {@code diff/Difference.java}).
 *
 * <p>Confluent names a difference as seen when comparing the baseline with the update, and checks
 * FORWARD by comparing the other way round; so an optional field added to a closed object shows as
 * {@code PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL} under FORWARD, which is why users find that rule
 * hard to place. Here every difference is named once, as the change the author made, and carries
 * whether it keeps each direction: {@link Effect#LOOSENS} (accepts more: BACKWARD keeps, FORWARD
 * breaks), {@link Effect#TIGHTENS} (the reverse) or {@link Effect#BREAKS_BOTH}. Each code keeps the
 * same compatibility as Confluent's type of the same name, and its FORWARD compatibility is that of
 * the inverse change. Four codes say more than Confluent's generic ones and name it in
 * {@link #confluentName()}.
 */
public enum DifferenceCode {
  // Objects: keys and their content model (closed = strict = additionalProperties false)
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Effect.LOOSENS,
      "the schema is strict (a closed content model, additionalProperties: false), so readers built "
      + "against the baseline reject the new key: under FORWARD or FULL even an optional field breaks "
      + "them. Upgrade every reader first and use BACKWARD, or keep the field out until they are"),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(Effect.BREAKS_BOTH,
      "payloads written against the baseline lack the key; make the field optional (Optional<T>, "
      + "OptionalInt, ...), and mind that a strict schema's old readers reject any new key"),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Effect.TIGHTENS,
      "the baseline is open (strict = false), so old payloads may carry this key with any value; "
      + "choose a key that was never sent"),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(Effect.TIGHTENS,
      "payloads written against the baseline lack the key; make the field optional"),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(Effect.TIGHTENS,
      "payloads written against the baseline still carry the key, and a strict schema rejects it: "
      + "deprecate the field first (@Deprecated, optional, no longer written), and when it is removed, "
      + "reserve its key with @Reserved"),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(Effect.LOOSENS,
      "readers built against the baseline check this key's value, and the open schema now lets any "
      + "value through; keep the field (deprecated) until those readers are gone, then @Reserved its key"),
  REQUIRED_ATTRIBUTE_ADDED(Effect.TIGHTENS,
      "payloads written against the baseline may lack the key; keep the field optional"),
  REQUIRED_ATTRIBUTE_REMOVED(Effect.LOOSENS,
      "readers built against the baseline require the key; keep writing it (keep it required) until "
      + "they are upgraded"),
  ADDITIONAL_PROPERTIES_ADDED(Effect.LOOSENS,
      "the schema is no longer strict: readers built against the baseline reject the unknown keys it "
      + "now lets through; keep it strict"),
  ADDITIONAL_PROPERTIES_REMOVED(Effect.TIGHTENS,
      "the schema became strict: payloads written against the baseline may carry keys it now rejects; "
      + "keep strict = false"),
  ADDITIONAL_PROPERTIES_NARROWED(Effect.TIGHTENS,
      "the values of the map now have a schema that old payloads may not meet; keep Map<String, Object>"),
  ADDITIONAL_PROPERTIES_EXTENDED(Effect.LOOSENS,
      "the values of the map are no longer checked, and readers built against the baseline check them"),
  RESERVED_PROPERTY_REMOVED(Effect.BREAKS_BOTH,
      "a reserved key keeps a removed field from coming back with another meaning; keep it in @Reserved"),

  // Types
  TYPE_CHANGED(Effect.BREAKS_BOTH,
      "no payload of one type is valid under the other: add a new field with the new type and "
      + "deprecate the old one"),
  TYPE_EXTENDED(Effect.LOOSENS,
      "readers built against the baseline reject the values of the wider type; keep the old type"),
  TYPE_NARROWED(Effect.TIGHTENS,
      "payloads written against the baseline may hold values of the wider type; keep the old type"),
  ENUM_VALUE_ADDED(Effect.LOOSENS, "ENUM_ARRAY_EXTENDED",
      "readers built against the baseline reject the new value; upgrade them first (BACKWARD), or do not "
      + "write the value until they are"),
  ENUM_VALUE_REMOVED(Effect.TIGHTENS, "ENUM_ARRAY_NARROWED",
      "payloads written against the baseline may hold the value; keep the constant (deprecate it)"),
  UNION_MEMBER_ADDED(Effect.LOOSENS, "SUM_TYPE_EXTENDED",
      "readers built against the baseline reject the new member; upgrade them first (BACKWARD)"),
  UNION_MEMBER_REMOVED(Effect.TIGHTENS, "SUM_TYPE_NARROWED",
      "payloads written against the baseline may hold the member; keep it (deprecated). A renamed "
      + "member is a removed one plus an added one: keep the old wire name with @EventSchema(\"old\")"),

  // Strings
  PATTERN_ADDED(Effect.TIGHTENS, "payloads written against the baseline may not match it; keep the value unconstrained"),
  PATTERN_REMOVED(Effect.LOOSENS, "readers built against the baseline still check it; keep the pattern"),
  PATTERN_CHANGED(Effect.BREAKS_BOTH,
      "no direction is safe for two different patterns; keep the old one, or add a new field"),

  // Bounds: lower bounds tighten when added or raised, upper bounds when added or lowered
  MIN_LENGTH_ADDED(Bound.LOWER, Change.ADDED), MIN_LENGTH_REMOVED(Bound.LOWER, Change.REMOVED),
  MIN_LENGTH_INCREASED(Bound.LOWER, Change.INCREASED), MIN_LENGTH_DECREASED(Bound.LOWER, Change.DECREASED),
  MAX_LENGTH_ADDED(Bound.UPPER, Change.ADDED), MAX_LENGTH_REMOVED(Bound.UPPER, Change.REMOVED),
  MAX_LENGTH_INCREASED(Bound.UPPER, Change.INCREASED), MAX_LENGTH_DECREASED(Bound.UPPER, Change.DECREASED),
  MIN_ITEMS_ADDED(Bound.LOWER, Change.ADDED), MIN_ITEMS_REMOVED(Bound.LOWER, Change.REMOVED),
  MIN_ITEMS_INCREASED(Bound.LOWER, Change.INCREASED), MIN_ITEMS_DECREASED(Bound.LOWER, Change.DECREASED),
  MAX_ITEMS_ADDED(Bound.UPPER, Change.ADDED), MAX_ITEMS_REMOVED(Bound.UPPER, Change.REMOVED),
  MAX_ITEMS_INCREASED(Bound.UPPER, Change.INCREASED), MAX_ITEMS_DECREASED(Bound.UPPER, Change.DECREASED),
  MIN_PROPERTIES_ADDED(Bound.LOWER, Change.ADDED), MIN_PROPERTIES_REMOVED(Bound.LOWER, Change.REMOVED),
  MIN_PROPERTIES_INCREASED(Bound.LOWER, Change.INCREASED), MIN_PROPERTIES_DECREASED(Bound.LOWER, Change.DECREASED),
  MAX_PROPERTIES_ADDED(Bound.UPPER, Change.ADDED), MAX_PROPERTIES_REMOVED(Bound.UPPER, Change.REMOVED),
  MAX_PROPERTIES_INCREASED(Bound.UPPER, Change.INCREASED), MAX_PROPERTIES_DECREASED(Bound.UPPER, Change.DECREASED),
  MINIMUM_ADDED(Bound.LOWER, Change.ADDED), MINIMUM_REMOVED(Bound.LOWER, Change.REMOVED),
  MINIMUM_INCREASED(Bound.LOWER, Change.INCREASED), MINIMUM_DECREASED(Bound.LOWER, Change.DECREASED),
  MAXIMUM_ADDED(Bound.UPPER, Change.ADDED), MAXIMUM_REMOVED(Bound.UPPER, Change.REMOVED),
  MAXIMUM_INCREASED(Bound.UPPER, Change.INCREASED), MAXIMUM_DECREASED(Bound.UPPER, Change.DECREASED),
  EXCLUSIVE_MINIMUM_ADDED(Bound.LOWER, Change.ADDED), EXCLUSIVE_MINIMUM_REMOVED(Bound.LOWER, Change.REMOVED),
  EXCLUSIVE_MINIMUM_INCREASED(Bound.LOWER, Change.INCREASED),
  EXCLUSIVE_MINIMUM_DECREASED(Bound.LOWER, Change.DECREASED),
  EXCLUSIVE_MAXIMUM_ADDED(Bound.UPPER, Change.ADDED), EXCLUSIVE_MAXIMUM_REMOVED(Bound.UPPER, Change.REMOVED),
  EXCLUSIVE_MAXIMUM_INCREASED(Bound.UPPER, Change.INCREASED),
  EXCLUSIVE_MAXIMUM_DECREASED(Bound.UPPER, Change.DECREASED);

  /** Which directions a change keeps. */
  public enum Effect {
    /** Accepts more than before: BACKWARD keeps, FORWARD breaks. */
    LOOSENS(true, false),
    /** Accepts less than before: BACKWARD breaks, FORWARD keeps. */
    TIGHTENS(false, true),
    /** Accepts other values: both break. */
    BREAKS_BOTH(false, false);

    final boolean backward;
    final boolean forward;

    Effect(boolean backward, boolean forward) {
      this.backward = backward;
      this.forward = forward;
    }
  }

  private enum Bound { LOWER, UPPER }

  private enum Change { ADDED, REMOVED, INCREASED, DECREASED }

  private final Effect effect;
  private final String confluentName;
  private final String advice;

  DifferenceCode(Effect effect, String advice) {
    this(effect, null, advice);
  }

  DifferenceCode(Effect effect, String confluentName, String advice) {
    this.effect = effect;
    this.confluentName = confluentName;
    this.advice = advice;
  }

  DifferenceCode(Bound bound, Change change) {
    boolean tightens = switch (change) {
      case ADDED -> true;
      case REMOVED -> false;
      case INCREASED -> bound == Bound.LOWER;
      case DECREASED -> bound == Bound.UPPER;
    };
    this.effect = tightens ? Effect.TIGHTENS : Effect.LOOSENS;
    this.confluentName = null;
    this.advice = tightens
        ? "payloads written against the baseline may not meet the tighter bound; keep the old bound"
        : "readers built against the baseline still enforce the old bound; keep it until they are upgraded";
  }

  public Effect effect() {
    return effect;
  }

  /** Confluent's name for the same difference; the same as {@link #name()} for most codes. */
  public String confluentName() {
    return confluentName == null ? name() : confluentName;
  }

  /** How to evolve the schema safely instead. */
  public String advice() {
    return advice;
  }

  /** Whether this change breaks a schema declared with {@code mode}. */
  public boolean breaks(Compatibility mode) {
    return switch (mode) {
      case BACKWARD -> !effect.backward;
      case FORWARD -> !effect.forward;
      case FULL -> !effect.backward || !effect.forward;
      case NONE, DEFAULT -> false;
    };
  }

  /** {@code minLength} for {@code MIN_LENGTH_ADDED}: the JSON Schema keyword of a bound's code. */
  static DifferenceCode ofBound(String keyword, String change) {
    String upper = keyword.replaceAll("([A-Z])", "_$1").toUpperCase(Locale.ROOT);
    return valueOf(upper + "_" + change);
  }
}
