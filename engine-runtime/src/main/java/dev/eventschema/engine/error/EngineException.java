package dev.eventschema.engine.error;

import dev.eventschema.Violation;
import dev.eventschema.engine.events.ErrorCode;
import dev.eventschema.engine.events.ErrorEvent;
import dev.eventschema.engine.events.ErrorEventBuilder;
import dev.eventschema.engine.events.JsonPayloads;
import dev.eventschema.engine.events.ViolationRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The engine's one exception: a closed {@link ErrorCode}, a message for people, and details as JSON
 * values (so that it can travel as an {@link ErrorEvent} without loss).
 */
public class EngineException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Longest message kept in an {@link ErrorEvent}, whose {@code error} field is bounded. */
  private static final int MAX_EVENT_MESSAGE = 8192;

  private final ErrorCode code;
  private final transient Map<String, Object> details;

  public EngineException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public EngineException(ErrorCode code, String message, Map<String, ?> details) {
    this(code, message, details, null);
  }

  public EngineException(ErrorCode code, String message, Map<String, ?> details, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = JsonPayloads.jsonSafeCopy(details == null ? Map.of() : details);
  }

  /**
   * A schema failure as an exception (the Java form of the origin's zod-error conversion): the
   * message names the first field and rule, and {@code details} holds {@code field}, {@code rule}
   * and the violations as {@code {path, code, message}}: the first {@value ReportedViolations#MAX},
   * with {@code moreViolations} counting the rest.
   *
   * @param subject what was invalid, such as {@code modelLoaded event} or {@code telemetry config}
   */
  public static EngineException ofViolations(ErrorCode code, String subject, List<Violation> violations) {
    return ofViolations(code, subject, violations, Map.of());
  }

  /** As {@link #ofViolations(ErrorCode, String, List)}, with {@code context} put first in the details. */
  public static EngineException ofViolations(
      ErrorCode code, String subject, List<Violation> violations, Map<String, ?> context) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an exception about violations needs at least one");
    }
    Violation first = violations.get(0);
    int others = violations.size() - 1;
    String message = "Invalid " + subject + ": field '" + first.field() + "' " + first.message()
        + " [" + first.code().wireName() + "]"
        + (others == 0 ? "" : " (and " + others + " more violation" + (others == 1 ? "" : "s") + ")");
    Map<String, Object> details = new LinkedHashMap<>(context);
    details.put("field", first.field());
    details.put("rule", first.code().wireName());
    details.put("violations", ViolationRecord.wireForms(ReportedViolations.first(violations)));
    if (ReportedViolations.omitted(violations) > 0) {
      details.put("moreViolations", ReportedViolations.omitted(violations));
    }
    return new EngineException(code, message, details);
  }

  public ErrorCode code() {
    return code;
  }

  /** The details, as immutable JSON values. */
  public Map<String, Object> details() {
    return details;
  }

  /** This failure as an {@link ErrorEvent}, not tied to a model. */
  public ErrorEvent toEvent() {
    return toEvent(Optional.empty());
  }

  /** This failure as an {@link ErrorEvent} about {@code model}. */
  public ErrorEvent toEvent(String model) {
    return toEvent(Optional.of(model));
  }

  private ErrorEvent toEvent(Optional<String> model) {
    String message = getMessage() == null || getMessage().isEmpty() ? code.wireName() : getMessage();
    if (message.length() > MAX_EVENT_MESSAGE) {
      message = message.substring(0, MAX_EVENT_MESSAGE - 3) + "...";
    }
    ErrorEventBuilder builder = ErrorEventBuilder.builder().error(message).code(code).metadata(details);
    model.ifPresent(builder::model);
    return builder.build();
  }
}
