package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.Names.COPIES;
import static dev.eventschema.processor.rendering.Names.WIRE_TYPE;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import dev.eventschema.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/** How each value type is read from and written to the wire, as code fragments. */
final class WireForms {

  private final List<FieldSpec> enumTypes = new ArrayList<>();

  /** The {@code static final WireType<E>} fields for the enums read. */
  List<FieldSpec> enumTypeFields() {
    return enumTypes;
  }

  /** An expression of type {@code WireType<T>} that reads one value of {@code type}. */
  CodeBlock reader(ValueType type) {
    if (type instanceof ValueType.Scalar scalar) {
      return CodeBlock.of("$T.$L", WIRE_TYPE, scalar.kind().name());
    }
    if (type instanceof ValueType.EnumRef enumRef) {
      return CodeBlock.of("$N", enumType(enumRef));
    }
    if (type instanceof ValueType.SchemaRef ref) {
      return CodeBlock.of("$T.schema($T.INSTANCE)", WIRE_TYPE, ref.validator());
    }
    if (type instanceof ValueType.UnionRef union) {
      return CodeBlock.of("$T::read", union.union().helper());
    }
    throw new IllegalArgumentException("no single wire reader for " + type);
  }

  /** An expression for the wire form of {@code v}, a value of {@code type}. */
  static CodeBlock writer(ValueType type, CodeBlock v) {
    if (type instanceof ValueType.EnumRef) {
      return CodeBlock.of("$L.name().toLowerCase($T.ROOT)", v, Locale.class);
    }
    if (type instanceof ValueType.SchemaRef ref) {
      return CodeBlock.of("$T.INSTANCE.toMap($L)", ref.validator(), v);
    }
    if (type instanceof ValueType.UnionRef union) {
      return CodeBlock.of("$T.toWire($L)", union.union().helper(), v);
    }
    if (type instanceof ValueType.ListOf list && !isIdentity(list.element())) {
      return CodeBlock.of("$L.stream()$Z.map(element -> element == null ? null : $L)$Z.toList()", v,
          writer(list.element(), CodeBlock.of("element")));
    }
    if (type instanceof ValueType.MapOf map && !isIdentity(map.value())) {
      return CodeBlock.of("$T.mapValues($L,$Witem -> item == null ? null : $L)", COPIES, v,
          writer(map.value(), CodeBlock.of("item")));
    }
    return v;
  }

  /** Whether a value is its own wire form (strings, numbers, booleans, JSON values). */
  static boolean isIdentity(ValueType type) {
    return type instanceof ValueType.Scalar || type instanceof ValueType.JsonObject;
  }

  private String enumType(ValueType.EnumRef enumRef) {
    String simple = Names.constantCase(enumRef.type().simpleName());
    boolean taken = enumTypes.stream().anyMatch(f -> f.name().equals(simple) && !f.type().equals(wireTypeOf(enumRef)));
    String name = taken ? Names.constantCase(String.join("_", enumRef.type().simpleNames())) : simple;
    if (enumTypes.stream().noneMatch(f -> f.name().equals(name))) {
      enumTypes.add(FieldSpec.builder(wireTypeOf(enumRef), name,
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.enumOf($T.values())", WIRE_TYPE, enumRef.type())
          .build());
    }
    return name;
  }

  private static ParameterizedTypeName wireTypeOf(ValueType.EnumRef enumRef) {
    return ParameterizedTypeName.get(WIRE_TYPE, enumRef.type());
  }
}
