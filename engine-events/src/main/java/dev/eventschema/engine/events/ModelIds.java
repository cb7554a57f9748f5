package dev.eventschema.engine.events;

/** Limits shared by every field that names a model, so that all events agree on what a model id is. */
final class ModelIds {

  /** Long enough for hub references such as {@code organisation/model-name-variant}. */
  static final int MAX_LENGTH = 256;

  private ModelIds() {}
}
