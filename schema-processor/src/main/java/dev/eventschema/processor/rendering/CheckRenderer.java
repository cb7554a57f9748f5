package dev.eventschema.processor.rendering;

import static dev.eventschema.processor.rendering.Names.CODE;
import static dev.eventschema.processor.rendering.Names.CODE_POINTS;
import static dev.eventschema.processor.rendering.Names.JSON_VALUES;
import static dev.eventschema.processor.rendering.Names.POINTER;
import static dev.eventschema.processor.rendering.Names.VIOLATION;
import static dev.eventschema.processor.rendering.Names.VIOLATIONS;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.Rule;
import dev.eventschema.processor.model.ValueType;
import dev.eventschema.processor.model.ValueType.ScalarKind;
import dev.eventschema.support.StringPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Renders the rules of each field as a {@code checkX(value, violations)} method that validators
 * and builders share. The violation list is threaded through and created only on the first
 * violation; paths inside loops are built only when a violation is recorded.
 */
final class CheckRenderer {

  static final TypeName VIOLATION_LIST = ParameterizedTypeName.get(ClassName.get(List.class), VIOLATION);

  /** A violation path: a constant string, or an expression evaluated only on failure. */
  private record Path(CodeBlock code, String constant) {
    static Path of(String pointer) {
      return new Path(CodeBlock.of("$S", pointer), pointer);
    }

    static Path dynamic(CodeBlock code) {
      return new Path(code, null);
    }

    boolean isConstant() {
      return constant != null;
    }
  }

  private final List<FieldSpec> patterns = new ArrayList<>();

  /** The {@code static final Pattern} fields the rendered checks use, compiled once. */
  List<FieldSpec> patternFields() {
    return patterns;
  }

  /** Whether a field needs a check method: references can be null, doubles must be finite. */
  static boolean needsCheck(FieldModel field) {
    if (field.type() instanceof ValueType.Scalar scalar) {
      return scalar.kind() == ScalarKind.STRING || scalar.kind() == ScalarKind.DOUBLE || scalar.hasRules();
    }
    return true;
  }

  static String checkName(FieldModel field) {
    return "check" + field.capitalized();
  }

  /** {@code static List<Violation> checkX(T value, List<Violation> violations)}. */
  MethodSpec checkMethod(FieldModel field) {
    CodeBlock.Builder body = CodeBlock.builder();
    Path path = Path.of(field.pointer());
    if (!field.type().javaType().isPrimitive()) {
      body.beginControlFlow("if (value == null)")
          .addStatement("return $T.$L(violations, $L)", VIOLATIONS, nullViolation(field.type()), path.code())
          .endControlFlow();
    }
    value(body, field.type(), "value", path, Names.constantCase(field.name()));
    body.addStatement("return violations");
    return MethodSpec.methodBuilder(checkName(field))
        .addModifiers(Modifier.STATIC)
        .returns(VIOLATION_LIST)
        .addParameter(field.type().javaType(), "value")
        .addParameter(VIOLATION_LIST, "violations")
        .addCode(body.build())
        .build();
  }

  /** The {@code Violations} method for a {@code null} where a value of {@code type} belongs. */
  private static String nullViolation(ValueType type) {
    if (type instanceof ValueType.OptionalOf) {
      return "nullOptional";
    }
    if (type instanceof ValueType.ListOf || type instanceof ValueType.MapOf || type instanceof ValueType.JsonObject) {
      return "nullCollection";
    }
    return "missing";
  }

