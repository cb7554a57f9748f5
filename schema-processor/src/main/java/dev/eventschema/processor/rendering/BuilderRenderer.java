package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.CheckRenderer.VIOLATION_LIST;
import static dev.eventschema.processor.rendering.Names.VIOLATIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventschema.SchemaViolationException;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import javax.lang.model.element.Modifier;

/**
 * Renders {@code FooBuilder}: setters named like the accessors, and a {@code build()} that checks
 * every rule (the same checks as the validator) and throws with all violations at once.
 */
public final class BuilderRenderer {

  public TypeSpec render(SchemaModel schema) {
    ClassName self = schema.builder();
    TypeSpec.Builder builder = TypeSpec.classBuilder(self)
        .addJavadoc("Builds a valid, immutable {@link $T}:\n{@code $T.builder()...build()}.\n", schema.type(), self)
        .addJavadoc("\n<p>{@link #build()} checks every rule of the schema and throws a\n"
            + "{@link $T} listing all violations; a builder is not thread-safe.\n", SchemaViolationException.class)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL);
    for (FieldModel field : schema.fields()) {
      builder.addField(field(field));
    }
    builder.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("builder")
            .addJavadoc("An empty builder.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(self)
            .addStatement("return new $T()", self)
            .build())
        .addMethod(from(schema));
    for (FieldModel field : schema.fields()) {
      setters(field, schema).forEach(builder::addMethod);
    }
    return builder.addMethod(build(schema)).build();
  }

  /** What the builder holds for a field: required primitives boxed, so that "not set" is visible. */
  private static FieldSpec field(FieldModel field) {
    ValueType type = field.type();
    if (type instanceof ValueType.ListOf list) {
      TypeName held = ParameterizedTypeName.get(ClassName.get(ArrayList.class), list.element().javaType());
      return FieldSpec.builder(held, field.name(), Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()",
          ArrayList.class).build();
    }
    if (type instanceof ValueType.MapOf || type instanceof ValueType.JsonObject) {
      ValueType value = type instanceof ValueType.MapOf map ? map.value() : null;
      TypeName held = ParameterizedTypeName.get(ClassName.get(LinkedHashMap.class), ClassName.get(String.class),
          value == null ? ClassName.OBJECT : value.javaType());
      return FieldSpec.builder(held, field.name(), Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()",
          LinkedHashMap.class).build();
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return FieldSpec.builder(type.javaType(), field.name(), Modifier.PRIVATE)
          .initializer("$T.empty()", optionalClass(optional))
          .build();
    }
    return FieldSpec.builder(type.javaType().box(), field.name(), Modifier.PRIVATE).build();
  }

  private static MethodSpec from(SchemaModel schema) {
    CodeBlock.Builder copy = CodeBlock.builder().add("return builder()");
    for (FieldModel field : schema.fields()) {
      copy.add("\n    .$N(value.$N())", field.name(), field.name());
    }
    return MethodSpec.methodBuilder("from")
        .addJavadoc("A builder holding the fields of {@code value}, to build a changed copy.\n\n"
            + "@throws NullPointerException if a field of a hand-written {@code value} is {@code null}\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(schema.builder())
        .addParameter(schema.type(), "value")
        .addCode(copy.add(";\n").build())
        .build();
  }

  /**
   * The setters of one field, each documented with the accessor it sets and the rules that
   * {@link #build()} will check; a {@code null} argument fails at once, naming the parameter.
   */
  private static List<MethodSpec> setters(FieldModel field, SchemaModel schema) {
    String name = field.name();
    ValueType type = field.type();
    ClassName self = schema.builder();
    String rules = RuleText.of(type);
    CodeBlock accessor = CodeBlock.of("{@link $T#$N()}", schema.type(), name);
    List<MethodSpec> setters = new ArrayList<>();
    if (type instanceof ValueType.ListOf list) {
      setters.add(setter(name, self, ParameterizedTypeName.get(ClassName.get(Iterable.class),
              WildcardTypeName.subtypeOf(list.element().javaType())))
          .addJavadoc("Replaces the elements of $L$L.\n", accessor, suffix(rules))
          .addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name)
          .addStatement("this.$N.clear()", name)
          .addStatement("$N.forEach(this.$N::add)", name, name)
          .addStatement("return this").build());
      setters.add(MethodSpec.methodBuilder("add" + field.capitalized())
          .addJavadoc("Adds an element to $L.\n", accessor)
          .addModifiers(Modifier.PUBLIC).returns(self)
          .addParameter(list.element().javaType(), "element")
          .addStatement("this.$N.add(element)", name)
          .addStatement("return this").build());
    } else if (type instanceof ValueType.MapOf || type instanceof ValueType.JsonObject) {
      TypeName value = type instanceof ValueType.MapOf map ? map.value().javaType() : ClassName.OBJECT;
      setters.add(setter(name, self, ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
              WildcardTypeName.subtypeOf(value)))
          .addJavadoc("Replaces the entries of $L$L.\n", accessor, suffix(rules))
          .addStatement("$T.requireNonNull($N, $S)", Objects.class, name, name)
          .addStatement("this.$N.clear()", name)
          .addStatement("this.$N.putAll($N)", name, name)
          .addStatement("return this").build());
      setters.add(MethodSpec.methodBuilder("put" + field.capitalized())
          .addJavadoc("Adds an entry to $L.\n", accessor)
          .addModifiers(Modifier.PUBLIC).returns(self)
          .addParameter(String.class, "key")
          .addParameter(value, "value")
          .addStatement("this.$N.put(key, value)", name)
          .addStatement("return this").build());
    } else if (type instanceof ValueType.OptionalOf optional) {
      TypeName inner = optional.value().javaType();
      TypeName plain = optional.kind() == ValueType.OptionalKind.OBJECT ? inner : inner.unbox();
      setters.add(setter(name, self, plain)
          .addJavadoc("Sets $L$L.\n", accessor, suffix(rules))
          .addStatement("this.$N = $T.of($L)", name, optionalClass(optional), plain.isPrimitive()
              ? CodeBlock.of("$N", name) : CodeBlock.of("$T.requireNonNull($N, $S)", Objects.class, name, name))
          .addStatement("return this").build());
      setters.add(setter(name, self, type.javaType())
          .addJavadoc("Sets or clears $L.\n", accessor)
          .addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name)
          .addStatement("return this").build());
    } else {
      MethodSpec.Builder setter = setter(name, self, type.javaType())
          .addJavadoc("Sets $L$L.\n", accessor, suffix(rules));
      if (type.javaType().isPrimitive()) {
        setter.addStatement("this.$N = $N", name, name);
      } else {
        setter.addStatement("this.$N = $T.requireNonNull($N, $S)", name, Objects.class, name, name);
      }
      setters.add(setter.addStatement("return this").build());
    }
    return setters;
  }

  /** {@code ": 1024-65535"}, or nothing for a value without rules. */
  private static String suffix(String rules) {
    if (rules.isEmpty()) {
      return "";
    }
    return rules.length() <= 40 ? ": " + rules : ":\n" + rules.replace("; ", ";\n");
  }

  private static MethodSpec.Builder setter(String name, ClassName self, TypeName parameter) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC).returns(self).addParameter(parameter, name);
  }

  private static MethodSpec build(SchemaModel schema) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("build")
        .addJavadoc("The value, if every rule holds.\n\n@throws $T listing every violation\n",
            SchemaViolationException.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(schema.type())
        .addStatement("$T violations = null", VIOLATION_LIST);
    for (FieldModel field : schema.fields()) {
      boolean primitive = field.type().javaType().isPrimitive();
      if (primitive) {
        method.beginControlFlow("if (this.$N == null)", field.name())
            .addStatement("violations = $T.missing(violations, $S)", VIOLATIONS, field.pointer());
        if (CheckRenderer.needsCheck(field)) {
          method.nextControlFlow("else")
              .addStatement("violations = $T.$N(this.$N, violations)", schema.validator(),
                  CheckRenderer.checkName(field), field.name());
        }
        method.endControlFlow();
      } else if (CheckRenderer.needsCheck(field)) {
        method.addStatement("violations = $T.$N(this.$N, violations)", schema.validator(),
            CheckRenderer.checkName(field), field.name());
      }
    }
    method.beginControlFlow("if (violations != null)")
        .addStatement("throw new $T(violations)", SchemaViolationException.class)
        .endControlFlow();
    CodeBlock arguments = schema.fields().stream()
        .map(f -> CodeBlock.of("this.$N", f.name()))
        .collect(CodeBlock.joining(",$W"));
    return method.addStatement("return new $T($L)", schema.value(), arguments).build();
  }

  private static Class<?> optionalClass(ValueType.OptionalOf optional) {
    return switch (optional.kind()) {
      case OBJECT -> Optional.class;
      case INT -> OptionalInt.class;
      case LONG -> OptionalLong.class;
      case DOUBLE -> OptionalDouble.class;
    };
  }
}
