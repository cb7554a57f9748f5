package dev.eventschema.processor;

import com.google.auto.service.AutoService;
import dev.eventschema.EventSchema;
import dev.eventschema.StringForm;
import dev.eventschema.processor.evolution.EvolutionOptions;
import dev.eventschema.processor.evolution.SchemaEvolution;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.reading.Diagnostics;
import dev.eventschema.processor.reading.ErrorId;
import dev.eventschema.processor.reading.MissingTypeException;
import dev.eventschema.processor.reading.SchemaReader;
import dev.eventschema.processor.rendering.JsonSchemaRenderer;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates, for every {@code @EventSchema} interface, a strict validator, a builder, an immutable
 * value and the JSON Schema of its wire form; and for every union, its helper. With
 * {@code schema-json} on the compile class path, also a streaming JSON codec per schema (see
 * {@link JsonCodecGeneration}).
 *
 * <p>Each round takes two steps per schema: read it into a model (reporting misuse as errors on the
 * element at fault, then checking what spans schemas, such as unique wire names), and render it. A
 * schema that refers to a type that does not exist yet (another processor may generate it) is
 * deferred to the next round, and reported only if the type is still missing in the last round. An
 * unexpected exception becomes one error on its schema; the other schemas are still generated.
 *
 * <p>It is an aggregating processor (a union's helper depends on all of the union's members), and it
 * does not claim its annotations: other processors may read them too.
 */
@AutoService(Processor.class)
public final class EventSchemaProcessor extends AbstractProcessor {