  private void value(CodeBlock.Builder code, ValueType type, String v, Path path, String constantPrefix) {
    if (type instanceof ValueType.Scalar scalar) {
      scalar(code, scalar, v, path, constantPrefix);
    } else if (type instanceof ValueType.OptionalOf optional) {
      if (!needsValueCheck(optional.value())) {
        return;
      }
      String getter = switch (optional.kind()) {
        case OBJECT -> "get";
        case INT -> "getAsInt";
        case LONG -> "getAsLong";
        case DOUBLE -> "getAsDouble";
      };
      TypeName presentType = optional.value().javaType();
      code.beginControlFlow("if ($L.isPresent())", v)
          .addStatement("$T present = $L.$L()", presentType.isBoxedPrimitive() ? presentType.unbox() : presentType,
              v, getter);
      value(code, optional.value(), "present", path, constantPrefix);
      code.endControlFlow();
    } else if (type instanceof ValueType.ListOf list) {
      sizes(list.rules(), v + ".size()", path, "elements").forEach(check -> emit(code, check));
      code.beginControlFlow("for (int i = 0; i < $L.size(); i++)", v)
          .addStatement("$T element = $L.get(i)", list.element().javaType(), v);
      Path elementPath = Path.dynamic(CodeBlock.of("$S + i", path.constant() + "/"));
      nullElement(code, "element", elementPath);
      value(code, list.element(), "element", elementPath, constantPrefix + "_ELEMENT");
      code.endControlFlow();
    } else if (type instanceof ValueType.MapOf map) {
      sizes(map.rules(), v + ".size()", path, "entries").forEach(check -> emit(code, check));
      code.beginControlFlow("for ($T<$T, $T> entry : $L.entrySet())", Map.Entry.class, String.class,
              map.value().javaType(), v)
          .addStatement("$T key = entry.getKey()", String.class)
          .addStatement("$T item = entry.getValue()", map.value().javaType());
      Path entryPath = Path.dynamic(CodeBlock.of("$T.child($S, key)", POINTER, path.constant()));
      code.beginControlFlow("if (key == null)")
          .addStatement("violations = $T.add(violations, $L, $T.INVALID_TYPE,$W$S)", VIOLATIONS, path.code(), CODE,
              "keys must not be null")
          .addStatement("continue")
          .endControlFlow();
      scalar(code, new ValueType.Scalar(ScalarKind.STRING, false, map.keyRules()), "key", entryPath,
          constantPrefix + "_KEY");
      nullElement(code, "item", entryPath);
      value(code, map.value(), "item", entryPath, constantPrefix + "_VALUE");
      code.endControlFlow();
    } else if (type instanceof ValueType.JsonObject json) {
      sizes(json.rules(), v + ".size()", path, "entries").forEach(check -> emit(code, check));
      code.addStatement("violations = $T.check($L, $L, violations)", JSON_VALUES, v, path.code());
    } else if (type instanceof ValueType.SchemaRef ref) {
      nested(code, CodeBlock.of("$T.INSTANCE.validate($L)", ref.validator(), v), path);
    } else if (type instanceof ValueType.UnionRef union) {
      nested(code, CodeBlock.of("$T.validate($L)", union.union().helper(), v), path);
    }
  }

  private static boolean needsValueCheck(ValueType type) {
    return type.hasRules()
        || type instanceof ValueType.SchemaRef
        || type instanceof ValueType.UnionRef
        || (type instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.DOUBLE);
  }

  private static void nullElement(CodeBlock.Builder code, String v, Path path) {
    code.beginControlFlow("if ($L == null)", v)
        .addStatement("violations = $T.nullElement(violations, $L)", VIOLATIONS, path.code())
        .addStatement("continue")
        .endControlFlow();
  }

  private static void nested(CodeBlock.Builder code, CodeBlock validation, Path path) {
    if (path.isConstant()) {
      code.addStatement("violations = $T.addAll(violations, $L, $L)", VIOLATIONS, path.code(), validation);
      return;
    }
    code.addStatement("$T nested = $L", VIOLATION_LIST, validation)
        .beginControlFlow("if (!nested.isEmpty())")
        .addStatement("violations = $T.addAll(violations, $L, nested)", VIOLATIONS, path.code())
        .endControlFlow();
  }

  /** One rule as code: when {@code condition} holds, {@code record} adds the violation. */
  private record Check(CodeBlock condition, CodeBlock record) {}

  private static void emit(CodeBlock.Builder code, Check check) {
    code.beginControlFlow("if ($L)", check.condition()).addStatement(check.record()).endControlFlow();
  }

  private void scalar(CodeBlock.Builder code, ValueType.Scalar scalar, String v, Path path, String constantPrefix) {
    List<Check> checks = new ArrayList<>();
    for (Rule rule : scalar.rules()) {
      checks.addAll(rule(rule, v, path, constantPrefix));
    }
    if (scalar.kind() != ScalarKind.DOUBLE) {
      checks.forEach(check -> emit(code, check));
      return;
    }
    // A double's rules apply to finite values only.
    code.beginControlFlow("if (!$T.isFinite($L))", Double.class, v)
        .addStatement("violations = $T.add(violations, $L, $T.NOT_FINITE,$W$S + $L)", VIOLATIONS, path.code(), CODE,
            "must be a finite number, was ", v);
    if (checks.size() == 1) {
      code.nextControlFlow("else if ($L)", checks.get(0).condition()).addStatement(checks.get(0).record());
    } else if (!checks.isEmpty()) {
      code.nextControlFlow("else");
      checks.forEach(check -> emit(code, check));
    }
    code.endControlFlow();
  }

