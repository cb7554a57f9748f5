package dev.eventschema.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.EventSchema;
import dev.eventschema.StringForm;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.reading.Diagnostics;
import dev.eventschema.processor.reading.SchemaReader;
import dev.eventschema.processor.rendering.BuilderRenderer;
import dev.eventschema.processor.rendering.JsonSchemaRenderer;
import dev.eventschema.processor.rendering.UnionRenderer;
import dev.eventschema.processor.rendering.ValidatorRenderer;
import dev.eventschema.processor.rendering.ValueRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates, for every {@code @EventSchema} interface, a strict validator, a builder, an immutable
 * value and the JSON Schema of its wire form; and for every union, its helper. With
 * {@code schema-json} on the compile class path, also a streaming JSON codec per schema (see
 * {@link JsonCodecGeneration}).
 *
 * <p>Each round first reads every schema into a model (reporting misuse as errors on the element
 * at fault), then checks what spans schemas (unique wire names), and only then renders. It is an
 * aggregating processor: a union's helper depends on all of the union's members.
 */
@AutoService(Processor.class)
public final class EventSchemaProcessor extends AbstractProcessor {

  /** Wire names seen in this compilation, with the schema that took each. */
  private final Map<String, String> wireNames = new HashMap<>();
  /** Models by interface name, across rounds: nested schemas' JSON Schemas are built from them. */
  private final Map<String, SchemaModel> models = new HashMap<>();
  private final Set<String> generatedUnions = new HashSet<>();
  private JsonCodecGeneration jsonCodecs;

  @Override
  public synchronized void init(javax.annotation.processing.ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    jsonCodecs = new JsonCodecGeneration(processingEnv.getElementUtils(), this::write, this::writeResource);
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
    SchemaReader reader = new SchemaReader(diagnostics);
    List<SchemaModel> read = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(EventSchema.class)) {
      reader.read((TypeElement) element)
          .filter(model -> uniqueWireName(model, element, diagnostics))
          .ifPresent(read::add);
    }
    for (Element element : round.getElementsAnnotatedWith(StringForm.class)) {
      if (element.getAnnotation(EventSchema.class) == null && element.getKind() != ElementKind.ANNOTATION_TYPE) {
        diagnostics.error(element, "@StringForm goes on an @EventSchema interface that is a member of a union");
      }
    }
    read.forEach(model -> models.put(model.type().canonicalName(), model));
    JsonSchemaRenderer jsonSchemas = new JsonSchemaRenderer(name -> Optional.ofNullable(models.get(name))
        .or(() -> readLibrarySchema(name)));
    for (SchemaModel model : read) {
      generate(model, jsonSchemas.render(model));
    }
    for (UnionModel union : reader.unions().values()) {
      generate(union);
    }
    jsonCodecs.generate(read);
    jsonCodecs.endRound(!read.isEmpty(), round.processingOver());
    return true; // these annotations are ours alone
  }

  private boolean uniqueWireName(SchemaModel model, Element element, Diagnostics diagnostics) {
    String owner = wireNames.putIfAbsent(model.wireName(), model.type().canonicalName());
    if (owner != null && !owner.equals(model.type().canonicalName())) {
      diagnostics.error(element, "wire name '" + model.wireName() + "' is already used by " + owner
          + "; give one of them another name with @EventSchema(\"...\")");
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
    Diagnostics quiet = new Diagnostics(new QuietMessager());
    Optional<SchemaModel> model = new SchemaReader(quiet).read(element);
    model.ifPresent(m -> models.put(canonicalName, m));
    return model;
  }

  private void generate(SchemaModel model, String jsonSchema) {
    write(model.type().packageName(), new ValidatorRenderer().render(model, jsonSchema));
    write(model.type().packageName(), new BuilderRenderer().render(model));
    write(model.type().packageName(), new ValueRenderer().render(model));
    writeResource("META-INF/eventschema/" + model.wireName() + ".schema.json", jsonSchema);
  }

  private void generate(UnionModel union) {
    String name = union.helper().canonicalName();
    if (generatedUnions.add(name) && processingEnv.getElementUtils().getTypeElement(name) == null) {
      write(union.type().packageName(), new UnionRenderer().render(union));
    }
  }

  private void write(String packageName, TypeSpec type) {
    try {
      JavaFile.builder(packageName, type)
          .skipJavaLangImports(true)
          .indent("  ")
          .build()
          .writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          "could not write " + packageName + "." + type.name() + ": " + e.getMessage());
    }
  }

  private void writeResource(String path, String content) {
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        writer.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }

  /** Swallows the messages of a library schema read only to describe it. */
  private static final class QuietMessager implements javax.annotation.processing.Messager {
    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e,
        javax.lang.model.element.AnnotationMirror a) {}

    @Override
    public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e,
        javax.lang.model.element.AnnotationMirror a, javax.lang.model.element.AnnotationValue v) {}
  }
}
