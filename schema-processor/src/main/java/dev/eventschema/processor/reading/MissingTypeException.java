package dev.eventschema.processor.reading;

import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A schema refers to a type that does not exist (yet): javac gives it as an error type. Another
 * processor may generate it in a later round, so the schema is read again then, and reported only
 * if the type is still missing in the last round.
 */
public final class MissingTypeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String typeName;

  private MissingTypeException(String typeName) {
    super(typeName, null, false, false); // control flow, not a failure: no stack trace needed
    this.typeName = typeName;
  }

  /** Throws if {@code type} does not exist (yet). */
  static void checkExists(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      throw new MissingTypeException(type.toString());
    }
  }

  /** The missing type as the source names it. */
  public String typeName() {
    return typeName;
  }
}