  /** Wire names seen in this compilation, with the schema that took each. */
  private final Map<String, String> wireNames = new HashMap<>();
  /** Models by interface name, across rounds: nested schemas' JSON Schemas are built from them. */
  private final Map<String, SchemaModel> models = new HashMap<>();
  /** Schemas to read again next round, by name, with the missing type that each refers to. */
  private final Map<String, String> deferred = new LinkedHashMap<>();
  private GeneratedFiles files;
  private JsonCodecGeneration jsonCodecs;
  private SchemaEvolution evolution;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    files = new GeneratedFiles(processingEnv.getFiler());
    jsonCodecs = new JsonCodecGeneration(processingEnv.getElementUtils(), files::writeSource, files::writeResource);
    evolution = new SchemaEvolution(EvolutionOptions.of(processingEnv.getOptions()),
        wireName -> Optional.ofNullable(wireNames.get(wireName)).map(processingEnv.getElementUtils()::getTypeElement),
        processingEnv.getMessager());
  }

  @Override
  public Set<String> getSupportedOptions() {
    return EvolutionOptions.NAMES;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(EventSchema.class.getCanonicalName(), StringForm.class.getCanonicalName(),
        "dev.eventschema.constraints.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    try {
      processRound(round, diagnostics);
    } catch (RuntimeException e) {
      diagnostics.discard();
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          ErrorId.PROCESSOR_EXCEPTION.prefix() + "the eventschema processor failed: " + describe(e));
    }
    return false; // not claimed: other processors may read these annotations too
  }

  private void processRound(RoundEnvironment round, Diagnostics diagnostics) {
    Set<TypeElement> schemas = new LinkedHashSet<>();
    Map<String, String> missingBefore = new LinkedHashMap<>(deferred);
    deferred.clear();
    missingBefore.keySet().forEach(name -> schemas.add(processingEnv.getElementUtils().getTypeElement(name)));
    round.getElementsAnnotatedWith(EventSchema.class).forEach(e -> schemas.add((TypeElement) e));
    checkStringFormPlacement(round, diagnostics);

    SchemaReader reader = new SchemaReader(diagnostics);
    List<SchemaModel> read = new ArrayList<>();
    for (TypeElement element : schemas) {
      step(element, diagnostics, () -> reader.read(element).filter(m -> uniqueWireName(m, element, diagnostics)))
          .ifPresent(read::add);
    }
    read.forEach(model -> models.put(model.type().canonicalName(), model));
    JsonSchemaRenderer jsonSchemas = new JsonSchemaRenderer(name -> Optional.ofNullable(models.get(name))
        .or(() -> readLibrarySchema(name)));
    for (SchemaModel model : read) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(model.type().canonicalName());
      step(element, diagnostics, () -> {
        String jsonSchema = jsonSchemas.render(model);
        files.write(model, jsonSchema);
        evolution.check(element, model, jsonSchema, diagnostics);
        return Optional.of(model);
      });
    }
    for (UnionModel union : reader.unions().values()) {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(union.type().canonicalName());
      step(element, diagnostics, () -> {
        if (processingEnv.getElementUtils().getTypeElement(union.helper().canonicalName()) == null) {
          files.write(union);
        }
        return Optional.of(union);
      });
    }
    jsonCodecs.generate(read);
    jsonCodecs.endRound(!read.isEmpty(), round.processingOver());
    if (round.processingOver()) {
      reportStillMissing(diagnostics);
    }
  }

  /**
   * Runs one step for the schema {@code element}, then reports its errors; a step that meets a type
   * that does not exist yet is dropped quietly and the schema deferred to the next round.
   */
  private <T> Optional<T> step(TypeElement element, Diagnostics diagnostics, Supplier<Optional<T>> work) {
    try {
      Optional<T> result = work.get();
      diagnostics.flush();
      return result;
    } catch (MissingTypeException e) {
      diagnostics.discard();
      deferred.put(element.getQualifiedName().toString(), e.typeName());
    } catch (UncheckedIOException e) {
      diagnostics.flush();
      diagnostics.error(element, ErrorId.WRITE_FAILED, e.getMessage() + ": " + e.getCause().getMessage());
      diagnostics.flush();
    } catch (RuntimeException e) {
      diagnostics.discard();
      diagnostics.error(element, ErrorId.PROCESSOR_EXCEPTION, "the eventschema processor failed on "
          + element.getSimpleName() + ", so nothing was generated for it: " + describe(e));
      diagnostics.flush();
    }
    return Optional.empty();
  }

  /** The exception and where it was thrown, without a stack trace: javac's output stays readable. */
  private static String describe(RuntimeException e) {
    StackTraceElement[] trace = e.getStackTrace();
    return e + (trace.length == 0 ? "" : " (at " + trace[0] + ")")
        + ". This is a bug in eventschema; please report it with this message.";
  }

  /** In the last round: the schemas whose missing types no processor generated. */
  private void reportStillMissing(Diagnostics diagnostics) {
    deferred.forEach((name, missing) -> {
      TypeElement element = processingEnv.getElementUtils().getTypeElement(name);
      diagnostics.error(element, ErrorId.MISSING_TYPE, element.getSimpleName() + " refers to " + missing
          + ", which does not exist, so nothing was generated for " + element.getSimpleName()
          + "; if another annotation processor generates " + missing + ", check that it runs");
    });
    deferred.clear();
    diagnostics.flush();
  }

  private void checkStringFormPlacement(RoundEnvironment round, Diagnostics diagnostics) {
    for (Element element : round.getElementsAnnotatedWith(StringForm.class)) {
      if (element.getAnnotation(EventSchema.class) == null && element.getKind() != ElementKind.ANNOTATION_TYPE) {
        diagnostics.error(element, ErrorId.STRING_FORM_MISPLACED,
            "@StringForm goes on an @EventSchema interface that is a member of a union");
      }
    }
    diagnostics.flush();
  }

  private boolean uniqueWireName(SchemaModel model, Element element, Diagnostics diagnostics) {
    String owner = wireNames.putIfAbsent(model.wireName(), model.type().canonicalName());
    if (owner != null && !owner.equals(model.type().canonicalName())) {
      diagnostics.error(element, ErrorId.DUPLICATE_WIRE_NAME, "wire name '" + model.wireName()
          + "' is already used by " + owner + "; give one of them another name with @EventSchema(\"...\")");
      return false;
    }
    return true;
  }

  /** A schema compiled earlier (a library's), read quietly: its own compilation reported its errors. */
  private Optional<SchemaModel> readLibrarySchema(String canonicalName) {
    TypeElement element = processingEnv.getElementUtils().getTypeElement(canonicalName);
    if (element == null) {
      return Optional.empty();
    }
    Diagnostics quiet = new Diagnostics(processingEnv.getMessager());
    Optional<SchemaModel> model = new SchemaReader(quiet).read(element);
    quiet.discard();
    model.ifPresent(m -> models.put(canonicalName, m));
    return model;
  }
}
