package dev.eventschema.engine.events;

import dev.eventschema.EventSchema;
import dev.eventschema.Violation;
import dev.eventschema.constraints.AllowEmpty;
import java.util.List;
import java.util.Map;

/** The wire form of one {@link Violation}: {@code {path, code, message}}. Wire name {@code violation}. */
@EventSchema("violation")
public interface ViolationRecord {

  /** A JSON Pointer over wire names; empty for the payload as a whole. */
  @AllowEmpty String path();

  /** The lower-snake violation code, such as {@code too_small}. */
  Violation.Code code();

  String message();

  /** The record of {@code violation}. */
  static ViolationRecord of(Violation violation) {
    return ViolationRecordBuilder.builder()
        .path(violation.path())
        .code(violation.code())
        .message(violation.message())
        .build();
  }

  /** The violation this record describes. */
  default Violation toViolation() {
    return new Violation(path(), code(), message());
  }

  /** Every violation in its wire form, in order: the shape used in exception details too. */
  static List<Map<String, Object>> wireForms(List<Violation> violations) {
    return violations.stream().map(v -> ViolationRecordValidator.INSTANCE.toMap(of(v))).toList();
  }
}
