package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.Names.COPIES;
import static dev.eventschema.processor.rendering.Names.JSON_VALUES;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.ValueType;
import java.util.List;
import java.util.StringJoiner;
import javax.lang.model.element.Modifier;

/**
 * Renders {@code ImmutableFoo}, the record behind every {@code Foo} that a builder or {@code parse}
 * returns. Its constructor is package-private and only ever called with values that passed every
 * rule; lists and maps are copied so that nobody can change them afterwards.
 */
public final class ValueRenderer {

  public TypeSpec render(SchemaModel schema) {
    MethodSpec.Builder constructor = MethodSpec.compactConstructorBuilder();
    for (FieldModel field : schema.fields()) {
      constructor.addParameter(field.type().javaType(), field.name());
      ValueType type = field.type();
      if (type instanceof ValueType.ListOf) {
        constructor.addStatement("$N = $T.list($N)", field.name(), COPIES, field.name());
      } else if (type instanceof ValueType.MapOf) {
        constructor.addStatement("$N = $T.map($N)", field.name(), COPIES, field.name());
      } else if (type instanceof ValueType.JsonObject) {
        constructor.addStatement("$N = $T.copyObject($N)", field.name(), JSON_VALUES, field.name());
      }
    }
    return TypeSpec.recordBuilder(schema.value())
        .addJavadoc("The immutable {@link $T} that {@link $T} builds\nand {@link $T} parses.\n", schema.type(),
            schema.builder(), schema.validator())
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(schema.type())
        .recordConstructor(constructor.build())
        .addMethod(toStringMethod(schema))
        .build();
  }

  /** {@code ModelLoadedEvent{model=m, quantization=int4}}: absent optionals and empty collections left out. */
  private static MethodSpec toStringMethod(SchemaModel schema) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toString")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$T fields = new $T($S, $S, $S)", StringJoiner.class, StringJoiner.class, ", ",
            String.join(".", schema.type().simpleNames()) + "{", "}");
    for (FieldModel field : schema.fields()) {
      // Components are read through "this." so that one named like a local ("fields") still works.
      CodeBlock add = CodeBlock.of("fields.add($S + $L)", field.name() + "=",
          field.type() instanceof ValueType.OptionalOf ? "present" : "this." + field.name());
      if (field.type() instanceof ValueType.OptionalOf) {
        method.addStatement("this.$N.ifPresent(present -> $L)", field.name(), add);
      } else if (!field.required()) {
        method.beginControlFlow("if (!this.$N.isEmpty())", field.name()).addStatement(add).endControlFlow();
      } else {
        method.addStatement(add);
      }
    }
    return method.addStatement("return fields.toString()").build();
  }
}
