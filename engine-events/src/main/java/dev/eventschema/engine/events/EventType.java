package dev.eventschema.engine.events;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The eight engine events, each with its wire name, Java type and generated validator, so that a
 * payload arriving as data can be checked by the wire name it claims.
 */
public enum EventType {
  MODEL_LOADED(ModelLoadedEventValidator.INSTANCE, false),
  MODEL_UNLOADED(ModelUnloadedEventValidator.INSTANCE, false),
  MODEL_INVALIDATED(ModelInvalidatedEventValidator.INSTANCE, false),
  GENERATION_STARTED(GenerationStartedEventValidator.INSTANCE, true),
  TOKEN_GENERATED(TokenGeneratedEventValidator.INSTANCE, true),
  GENERATION_COMPLETED(GenerationCompletedEventValidator.INSTANCE, true),
  ERROR(ErrorEventValidator.INSTANCE, false),
  RUNTIME_STATUS(RuntimeStatusEventValidator.INSTANCE, false);

  private static final Map<String, EventType> BY_WIRE_NAME =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

  private static final List<String> WIRE_NAMES = Arrays.stream(values()).map(EventType::wireName).toList();

  private final SchemaValidator<?> validator;
  private final boolean generationEvent;

  EventType(SchemaValidator<?> validator, boolean generationEvent) {
    this.validator = validator;
    this.generationEvent = generationEvent;
  }

  /** The wire name, such as {@code modelLoaded}: the generated validator's own. */
  public String wireName() {
    return validator.eventName();
  }

  /** The event's schema interface. */
  public Class<?> javaType() {
    return validator.type();
  }

  /** The generated validator. */
  public SchemaValidator<?> validator() {
    return validator;
  }

  /** Whether this event belongs to one generation, so that its envelope carries a generationId. */
  public boolean isGenerationEvent() {
    return generationEvent;
  }

  /** Every violation of {@code event}, which must be an instance of {@link #javaType()}. */
  public List<Violation> validate(Object event) {
    return validate(validator, event);
  }

  /** The wire form of {@code event}, which must be an instance of {@link #javaType()}. */
  public Map<String, Object> toMap(Object event) {
    return toMap(validator, event);
  }

  /** Strictly reads a payload of this type. */
  public ParseResult<?> parse(Map<String, ?> payload) {
    return validator.parse(payload);
  }

  /** The type whose wire name is {@code wireName}. */
  public static Optional<EventType> fromWireName(String wireName) {
    return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
  }

  /** The type of an event value, by the schema interface it implements. */
  public static EventType of(Object event) {
    for (EventType type : values()) {
      if (type.javaType().isInstance(event)) {
        return type;
      }
    }
    throw new IllegalArgumentException("not an engine event: " + (event == null ? null : event.getClass()));
  }

  /** The wire names of all eight events, in declaration order. */
  public static List<String> wireNames() {
    return WIRE_NAMES;
  }

  private static <T> List<Violation> validate(SchemaValidator<T> validator, Object event) {
    return validator.validate(validator.type().cast(event));
  }

  private static <T> Map<String, Object> toMap(SchemaValidator<T> validator, Object event) {
    return validator.toMap(validator.type().cast(event));
  }
}
