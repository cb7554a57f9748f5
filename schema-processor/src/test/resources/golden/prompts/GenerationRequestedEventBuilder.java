package com.example.events;

import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Builds a valid, immutable {@link GenerationRequestedEvent}:
 * {@code GenerationRequestedEventBuilder.builder()...build()}.
 *
 * <p>{@link #build()} checks every rule of the schema and throws a
 * {@link SchemaViolationException} listing all violations; a builder is not thread-safe.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class GenerationRequestedEventBuilder {
  private String model;

  private Prompt prompt;

  private final ArrayList<Prompt> history = new ArrayList<>();

  private GenerationRequestedEventBuilder() {
  }

  /**
   * An empty builder.
   */
  public static GenerationRequestedEventBuilder builder() {
    return new GenerationRequestedEventBuilder();
  }

  /**
   * A builder holding the fields of {@code value}, to build a changed copy.
   *
   * @throws NullPointerException if a field of a hand-written {@code value} is {@code null}
   */
  public static GenerationRequestedEventBuilder from(GenerationRequestedEvent value) {
    return builder()
        .model(value.model())
        .prompt(value.prompt())
        .history(value.history());
  }

  /**
   * Sets {@link GenerationRequestedEvent#model()}: not empty.
   */
  public GenerationRequestedEventBuilder model(String model) {
    this.model = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Sets {@link GenerationRequestedEvent#prompt()}.
   */
  public GenerationRequestedEventBuilder prompt(Prompt prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
  }

  /**
   * Replaces the elements of {@link GenerationRequestedEvent#history()}.
   */
  public GenerationRequestedEventBuilder history(Iterable<? extends Prompt> history) {
    Objects.requireNonNull(history, "history");
    this.history.clear();
    history.forEach(this.history::add);
    return this;
  }

  /**
   * Adds an element to {@link GenerationRequestedEvent#history()}.
   */
  public GenerationRequestedEventBuilder addHistory(Prompt element) {
    this.history.add(element);
    return this;
  }

  /**
   * The value, if every rule holds.
   *
   * @throws SchemaViolationException listing every violation
   */
  public GenerationRequestedEvent build() {
    List<Violation> violations = null;
    violations = GenerationRequestedEventValidator.checkModel(this.model, violations);
    violations = GenerationRequestedEventValidator.checkPrompt(this.prompt, violations);
    violations = GenerationRequestedEventValidator.checkHistory(this.history, violations);
    if (violations != null) {
      throw new SchemaViolationException(violations);
    }
    return new ImmutableGenerationRequestedEvent(this.model, this.prompt, this.history);
  }
}
