package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.JsonNames.JSON_GENERATOR;
import static dev.eventschema.processor.rendering.JsonNames.JSON_OUTPUT;
import static dev.eventschema.processor.rendering.JsonNames.SERIALIZED_STRING;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Renders a codec's {@code write}: the wire form that {@code toMap} defines (same keys, same order,
 * the same fields left out), written to the generator without building the map. Keys are
 * pre-encoded {@code SerializedString} constants.
 */
final class CodecWriter {

  private final SchemaModel schema;
  private final JsonNames json;
  private final List<FieldSpec> keyFields = new ArrayList<>();
  private final Map<String, String> keyNames = new HashMap<>();

  CodecWriter(SchemaModel schema, JsonNames json) {
    this.schema = schema;
    this.json = json;
  }

  /** The {@code static final SerializedString} key constants that {@link #write()} uses. */
  List<FieldSpec> keyFields() {
    return keyFields;
  }

  MethodSpec write() {
    NameAllocator names = new NameAllocator();
    names.newName("value", "value");
    names.newName("generator", "generator");
    MethodSpec.Builder method = MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(schema.type(), "value")
        .addParameter(JSON_GENERATOR, "generator")
        .addException(IOException.class)
        .addStatement("generator.writeStartObject()");
    schema.union().ifPresent(u -> method
        .addStatement("generator.writeFieldName($N)", key(UnionModel.DISCRIMINATOR))
        .addStatement("generator.writeString($S)", schema.wireName()));
    for (FieldModel field : schema.fields()) {
      ValueType type = field.type();
      String key = key(field.name());
      if (type.javaType().isPrimitive()) {
        method.addStatement("generator.writeFieldName($N)", key);
        method.addCode(value(type, CodeBlock.of("value.$N()", field.name()), names));
        continue;
      }
      String local = names.newName(field.name(), field);
      method.addStatement("$T $N = value.$N()", type.javaType(), local, field.name());
      if (type instanceof ValueType.OptionalOf optional) {
        method.beginControlFlow("if ($N != null && $N.isPresent())", local, local)
            .addStatement("generator.writeFieldName($N)", key)
            .addCode(value(optional.value(), CodeBlock.of("$N.$L()", local, getter(optional)), names));
      } else if (!field.required()) {
        method.beginControlFlow("if ($N != null && !$N.isEmpty())", local, local)
            .addStatement("generator.writeFieldName($N)", key)
            .addCode(value(type, CodeBlock.of("$N", local), names));
      } else {
        method.beginControlFlow("if ($N != null)", local)
            .addStatement("generator.writeFieldName($N)", key)
            .addCode(value(type, CodeBlock.of("$N", local), names));
      }
      method.endControlFlow();
    }
    return method.addStatement("generator.writeEndObject()").build();
  }

  /** Statements that write {@code v}, a non-null value of {@code type}. */
  private CodeBlock value(ValueType type, CodeBlock v, NameAllocator names) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (type instanceof ValueType.Scalar scalar) {
      String method = switch (scalar.kind()) {
        case STRING -> "writeString";
        case BOOLEAN -> "writeBoolean";
        case INT, LONG, DOUBLE -> "writeNumber";
      };
      return code.addStatement("generator.$L($L)", method, v).build();
    }
    if (type instanceof ValueType.EnumRef || (type instanceof ValueType.SchemaRef ref && json.hasCodec(ref))) {
      return code.addStatement("$L.write($L, generator)", json.jsonType(type), v).build();
    }
    if (type instanceof ValueType.SchemaRef ref) {
      return code.addStatement("$T.writeValue($T.INSTANCE.toMap($L), generator)", JSON_OUTPUT, ref.validator(), v)
          .build();
    }
    if (type instanceof ValueType.UnionRef union) {
      return code.addStatement("$T.writeValue($T.toWire($L), generator)", JSON_OUTPUT, union.union().helper(), v)
          .build();
    }
    if (type instanceof ValueType.JsonObject) {
      return code.addStatement("$T.writeValue($L, generator)", JSON_OUTPUT, v).build();
    }
    if (type instanceof ValueType.ListOf list) {
      String element = names.newName("element");
      return code.addStatement("generator.writeStartArray()")
          .beginControlFlow("for ($T $N : $L)", list.element().javaType(), element, v)
          .add(orNull(list.element(), CodeBlock.of("$N", element), names))
          .endControlFlow()
          .addStatement("generator.writeEndArray()")
          .build();
    }
    if (type instanceof ValueType.MapOf map) {
      String entry = names.newName("entry");
      return code.addStatement("generator.writeStartObject()")
          .beginControlFlow("for ($T $N : $L.entrySet())",
              ParameterizedTypeName.get(ClassName.get(Map.Entry.class), ClassName.get(String.class), map.value().javaType()), entry, v)
          .addStatement("generator.writeFieldName($N.getKey())", entry)
          .add(orNull(map.value(), CodeBlock.of("$N.getValue()", entry), names))
          .endControlFlow()
          .addStatement("generator.writeEndObject()")
          .build();
    }
    throw new IllegalArgumentException("cannot write " + type);
  }

  /** An element or map value, which a hand-written value may hold as {@code null}: written as {@code null}, as toMap does. */
  private CodeBlock orNull(ValueType type, CodeBlock v, NameAllocator names) {
    return CodeBlock.builder()
        .beginControlFlow("if ($L == null)", v)
        .addStatement("generator.writeNull()")
        .nextControlFlow("else")
        .add(value(type, v, names))
        .endControlFlow()
        .build();
  }

  /** The constant holding {@code wireKey}, encoded once: {@code MODEL_KEY}. */
  private String key(String wireKey) {
    return keyNames.computeIfAbsent(wireKey, k -> {
      String name = Names.constantCase(k) + "_KEY";
      for (int n = 2; keyNames.containsValue(name); n++) {
        name = Names.constantCase(k) + "_KEY_" + n;
      }
      keyFields.add(FieldSpec.builder(SERIALIZED_STRING, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", SERIALIZED_STRING, k)
          .build());
      return name;
    });
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
