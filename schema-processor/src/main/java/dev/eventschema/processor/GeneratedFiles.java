package dev.eventschema.processor;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.rendering.BuilderRenderer;
import dev.eventschema.processor.rendering.UnionRenderer;
import dev.eventschema.processor.rendering.ValidatorRenderer;
import dev.eventschema.processor.rendering.ValueRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes what is generated for a schema or a union through the {@link Filer}, each file once. */
final class GeneratedFiles {

  /** Where a schema's JSON Schema goes, and where its validator's {@code jsonSchema()} reads it. */
  static String jsonSchemaPath(SchemaModel schema) {
    return "META-INF/eventschema/" + schema.wireName() + ".schema.json";
  }

  private final Filer filer;
  private final Set<String> unions = new HashSet<>();

  GeneratedFiles(Filer filer) {
    this.filer = filer;
  }

  /** The validator, builder, value and JSON Schema of {@code schema}. */
  void write(SchemaModel schema, String jsonSchema) {
    String packageName = schema.type().packageName();
    writeSource(packageName, new ValidatorRenderer().render(schema, jsonSchemaPath(schema)));
    writeSource(packageName, new BuilderRenderer().render(schema));
    writeSource(packageName, new ValueRenderer().render(schema));
    writeResource(jsonSchemaPath(schema), jsonSchema);
  }

  /** The helper of {@code union}, unless it was written before in this compilation. */
  void write(UnionModel union) {
    if (unions.add(union.helper().canonicalName())) {
      writeSource(union.type().packageName(), new UnionRenderer().render(union));
    }
  }

  void writeSource(String packageName, TypeSpec type) {
    try {
      JavaFile.builder(packageName, type)
          .skipJavaLangImports(true)
          .indent("  ")
          .build()
          .writeTo(filer);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + packageName + "." + type.name(), e);
    }
  }

  void writeResource(String path, String content) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
      try (Writer writer = file.openWriter()) {
        writer.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + path, e);
    }
  }
}
