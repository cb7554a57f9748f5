package dev.eventschema.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The type of a field or of an element, with the rules that apply to values of that type. */
public sealed interface ValueType {

  /** The Java type, as written in generated code. */
  TypeName javaType();

  /** The rules on this value itself (not on its elements). */
  List<Rule> rules();

  /** Whether any rule applies here or inside (elements, map keys, the value of an optional). */
  default boolean hasRules() {
    return !rules().isEmpty();
  }

  /** {@code String}, {@code boolean}, {@code int}, {@code long} or {@code double}; boxed inside generics. */
  record Scalar(ScalarKind kind, boolean boxed, List<Rule> rules) implements ValueType {
    @Override
    public TypeName javaType() {
      return boxed ? kind.javaType().box() : kind.javaType();
    }
  }

  /** A Java enum, whose wire values are its constant names in lower case. */
  record EnumRef(ClassName type, List<String> wireValues) implements ValueType {
    @Override
    public TypeName javaType() {
      return type;
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }

  /** Another {@code @EventSchema} interface, validated by its own validator. */
  record SchemaRef(ClassName type, ClassName validator, String wireName) implements ValueType {
    @Override
    public TypeName javaType() {
      return type;
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }

  /** A sealed union of {@code @EventSchema} interfaces. */
  record UnionRef(UnionModel union) implements ValueType {
    @Override
    public TypeName javaType() {
      return union.type();
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }
  }

  /** {@code List<T>}: absent on the wire means empty. */
  record ListOf(ValueType element, List<Rule> rules) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(List.class), element.javaType());
    }

    @Override
    public boolean hasRules() {
      return !rules.isEmpty() || element.hasRules();
    }
  }

  /** {@code Map<String, T>}: absent on the wire means empty; {@code keyRules} apply to each key. */
  record MapOf(List<Rule> keyRules, ValueType value, List<Rule> rules) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), value.javaType());
    }

    @Override
    public boolean hasRules() {
      return !rules.isEmpty() || !keyRules.isEmpty() || value.hasRules();
    }
  }

  /** {@code Map<String, Object>}: an open object whose values are JSON values. */
  record JsonObject(List<Rule> rules) implements ValueType {
    @Override
    public TypeName javaType() {
      return ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.OBJECT);
    }
  }

  /** {@code Optional<T>}, {@code OptionalInt}, {@code OptionalLong} or {@code OptionalDouble}. */
  record OptionalOf(ValueType value, OptionalKind kind) implements ValueType {
    @Override
    public TypeName javaType() {
      return switch (kind) {
        case OBJECT -> ParameterizedTypeName.get(ClassName.get(Optional.class), value.javaType());
        case INT -> ClassName.get(OptionalInt.class);
        case LONG -> ClassName.get(OptionalLong.class);
        case DOUBLE -> ClassName.get(OptionalDouble.class);
      };
    }

    @Override
    public List<Rule> rules() {
      return List.of();
    }

    @Override
    public boolean hasRules() {
      return value.hasRules();
    }
  }

  /** The scalar kinds. */
  enum ScalarKind {
    STRING(ClassName.get(String.class)),
    BOOLEAN(TypeName.BOOLEAN),
    INT(TypeName.INT),
    LONG(TypeName.LONG),
    DOUBLE(TypeName.DOUBLE);

    private final TypeName javaType;

    ScalarKind(TypeName javaType) {
      this.javaType = javaType;
    }

    public TypeName javaType() {
      return javaType;
    }

    public boolean isNumber() {
      return this == INT || this == LONG || this == DOUBLE;
    }
  }

  /** Which optional type holds an optional field. */
  enum OptionalKind { OBJECT, INT, LONG, DOUBLE }
}
