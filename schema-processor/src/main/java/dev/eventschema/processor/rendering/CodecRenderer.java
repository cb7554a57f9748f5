package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.JsonNames.JSON_CODEC;
import static dev.eventschema.processor.rendering.JsonNames.JSON_INPUT;
import static dev.eventschema.processor.rendering.JsonNames.JSON_PARSER;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * Renders {@code FooCodec}: reads the JSON text of a {@code Foo} in one streaming pass, with the
 * same checks and violations as {@code FooValidator.parse(Map)}, and writes its wire form.
 *
 * <p>The read keeps one local per field and whether its key was seen. Keys are matched with a
 * {@code switch} on the parser's field name (Jackson hands out canonical strings for names, so no
 * string is built per key). When the object ends, absent keys and each field's {@code checkX}
 * rules run in declaration order, which is the order {@code parse(Map)} reports them in.
 */
public final class CodecRenderer {

  private final Predicate<ClassName> hasCodec;

  /** {@code hasCodec}: whether a schema has a codec (one from a library compiled without schema-json has not). */
  public CodecRenderer(Predicate<ClassName> hasCodec) {
    this.hasCodec = hasCodec;
  }

  public TypeSpec render(SchemaModel schema) {
    JsonNames json = new JsonNames(hasCodec);
    ClassName self = schema.codec();
    CodecWriter writer = new CodecWriter(schema, json);
    MethodSpec read = readObject(schema, json);
    MethodSpec write = writer.write();
    return TypeSpec.classBuilder(self)
        .addJavadoc("Reads and writes the JSON text of {@link $T} in one streaming pass, with the rules\n"
            + "of {@link $T}: {@code read(json)} gives what {@code parse} gives for the same text read\n"
            + "into a map, and {@code write} gives the wire form of {@code toMap}.\n", schema.type(), schema.validator())
        .addJavadoc("\n<p>Stateless and thread-safe: use {@link #INSTANCE}.\n")
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(JSON_CODEC, schema.type()))
        .addField(FieldSpec.builder(self, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Set.class, String.class), "WIRE_KEYS",
                Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", Set.class, wireKeys(schema))
            .build())
        .addFields(writer.keyFields())
        .addFields(json.typeFields())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addStatement("super($T.INSTANCE)", schema.validator())
            .build())
        .addMethod(read)
        .addMethod(write)
        .build();
  }

  private static CodeBlock wireKeys(SchemaModel schema) {
    List<String> keys = new ArrayList<>();
    schema.union().ifPresent(u -> keys.add(UnionModel.DISCRIMINATOR));
    schema.fields().forEach(f -> keys.add(f.name()));
    return keys.stream().map(k -> CodeBlock.of("$S", k)).collect(CodeBlock.joining(", "));
  }

  private static MethodSpec readObject(SchemaModel schema, JsonNames json) {
    NameAllocator names = new NameAllocator();
    for (String reserved : List.of("parser", "in", "key", "start")) {
      names.newName(reserved, reserved);
    }
    MethodSpec.Builder method = MethodSpec.methodBuilder("readObject")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PROTECTED)
        .returns(schema.type())
        .addParameter(JSON_PARSER, "parser")
        .addParameter(JSON_INPUT, "in")
        .addException(IOException.class);
    if (!schema.fields().isEmpty()) {
      List<String> numbered = new ArrayList<>();
      for (int i = 0; i < schema.fields().size(); i++) {
        numbered.add(i + ": " + schema.fields().get(i).name());
      }
      method.addCode("// Fields are numbered in declaration order ($L): violations are reported in that order.\n",
          String.join(", ", numbered));
    }
    method.addStatement("int start = in.mark()");
    String seenType = schema.union().isPresent() ? names.newName("seenType", UnionModel.DISCRIMINATOR) : null;
    if (seenType != null) {
      // True when a union that streams this member has read its "type" already.
      method.addStatement("boolean $N = in.discriminatorRead()", seenType);
    }
    for (FieldModel field : schema.fields()) {
      method.addStatement("boolean $N = false", names.newName("seen" + field.capitalized(), "seen " + field.name()))
          .addStatement("$T $N = $L", field.type().javaType(), names.newName(field.name(), field), initial(field.type()));
    }

    method.beginControlFlow("for (String key = $T.firstKey(parser); key != null; key = parser.nextFieldName())",
            JSON_INPUT)
        .addStatement("parser.nextToken()")
        .beginControlFlow("switch (key)");
    if (seenType != null) {
      method.addCode(keyCase(UnionModel.DISCRIMINATOR, seenType, CodeBlock.of("$T.DISCRIMINATOR", JSON_INPUT),
          CodeBlock.of("in.discriminator(parser, key, $S)", schema.wireName())));
    }
    for (int i = 0; i < schema.fields().size(); i++) {
      FieldModel field = schema.fields().get(i);
      method.addCode(keyCase(field.name(), names.get("seen " + field.name()), CodeBlock.of("$L", i),
          CodeBlock.of("$N = $L", names.get(field), read(field.type(), i, json))));
    }
    if (schema.strict()) {
      method.addStatement("default -> in.unknownKey(parser, key, WIRE_KEYS)");
    } else {
      method.addCode("// Not a strict schema: keys it does not declare are skipped.\n")
          .addStatement("default -> parser.skipChildren()");
    }
    method.endControlFlow().endControlFlow();

    method.addCode("// Absent keys, then each field's rules, in declaration order: parse(Map)'s order.\n");
    for (int i = 0; i < schema.fields().size(); i++) {
      rules(method, schema, schema.fields().get(i), i, names);
    }
    CodeBlock arguments = schema.fields().stream()
        .map(f -> CodeBlock.of("$N", names.get(f)))
        .collect(CodeBlock.joining(", "));
    return method.beginControlFlow("if (!in.isValid(start))")
        .addStatement("return null")
        .endControlFlow()
        .addStatement("return new $T($L)", schema.value(), arguments)
        .build();
  }

  /** {@code case "key" -> ...}: the first occurrence is read, a second one reported. */
  private static CodeBlock keyCase(String key, String seen, CodeBlock number, CodeBlock read) {
    return CodeBlock.builder()
        .add("case $S -> {\n", key)
        .indent()
        .beginControlFlow("if ($N)", seen)
        .addStatement("in.duplicateKey(parser, $L, key)", number)
        .nextControlFlow("else")
        .addStatement("$N = true", seen)
        .addStatement("$L", read)
        .endControlFlow()
        .unindent()
        .add("}\n")
        .build();
  }

  /** The missing-key violation and the field's checks, as {@code parse(Map)} applies them. */
  private static void rules(MethodSpec.Builder method, SchemaModel schema, FieldModel field, int number,
      NameAllocator names) {
    String seen = names.get("seen " + field.name());
    CodeBlock check = CodeBlock.of("in.checked($L, $T.$N($N, null))", number, schema.validator(),
        CheckRenderer.checkName(field), names.get(field));
    boolean checked = field.type().hasRules();
    if (field.required()) {
      method.beginControlFlow("if (!$N)", seen).addStatement("in.missing($L, $S)", number, field.pointer());
      if (checked) {
        method.nextControlFlow("else if (in.isClean(start, $L))", number).addStatement(check);
      }
      method.endControlFlow();
    } else if (checked) {
      // As in parse(Map): an absent optional or collection is empty, and its rules still apply.
      method.beginControlFlow("if (!$N || in.isClean(start, $L))", seen, number)
          .addStatement(check)
          .endControlFlow();
    }
  }

  /** The value of a field before its key is seen: what an absent key means. */
  private static CodeBlock initial(ValueType type) {
    if (type instanceof ValueType.OptionalOf optional) {
      return switch (optional.kind()) {
        case OBJECT -> CodeBlock.of("$T.empty()", Optional.class);
        case INT -> CodeBlock.of("$T.empty()", OptionalInt.class);
        case LONG -> CodeBlock.of("$T.empty()", OptionalLong.class);
        case DOUBLE -> CodeBlock.of("$T.empty()", OptionalDouble.class);
      };
    }
    if (type instanceof ValueType.ListOf) {
      return CodeBlock.of("$T.of()", List.class);
    }
    if (type instanceof ValueType.MapOf || type instanceof ValueType.JsonObject) {
      return CodeBlock.of("$T.of()", Map.class);
    }
    TypeName javaType = type.javaType();
    if (javaType.equals(TypeName.BOOLEAN)) {
      return CodeBlock.of("false");
    }
    if (javaType.equals(TypeName.LONG)) {
      return CodeBlock.of("0L");
    }
    if (javaType.equals(TypeName.DOUBLE)) {
      return CodeBlock.of("0.0");
    }
    return javaType.isPrimitive() ? CodeBlock.of("0") : CodeBlock.of("null");
  }

  /** Reads the value of field {@code number} at the parser: the value, or null after reporting why not. */
  private static CodeBlock read(ValueType type, int number, JsonNames json) {
    if (type instanceof ValueType.OptionalOf optional) {
      return switch (optional.kind()) {
        case OBJECT -> CodeBlock.of("$T.ofNullable($L)", Optional.class, read(optional.value(), number, json));
        case INT -> CodeBlock.of("$T.of(in.intValue(parser, $L, key))", OptionalInt.class, number);
        case LONG -> CodeBlock.of("$T.of(in.longValue(parser, $L, key))", OptionalLong.class, number);
        case DOUBLE -> CodeBlock.of("$T.of(in.doubleValue(parser, $L, key))", OptionalDouble.class, number);
      };
    }
    if (type instanceof ValueType.ListOf list) {
      return CodeBlock.of("in.list(parser, $L, key, $L)", number, json.jsonType(list.element()));
    }
    if (type instanceof ValueType.MapOf map) {
      return CodeBlock.of("in.map(parser, $L, key, $L)", number, json.jsonType(map.value()));
    }
    if (type instanceof ValueType.JsonObject) {
      return CodeBlock.of("in.jsonObject(parser, $L, key)", number);
    }
    if (type instanceof ValueType.Scalar scalar && !scalar.boxed()) {
      String method = switch (scalar.kind()) {
        case STRING -> "string";
        case BOOLEAN -> "bool";
        case INT -> "intValue";
        case LONG -> "longValue";
        case DOUBLE -> "doubleValue";
      };
      return CodeBlock.of("in.$L(parser, $L, key)", method, number);
    }
    return CodeBlock.of("in.value(parser, $L, key, $L)", number, json.jsonType(type));
  }
}
