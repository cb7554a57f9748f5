package dev.eventschema.processor.rendering;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.eventschema.processor.model.GeneratedNames;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * The types of {@code schema-json} and jackson-core that generated codecs use (named, not linked:
 * the processor itself does not depend on them), and the {@code JsonType} of each value type.
 */
final class JsonNames {

  static final String JSON_PACKAGE = "dev.eventschema.json";
  static final ClassName JSON_CODEC = ClassName.get(JSON_PACKAGE, "JsonCodec");
  static final ClassName JSON_INPUT = ClassName.get(JSON_PACKAGE, "JsonInput");
  static final ClassName JSON_TYPE = ClassName.get(JSON_PACKAGE, "JsonType");
  static final ClassName JSON_ENUM = ClassName.get(JSON_PACKAGE, "JsonEnum");
  static final ClassName JSON_OUTPUT = ClassName.get(JSON_PACKAGE, "JsonOutput");
  static final ClassName JSON_CODEC_PROVIDER = ClassName.get(JSON_PACKAGE, "JsonCodecProvider");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");

  private final Predicate<ClassName> hasCodec;
  private final List<FieldSpec> typeFields = new ArrayList<>();

  /** {@code hasCodec}: whether a schema has a generated codec (a library's may not). */
  JsonNames(Predicate<ClassName> hasCodec) {
    this.hasCodec = hasCodec;
  }

  /** The {@code static final} {@code JsonEnum} and {@code JsonType} fields that {@link #jsonType} used. */
  List<FieldSpec> typeFields() {
    return typeFields;
  }

  boolean hasCodec(ValueType.SchemaRef ref) {
    return hasCodec.test(ref.type());
  }

  static ClassName codec(ClassName schema) {
    return GeneratedNames.codec(schema);
  }

  /** An expression of type {@code JsonType<T>} that reads one value of {@code type}. */
  CodeBlock jsonType(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L", JSON_TYPE, scalar.kind().name());
    }
    if (type instanceof ValueType.EnumRef enumRef) {
      return field(ParameterizedTypeName.get(JSON_ENUM, enumRef.type()), enumRef.type().simpleNames(),
          CodeBlock.of("$T.of($T.values())", JSON_ENUM, enumRef.type()));
    }
    if (type instanceof ValueType.SchemaRef ref && hasCodec(ref)) {
      return CodeBlock.of("$T.INSTANCE", codec(ref.type()));
    }
    if (type instanceof ValueType.SchemaRef ref) {
      // A library's schema compiled without schema-json: read through its validator.
      return field(ParameterizedTypeName.get(JSON_TYPE, ref.type()), ref.type().simpleNames(),
          CodeBlock.of("$T.wire($T.schema($T.INSTANCE))", JSON_TYPE, Names.WIRE_TYPE, ref.validator()));
    }
    if (type instanceof ValueType.UnionRef union) {
      return field(ParameterizedTypeName.get(JSON_TYPE, union.union().type()), union.union().type().simpleNames(),
          union(union.union()));
    }
    throw new IllegalArgumentException("no single JSON type for " + type);
  }

  /**
   * A union: its members' codecs by wire name, so that an object that starts with its {@code type}
   * is streamed; through the union helper's {@code read} alone if a member has no codec.
   */
  private CodeBlock union(UnionModel union) {
    if (!union.members().stream().allMatch(m -> hasCodec.test(m.type()))) {
      return CodeBlock.of("$T.wire($T::read)", JSON_TYPE, union.helper());
    }
    CodeBlock members = union.members().stream()
        .map(m -> CodeBlock.of("$S, $T.INSTANCE", m.wireName(), codec(m.type())))
        .collect(CodeBlock.joining(",\n"));
    TypeName codec = ParameterizedTypeName.get(JSON_CODEC, WildcardTypeName.subtypeOf(union.type()));
    return CodeBlock.of("$T.union($T::read, $T.<$T, $T>of(\n$>$>$L$<$<))", JSON_TYPE, union.helper(), Map.class,
        String.class, codec, members);
  }

  private CodeBlock field(TypeName type, List<String> simpleNames, CodeBlock initializer) {
    String simple = Names.constantCase(simpleNames.get(simpleNames.size() - 1));
    boolean taken = typeFields.stream().anyMatch(f -> f.name().equals(simple) && !f.type().equals(type));
    String name = taken ? Names.constantCase(String.join("_", simpleNames)) : simple;
    if (typeFields.stream().noneMatch(f -> f.name().equals(name))) {
      typeFields.add(FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(initializer)
          .build());
    }
    return CodeBlock.of("$N", name);
  }
}
