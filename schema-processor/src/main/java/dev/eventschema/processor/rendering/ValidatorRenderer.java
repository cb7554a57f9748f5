package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.Names.VIOLATIONS;
import static dev.eventschema.processor.rendering.Names.SCHEMA_RESOURCES;
import static dev.eventschema.processor.rendering.Names.WIRE_READER;
import static dev.eventschema.processor.rendering.Names.WIRE_WRITER;
import static dev.eventschema.processor.rendering.CheckRenderer.VIOLATION_LIST;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Renders {@code FooValidator}: the strict parser, the checks and the wire writer; its
 * {@code jsonSchema()} reads the JSON Schema resource generated beside it.
 */
public final class ValidatorRenderer {

  private static final TypeName WIRE_MAP = ParameterizedTypeName.get(Map.class, String.class, Object.class);
  private static final TypeName PAYLOAD = ParameterizedTypeName.get(ClassName.get(Map.class),
      ClassName.get(String.class), WildcardTypeName.subtypeOf(Object.class));

  /** @param jsonSchemaPath the class-path resource that holds the schema's JSON Schema */
  public TypeSpec render(SchemaModel schema, String jsonSchemaPath) {
    CheckRenderer checks = new CheckRenderer();
    WireForms wire = new WireForms();
    ClassName self = schema.validator();
    List<MethodSpec> checkMethods = schema.fields().stream()
        .filter(CheckRenderer::needsCheck)
        .map(checks::checkMethod)
        .toList();
    MethodSpec parse = parse(schema, wire);

    return TypeSpec.classBuilder(self)
        .addJavadoc("Strict validator of {@link $T}, generated from its {@code @EventSchema} declaration.\n",
            schema.type())
        .addJavadoc("\n<p>Stateless and thread-safe: use {@link #INSTANCE}.\n")
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(ClassName.get(SchemaValidator.class), schema.type()))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "WIRE_KEYS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, wireKeys(schema))
            .build())
        .addFields(wire.enumTypeFields())
        .addFields(checks.patternFields())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("eventName")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $S", schema.wireName())
            .build())
        .addMethod(MethodSpec.methodBuilder("version")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return $L", schema.version())
            .build())
        .addMethod(MethodSpec.methodBuilder("type")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), schema.type()))
            .addStatement("return $T.class", schema.type())
            .build())
        .addMethod(validate(schema))
        .addMethod(parse)
        .addMethod(toMap(schema))
        .addMethod(MethodSpec.methodBuilder("jsonSchema")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(String.class)
            .addStatement("return $T.read($T.class,$W$S)", SCHEMA_RESOURCES, self, jsonSchemaPath)
            .build())
        .addMethods(checkMethods)
        .build();
  }

  private static CodeBlock wireKeys(SchemaModel schema) {
    List<String> keys = new java.util.ArrayList<>();
    schema.union().ifPresent(u -> keys.add(UnionModel.DISCRIMINATOR));
    schema.fields().forEach(f -> keys.add(f.name()));
    return keys.stream().map(k -> CodeBlock.of("$S", k)).collect(CodeBlock.joining(",$W"));
  }

  private static MethodSpec validate(SchemaModel schema) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("validate")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(VIOLATION_LIST)
        .addParameter(schema.type(), "value")
        .addStatement("$T.requireNonNull(value, $S)", Objects.class, "value")
        .beginControlFlow("if (value instanceof $T)", schema.value())
        .addCode("// Built by $T or parse(), which checked every rule; immutable, so still valid.\n",
            schema.builder())
        .addStatement("return $T.of()", List.class)
        .endControlFlow();
    List<FieldModel> checked = schema.fields().stream().filter(CheckRenderer::needsCheck).toList();
    if (checked.isEmpty()) {
      return method.addStatement("return $T.of()", List.class).build();
    }
    method.addStatement("$T violations = null", VIOLATION_LIST);
    for (FieldModel field : checked) {
      method.addStatement("violations = $N(value.$N(), violations)", CheckRenderer.checkName(field), field.name());
    }
    return method.addStatement("return $T.toList(violations)", VIOLATIONS).build();
  }

  private static MethodSpec parse(SchemaModel schema, WireForms wire) {
    NameAllocator names = new NameAllocator();
    names.newName("payload", "payload");
    names.newName("in", "in");
    names.newName("violations", "violations");
    MethodSpec.Builder method = MethodSpec.methodBuilder("parse")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(ParseResult.class), schema.type()))
        .addParameter(PAYLOAD, "payload")
        .addStatement("$T in = $T.$L(payload, WIRE_KEYS)", WIRE_READER, WIRE_READER,
            schema.strict() ? "strict" : "lenient");
    schema.union().ifPresent(u ->
        method.addStatement("in.constant($S, $S)", UnionModel.DISCRIMINATOR, schema.wireName()));
    // Each field is read, then checked, in declaration order: violations come in the order that
    // validate() finds them.
    for (FieldModel field : schema.fields()) {
      String local = names.newName(field.name(), field);
      method.addStatement("$T $N = $L", localType(field.type()), local, read(field, wire));
      if (field.type().hasRules()) {
        method.beginControlFlow("if ($N != null)", local)
            .addStatement("in.update($N($N, in.violations()))", CheckRenderer.checkName(field), local)
            .endControlFlow();
      }
    }
    method.addStatement("$T violations = in.violations()", VIOLATION_LIST);
    method.beginControlFlow("if (violations != null)")
        .addStatement("return new $T<>(violations)", ParseResult.Invalid.class)
        .endControlFlow();
    CodeBlock arguments = schema.fields().stream()
        .map(f -> CodeBlock.of("$N", names.get(f)))
        .collect(CodeBlock.joining(",$W"));
    return method.addStatement("return new $T<>(new $T($L))", ParseResult.Valid.class, schema.value(), arguments)
        .build();
  }

  /** Reads are boxed: {@code null} means the value could not be read. */
  private static TypeName localType(ValueType type) {
    return type.javaType().box();
  }

  private static CodeBlock read(FieldModel field, WireForms wire) {
    ValueType type = field.type();
    if (type instanceof ValueType.OptionalOf optional) {
      return switch (optional.kind()) {
        case OBJECT -> CodeBlock.of("in.optional($S, $L)", field.name(), wire.reader(optional.value()));
        case INT -> CodeBlock.of("in.optionalInt($S)", field.name());
        case LONG -> CodeBlock.of("in.optionalLong($S)", field.name());
        case DOUBLE -> CodeBlock.of("in.optionalDouble($S)", field.name());
      };
    }
    // a collection that must not be empty must be present: absent is "missing", as in the JSON Schema
    String presence = field.requiredOnWire() ? "Required" : "";
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("in.list$L($S, $L)", presence, field.name(), wire.reader(list.element()));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("in.map$L($S, $L)", presence, field.name(), wire.reader(map.value()));
    }
    if (type instanceof ValueType.JsonObject) {
      return CodeBlock.of("in.jsonObject$L($S)", presence, field.name());
    }
    return CodeBlock.of("in.required($S, $L)", field.name(), wire.reader(type));
  }

  /**
   * The wire form. A hand-written value may be invalid (a {@code null} field, a {@code null}
   * element): such fields are left out rather than failing, so that a rejected value can still be
   * recorded as it was. Values that are their own wire form take one {@link WireWriter} call each.
   */
  private static MethodSpec toMap(SchemaModel schema) {
    NameAllocator names = new NameAllocator();
    names.newName("value", "value");
    names.newName("wire", "wire");
    MethodSpec.Builder method = MethodSpec.methodBuilder("toMap")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(WIRE_MAP)
        .addParameter(schema.type(), "value")
        .addStatement("$T wire = new $T<>()", WIRE_MAP, LinkedHashMap.class);
    schema.union().ifPresent(u -> method.addStatement("wire.put($S, $S)", UnionModel.DISCRIMINATOR, schema.wireName()));
    for (FieldModel field : schema.fields()) {
      ValueType type = field.type();
      if (type.javaType().isPrimitive()) {
        method.addStatement("wire.put($S, value.$N())", field.name(), field.name());
      } else if (isOwnWireForm(type)) {
        String put = type instanceof ValueType.OptionalOf ? "putOptional" : field.required() ? "put" : "putNonEmpty";
        method.addStatement("$T.$L(wire, $S, value.$N())", WIRE_WRITER, put, field.name(), field.name());
      } else {
        converted(method, field, names.newName(field.name(), field));
      }
    }
    return method.addStatement("return $T.unmodifiableMap(wire)", Collections.class).build();
  }

  /** Whether a field's value is put into the wire map as it is (optionals unwrapped). */
  private static boolean isOwnWireForm(ValueType type) {
    return WireForms.isIdentity(type instanceof ValueType.OptionalOf optional ? optional.value() : type)
        || type instanceof ValueType.ListOf list && WireForms.isIdentity(list.element())
        || type instanceof ValueType.MapOf map && WireForms.isIdentity(map.value());
  }

  /** A field whose wire form is computed: enums, nested schemas, unions, and collections of them. */
  private static void converted(MethodSpec.Builder method, FieldModel field, String local) {
    ValueType type = field.type();
    method.addStatement("$T $N = value.$N()", type.javaType(), local, field.name());
    if (type instanceof ValueType.OptionalOf optional) {
      method.beginControlFlow("if ($N != null && $N.isPresent())", local, local)
          .addStatement("wire.put($S, $L)", field.name(),
              WireForms.writer(optional.value(), CodeBlock.of("$N.$L()", local, getter(optional))));
    } else if (!field.required()) {
      method.beginControlFlow("if ($N != null && !$N.isEmpty())", local, local)
          .addStatement("wire.put($S, $L)", field.name(), WireForms.writer(type, CodeBlock.of("$N", local)));
    } else {
      method.beginControlFlow("if ($N != null)", local)
          .addStatement("wire.put($S, $L)", field.name(), WireForms.writer(type, CodeBlock.of("$N", local)));
    }
    method.endControlFlow();
  }

  private static String getter(ValueType.OptionalOf optional) {
    return switch (optional.kind()) {
      case OBJECT -> "get";
      case INT -> "getAsInt";
      case LONG -> "getAsLong";
      case DOUBLE -> "getAsDouble";
    };
  }

}