  private List<Check> rule(Rule rule, String v, Path path, String constantPrefix) {
    if (rule instanceof Rule.NonEmpty) {
      return List.of(new Check(CodeBlock.of("$L.isEmpty()", v), CodeBlock.of(
          "violations = $T.add(violations, $L, $T.TOO_SMALL,$W$S)", VIOLATIONS, path.code(), CODE,
          "must not be empty")));
    } else if (rule instanceof Rule.NotBlank) {
      return List.of(new Check(CodeBlock.of("$L.isBlank()", v), CodeBlock.of(
          "violations = $T.add(violations, $L, $T.INVALID_FORMAT,$W$S)", VIOLATIONS, path.code(), CODE,
          "must not be blank")));
    } else if (rule instanceof Rule.Size size) {
      return length(size, v, path);
    } else if (rule instanceof Rule.Pattern pattern) {
      String constant = patternConstant(constantPrefix, pattern.regexp());
      String meaning = pattern.description().isEmpty() ? "must match " + pattern.regexp() : pattern.description();
      return List.of(new Check(CodeBlock.of("!$N.matches($L)", constant, v), CodeBlock.of(
          "violations = $T.add(violations, $L, $T.INVALID_FORMAT,$W$S + $T.describe($L))", VIOLATIONS,
          path.code(), CODE, meaning + ", was ", VIOLATIONS, v)));
    } else if (rule instanceof Rule.Bound bound) {
      return List.of(bound(bound, v, path));
    }
    return List.of();
  }

  /**
   * A numeric bound: one side gives {@code tooSmall} or {@code tooBig}; both sides give
   * {@code outOfRange}, told which side was crossed.
   */
  private static Check bound(Rule.Bound bound, String v, Path path) {
    CodeBlock tooSmall = bound.min() == null ? null
        : CodeBlock.of("$L $L $L", v, bound.minExclusive() ? "<=" : "<", Names.literal(bound.min()));
    CodeBlock tooBig = bound.max() == null ? null
        : CodeBlock.of("$L $L $L", v, bound.maxExclusive() ? ">=" : ">", Names.literal(bound.max()));
    if (tooBig == null) {
      return new Check(tooSmall, CodeBlock.of("violations = $T.tooSmall(violations, $L,$W$S, $L)", VIOLATIONS,
          path.code(), bound.describe(), v));
    }
    if (tooSmall == null) {
      return new Check(tooBig, CodeBlock.of("violations = $T.tooBig(violations, $L,$W$S, $L)", VIOLATIONS,
          path.code(), bound.describe(), v));
    }
    return new Check(CodeBlock.of("$L || $L", tooSmall, tooBig), CodeBlock.of(
        "violations = $T.outOfRange(violations, $L, $L,$W$S, $L)", VIOLATIONS, path.code(), tooSmall,
        bound.describe(), v));
  }

  /** A string's length in code points, as JSON Schema counts it; {@code length()} decides when it can. */
  private static List<Check> length(Rule.Size size, String v, Path path) {
    if (size.min() == 0 && size.max() == Integer.MAX_VALUE) {
      return List.of();
    }
    CodeBlock max = size.max() == Integer.MAX_VALUE ? CodeBlock.of("Integer.MAX_VALUE") : CodeBlock.of("$L", size.max());
    return List.of(new Check(CodeBlock.of("$T.outside($L, $L, $L)", CODE_POINTS, v, size.min(), max), CodeBlock.of(
        "violations = $T.sizeOutOfRange(violations, $L,$W$L, $L, $T.count($L), $S)", VIOLATIONS, path.code(),
        size.min(), max, CODE_POINTS, v, "characters")));
  }

  private static List<Check> sizes(List<Rule> rules, String size, Path path, String unit) {
    List<Check> checks = new ArrayList<>();
    for (Rule rule : rules) {
      if (!(rule instanceof Rule.Size bounds)) {
        continue;
      }
      List<CodeBlock> outside = new ArrayList<>();
      if (bounds.min() > 0) {
        outside.add(CodeBlock.of("$L < $L", size, bounds.min()));
      }
      if (bounds.max() != Integer.MAX_VALUE) {
        outside.add(CodeBlock.of("$L > $L", size, bounds.max()));
      }
      if (!outside.isEmpty()) {
        checks.add(new Check(CodeBlock.join(outside, " || "), CodeBlock.of(
            "violations = $T.sizeOutOfRange(violations, $L,$W$L, $L, $L, $S)", VIOLATIONS, path.code(),
            bounds.min(), bounds.max() == Integer.MAX_VALUE ? "Integer.MAX_VALUE" : bounds.max(), size, unit)));
      }
    }
    return checks;
  }

  private String patternConstant(String prefix, String regexp) {
    String name = prefix + "_PATTERN";
    for (int n = 2; contains(name); n++) {
      name = prefix + "_PATTERN_" + n;
    }
    patterns.add(FieldSpec.builder(StringPattern.class, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.compile($S)", StringPattern.class, regexp)
        .build());
    return name;
  }

  private boolean contains(String name) {
    return patterns.stream().anyMatch(p -> p.name().equals(name));
  }
}
