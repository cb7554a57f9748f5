package dev.eventschema.processor.evolution;

import dev.eventschema.Compatibility;
import dev.eventschema.EventSchema;
import dev.eventschema.Reserved;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.reading.Diagnostics;
import dev.eventschema.processor.reading.ErrorId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Schema evolution, one schema at a time, after its JSON Schema was rendered: keys reserved with
 * {@code @Reserved} must not be fields; and, with a baseline directory, either the schema is compared
 * with its baseline under its compatibility mode (each breaking difference an error on the accessor
 * that changed), or, when recording, its baseline is written, never with a version that did not
 * increase.
 *
 * <p>The comparison is between JSON Schema documents, the baseline's and the one just rendered, not
 * between processor models: the baseline is the published contract that producers in other languages
 * validate against, so what counts as a change is what changes there (the implied {@code minLength}
 * of a required string, an {@code int}'s bounds), and an old baseline stays readable however the
 * processor's model evolves.
 */
public final class SchemaEvolution {

  private final EvolutionOptions options;
  private final IncompatibilityReport report;

  /** @param schemaByWireName the interface of a schema of this compilation, by wire name */
  public SchemaEvolution(EvolutionOptions options, Function<String, Optional<TypeElement>> schemaByWireName,
      Messager messager) {
    this.options = options;
    this.report = new IncompatibilityReport(schemaByWireName);
    options.problems().forEach(problem ->
        messager.printMessage(Diagnostic.Kind.ERROR, ErrorId.INVALID_OPTION.prefix() + problem));
  }

  public void check(TypeElement element, SchemaModel model, String jsonSchema, Diagnostics diagnostics) {
    EventSchema annotation = element.getAnnotation(EventSchema.class);
    Reserved reservedAnnotation = element.getAnnotation(Reserved.class);
    List<String> reserved = reservedAnnotation == null ? List.of() : Arrays.asList(reservedAnnotation.value());
    checkReservedKeys(element, model, reserved, diagnostics);
    if (options.baseline().isEmpty() || annotation == null) {
      return;
    }
    Path directory = options.baseline().get();
    try {
      Optional<Baseline> baseline = Baseline.read(directory, model.wireName());
      if (options.record()) {
        record(element, model, jsonSchema, annotation.version(), reserved, baseline, directory, diagnostics);
      } else if (baseline.isPresent()) {
        compare(element, model, jsonSchema, options.modeOf(annotation.compatibility()), reserved, baseline.get(),
            diagnostics);
      }
    } catch (IOException e) {
      diagnostics.error(element, ErrorId.BASELINE_UNREADABLE, "the baseline of '" + model.wireName()
          + "' could not be read or written, so it was not checked: " + e.getMessage());
    }
  }

  private void checkReservedKeys(TypeElement element, SchemaModel model, List<String> reserved,
      Diagnostics diagnostics) {
    for (FieldModel field : model.fields()) {
      if (reserved.contains(field.name())) {
        diagnostics.error(report.accessor(element, field.name()).orElse(element), ErrorId.RESERVED_KEY,
            "key '" + field.name() + "' is reserved with @Reserved on " + element.getSimpleName()
            + ": it was removed and must not come back with another meaning (Confluent: "
            + "RESERVED_PROPERTY_CONFLICTS_WITH_PROPERTY); choose another name");
      }
    }
  }

  private void compare(TypeElement element, SchemaModel model, String jsonSchema, Compatibility mode,
      List<String> reserved, Baseline baseline, Diagnostics diagnostics) throws IOException {
    if (mode == Compatibility.NONE) {
      return;
    }
    List<Difference> differences = new ArrayList<>(
        SchemaDiff.compare(model.wireName(), baseline.schema(), JsonTree.readObject(jsonSchema)));
    for (String key : baseline.reserved()) {
      if (!reserved.contains(key)) {
        differences.add(new Difference(DifferenceCode.RESERVED_PROPERTY_REMOVED, "/" + key, model.wireName(), null,
            "@Reserved(\"" + key + "\")", "not reserved"));
      }
    }
    for (Difference difference : differences) {
      if (difference.code().breaks(mode)) {
        report.report(element, model.wireName(), mode, baseline.version(), difference, diagnostics);
      }
    }
  }

  private static void record(TypeElement element, SchemaModel model, String jsonSchema, int version,
      List<String> reserved, Optional<Baseline> baseline, Path directory, Diagnostics diagnostics)
      throws IOException {
    if (baseline.isPresent()) {
      Baseline old = baseline.get();
      boolean sameContent = old.schema().equals(JsonTree.readObject(jsonSchema)) && old.reserved().equals(reserved);
      if (sameContent && old.version() == version) {
        return;
      }
      if (version <= old.version()) {
        diagnostics.error(element, ErrorId.BASELINE_VERSION_NOT_INCREASED, "refusing to overwrite the baseline "
            + old.file() + " (version " + old.version() + ") with " + (sameContent ? "the same schema" : "a changed schema")
            + " at version " + version + ": a recorded baseline's version only increases; raise it with "
            + "@EventSchema(version = " + (old.version() + 1) + ") on " + element.getSimpleName());
        return;
      }
    }
    Baseline.write(Baseline.file(directory, model.wireName()), Baseline.text(jsonSchema, version, reserved));
  }
}
