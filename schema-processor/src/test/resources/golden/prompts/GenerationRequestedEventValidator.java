package com.example.events;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.support.SchemaResources;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import dev.eventschema.support.WireWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Strict validator of {@link GenerationRequestedEvent}, generated from its {@code @EventSchema} declaration.
 *
 * <p>Stateless and thread-safe: use {@link #INSTANCE}.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class GenerationRequestedEventValidator implements SchemaValidator<GenerationRequestedEvent> {
  public static final GenerationRequestedEventValidator INSTANCE = new GenerationRequestedEventValidator();

  private static final Set<String> WIRE_KEYS = Set.of("model", "prompt", "history");

  private GenerationRequestedEventValidator() {
  }

  @Override
  public String eventName() {
    return "generationRequested";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Class<GenerationRequestedEvent> type() {
    return GenerationRequestedEvent.class;
  }

  @Override
  public List<Violation> validate(GenerationRequestedEvent value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof ImmutableGenerationRequestedEvent) {
      // Built by GenerationRequestedEventBuilder or parse(), which checked every rule; immutable, so still valid.
      return List.of();
    }
    List<Violation> violations = null;
    violations = checkModel(value.model(), violations);
    violations = checkPrompt(value.prompt(), violations);
    violations = checkHistory(value.history(), violations);
    return Violations.toList(violations);
  }

  @Override
  public ParseResult<GenerationRequestedEvent> parse(Map<String, ?> payload) {
    WireReader in = WireReader.strict(payload, WIRE_KEYS);
    String model = in.required("model", WireType.STRING);
    if (model != null) {
      in.update(checkModel(model, in.violations()));
    }
    Prompt prompt = in.required("prompt", PromptUnion::read);
    List<Prompt> history = in.list("history", PromptUnion::read);
    List<Violation> violations = in.violations();
    if (violations != null) {
      return new ParseResult.Invalid<>(violations);
    }
    return new ParseResult.Valid<>(new ImmutableGenerationRequestedEvent(model, prompt, history));
  }

  @Override
  public Map<String, Object> toMap(GenerationRequestedEvent value) {
    Map<String, Object> wire = new LinkedHashMap<>();
    WireWriter.put(wire, "model", value.model());
    Prompt prompt = value.prompt();
    if (prompt != null) {
      wire.put("prompt", PromptUnion.toWire(prompt));
    }
    List<Prompt> history = value.history();
    if (history != null && !history.isEmpty()) {
      wire.put("history", history.stream()
          .map(element -> element == null ? null : PromptUnion.toWire(element)).toList());
    }
    return Collections.unmodifiableMap(wire);
  }

  @Override
  public String jsonSchema() {
    return SchemaResources.read(GenerationRequestedEventValidator.class,
        "META-INF/eventschema/generationRequested.schema.json");
  }

  static List<Violation> checkModel(String value, List<Violation> violations) {
    if (value == null) {
      return Violations.missing(violations, "/model");
    }
    if (value.isEmpty()) {
      violations = Violations.add(violations, "/model", Violation.Code.TOO_SMALL,
          "must not be empty");
    }
    return violations;
  }

  static List<Violation> checkPrompt(Prompt value, List<Violation> violations) {
    if (value == null) {
      return Violations.missing(violations, "/prompt");
    }
    violations = Violations.addAll(violations, "/prompt", PromptUnion.validate(value));
    return violations;
  }

  static List<Violation> checkHistory(List<Prompt> value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullCollection(violations, "/history");
    }
    for (int i = 0; i < value.size(); i++) {
      Prompt element = value.get(i);
      if (element == null) {
        violations = Violations.nullElement(violations, "/history/" + i);
        continue;
      }
      List<Violation> nested = PromptUnion.validate(element);
      if (!nested.isEmpty()) {
        violations = Violations.addAll(violations, "/history/" + i, nested);
      }
    }
    return violations;
  }
}
