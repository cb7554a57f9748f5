package dev.eventschema.json.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import java.util.List;

/**
 * Thrown by an {@code ObjectMapper} with {@link EventSchemaModule} when a payload breaks its
 * schema: one exception for all the violations, which {@link #violations()} lists and the message
 * shows. Its cause is the {@link SchemaViolationException} that a generated builder would throw.
 */
public final class SchemaViolationMappingException extends JsonMappingException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  SchemaViolationMappingException(JsonParser parser, String eventName, List<Violation> violations) {
    super(parser, "invalid '" + eventName + "': " + new SchemaViolationException(violations).getMessage());
    this.violations = List.copyOf(violations);
    initCause(new SchemaViolationException(violations));
  }

  /** Every violation, in the order found, with paths relative to the schema's object. */
  public List<Violation> violations() {
    return violations;
  }
}
