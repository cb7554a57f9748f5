package dev.eventschema.processor.reading;

import com.palantir.javapoet.ClassName;
import dev.eventschema.processor.model.GeneratedNames;
import dev.eventschema.processor.model.Rule;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import dev.eventschema.processor.model.ValueType.OptionalKind;
import dev.eventschema.processor.model.ValueType.ScalarKind;
import dev.eventschema.processor.reading.RuleReader.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/** Maps the Java type of an accessor (and of its type arguments) to a {@link ValueType}. */
final class TypeReader {

  private static final String SUPPORTED = "supported: String, boolean, int, long, double, enums, @EventSchema"
      + " interfaces, sealed unions of them, List<T>, Map<String, T>, Map<String, Object>, Optional<T>,"
      + " OptionalInt, OptionalLong and OptionalDouble";

  /** Where a type stands: decides what may stand there. */
  private enum Position { FIELD, OPTIONAL, ELEMENT }

  private final Diagnostics diagnostics;
  private final RuleReader rules;
  private final Map<String, UnionModel> unions = new HashMap<>();

  TypeReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.rules = new RuleReader(diagnostics);
  }

  /** Every union met so far, by the sealed interface's name: each needs its helper generated once. */
  Map<String, UnionModel> unions() {
    return unions;
  }

  /** The field type of {@code accessor}, or empty after reporting why it is not supported. */
  Optional<ValueType> readField(ExecutableElement accessor) {
    return Optional.ofNullable(read(accessor.getReturnType(), accessor.getAnnotationMirrors(), Position.FIELD, accessor));
  }

  private ValueType read(TypeMirror type, List<? extends AnnotationMirror> annotations, Position position,
      ExecutableElement accessor) {
    switch (type.getKind()) {
      case BOOLEAN:
        return scalar(ScalarKind.BOOLEAN, false, annotations, position, accessor);
      case INT:
        return scalar(ScalarKind.INT, false, annotations, position, accessor);
      case LONG:
        return scalar(ScalarKind.LONG, false, annotations, position, accessor);
      case DOUBLE:
        return scalar(ScalarKind.DOUBLE, false, annotations, position, accessor);
      case DECLARED:
        return declared((DeclaredType) type, annotations, position, accessor);
      case ERROR:
        MissingTypeException.checkExists(type);
        return null;
      default:
        return unsupported(type, accessor, "");
    }
  }

  private ValueType declared(DeclaredType type, List<? extends AnnotationMirror> annotations, Position position,
      ExecutableElement accessor) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    List<? extends TypeMirror> arguments = type.getTypeArguments();
    switch (name) {
      case "java.lang.String":
        return scalar(ScalarKind.STRING, false, annotations, position, accessor);
      case "java.lang.Boolean":
        return boxed(ScalarKind.BOOLEAN, "boolean", "Optional<Boolean>", annotations, position, accessor);
      case "java.lang.Integer":
        return boxed(ScalarKind.INT, "int", "OptionalInt", annotations, position, accessor);
      case "java.lang.Long":
        return boxed(ScalarKind.LONG, "long", "OptionalLong", annotations, position, accessor);
      case "java.lang.Double":
        return boxed(ScalarKind.DOUBLE, "double", "OptionalDouble", annotations, position, accessor);
      case "java.util.OptionalInt":
        return optionalPrimitive(type, ScalarKind.INT, OptionalKind.INT, annotations, position, accessor);
      case "java.util.OptionalLong":
        return optionalPrimitive(type, ScalarKind.LONG, OptionalKind.LONG, annotations, position, accessor);
      case "java.util.OptionalDouble":
        return optionalPrimitive(type, ScalarKind.DOUBLE, OptionalKind.DOUBLE, annotations, position, accessor);
      case "java.util.Optional": {
        if (position != Position.FIELD || arguments.size() != 1) {
          return unsupported(type, accessor, ": Optional is for fields, not for elements");
        }
        TypeMirror argument = arguments.get(0);
        ValueType value = read(argument, merge(annotations, argument), Position.OPTIONAL, accessor);
        return value == null ? null : new ValueType.OptionalOf(value, OptionalKind.OBJECT);
      }
      case "java.util.List": {
        if (position != Position.FIELD || arguments.size() != 1) {
          return unsupported(type, accessor, position == Position.OPTIONAL
              ? ": an absent list is already empty, so use the List itself"
              : ": nested collections are not supported; wrap the inner one in an @EventSchema");
        }
        TypeMirror argument = arguments.get(0);
        ValueType elementType = read(argument, argument.getAnnotationMirrors(), Position.ELEMENT, accessor);
        List<Rule> own = rules.read(annotations, Target.COLLECTION, false, accessor);
        return elementType == null ? null : new ValueType.ListOf(elementType, own);
      }
      case "java.util.Map": {
        if (position != Position.FIELD || arguments.size() != 2) {
          return unsupported(type, accessor, position == Position.OPTIONAL
              ? ": an absent map is already empty, so use the Map itself"
              : ": nested collections are not supported; wrap the inner one in an @EventSchema");
        }
        TypeMirror key = arguments.get(0);
        TypeMirror value = arguments.get(1);
        if (!isType(key, "java.lang.String")) {
          return unsupported(type, accessor, ": map keys must be String, as JSON object keys are");
        }
        List<Rule> own = rules.read(annotations, Target.COLLECTION, false, accessor);
        List<Rule> keyRules = rules.read(key.getAnnotationMirrors(), Target.STRING, false, accessor);
        if (isType(value, "java.lang.Object")) {
          rules.read(value.getAnnotationMirrors(), Target.OTHER, false, accessor);
          return new ValueType.JsonObject(own);
        }
        ValueType valueType = read(value, value.getAnnotationMirrors(), Position.ELEMENT, accessor);
        return valueType == null ? null : new ValueType.MapOf(keyRules, valueType, own);
      }
      default:
        break;
    }
    if (!arguments.isEmpty()) {
      return unsupported(type, accessor, "");
    }
    if (element.getKind() == ElementKind.ENUM) {
      noRules(annotations, accessor);
      return enumType(element, accessor);
    }
    if (element.getKind() == ElementKind.INTERFACE && Schemas.isSchema(element)) {
      noRules(annotations, accessor);
      ClassName schema = ClassName.get(element);
      return new ValueType.SchemaRef(schema, GeneratedNames.validator(schema), Schemas.wireName(element));
    }
    if (element.getKind() == ElementKind.INTERFACE && element.getModifiers().contains(Modifier.SEALED)) {
      noRules(annotations, accessor);
      UnionModel union = union(element, accessor);
      return union == null ? null : new ValueType.UnionRef(union);
    }
    return unsupported(type, accessor, "");
  }

  /** A union: a sealed interface whose permitted subtypes are all {@code @EventSchema} interfaces. */
  UnionModel union(TypeElement sealed, Element errorSite) {
    String name = sealed.getQualifiedName().toString();
    UnionModel known = unions.get(name);
    if (known != null) {
      return known;
    }
    List<UnionModel.Member> members = new ArrayList<>();
    for (TypeMirror permitted : sealed.getPermittedSubclasses()) {
      MissingTypeException.checkExists(permitted);
      TypeElement member = (TypeElement) ((DeclaredType) permitted).asElement();
      if (member.getKind() != ElementKind.INTERFACE || !Schemas.isSchema(member)) {
        diagnostics.error(errorSite, ErrorId.UNION_MEMBER_NOT_SCHEMA,
            "union " + sealed.getSimpleName() + ": permitted subtype "
            + member.getSimpleName() + " must be an @EventSchema interface, so that the 'type' key can name it");
        return null;
      }
      ClassName memberName = ClassName.get(member);
      members.add(new UnionModel.Member(memberName, GeneratedNames.validator(memberName), Schemas.wireName(member),
          Schemas.stringFormField(member)));
    }
    ClassName type = ClassName.get(sealed);
    UnionModel union = new UnionModel(type, GeneratedNames.union(type), List.copyOf(members));
    unions.put(name, union);
    return union;
  }

  private ValueType enumType(TypeElement element, ExecutableElement accessor) {
    List<String> wireValues = new ArrayList<>();
    Map<String, String> byWireValue = new HashMap<>();
    for (Element constant : element.getEnclosedElements()) {
      if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String wireValue = constant.getSimpleName().toString().toLowerCase(Locale.ROOT);
      String clash = byWireValue.put(wireValue, constant.getSimpleName().toString());
      if (clash != null) {
        diagnostics.error(accessor, ErrorId.ENUM_WIRE_CLASH,
            "enum " + element.getSimpleName() + " has constants " + clash + " and "
            + constant.getSimpleName() + ", which are both '" + wireValue + "' on the wire; rename one");
        return null;
      }
      wireValues.add(wireValue);
    }
    return new ValueType.EnumRef(ClassName.get(element), List.copyOf(wireValues));
  }

  private ValueType scalar(ScalarKind kind, boolean boxed, List<? extends AnnotationMirror> annotations,
      Position position, ExecutableElement accessor) {
    boolean requiredString = kind == ScalarKind.STRING && position == Position.FIELD;
    return new ValueType.Scalar(kind, boxed, rules.read(annotations, Target.of(kind), requiredString, accessor));
  }

  private ValueType boxed(ScalarKind kind, String primitive, String optional,
      List<? extends AnnotationMirror> annotations, Position position, ExecutableElement accessor) {
    if (position == Position.FIELD) {
      diagnostics.error(accessor, ErrorId.BOXED_FIELD, "field " + accessor.getSimpleName() + "() has the boxed type "
          + kind.javaType().box() + ": use " + primitive + " for a required field or " + optional
          + " for an optional one");
      return null;
    }
    return scalar(kind, true, annotations, position, accessor);
  }

  private ValueType optionalPrimitive(DeclaredType type, ScalarKind kind, OptionalKind optionalKind,
      List<? extends AnnotationMirror> annotations, Position position, ExecutableElement accessor) {
    if (position != Position.FIELD) {
      return unsupported(type, accessor, ": Optional types are for fields, not for elements");
    }
    return new ValueType.OptionalOf(scalar(kind, false, annotations, Position.OPTIONAL, accessor), optionalKind);
  }

  private void noRules(List<? extends AnnotationMirror> annotations, ExecutableElement accessor) {
    rules.read(annotations, Target.OTHER, false, accessor);
  }

  private ValueType unsupported(TypeMirror type, ExecutableElement accessor, String why) {
    diagnostics.error(accessor, ErrorId.UNSUPPORTED_TYPE,
        "unsupported field type " + type + " for " + accessor.getSimpleName() + "()"
        + (why.isEmpty() ? "; " + SUPPORTED : why));
    return null;
  }

  /** The method's constraints followed by those written on the optional's type argument. */
  private static List<AnnotationMirror> merge(List<? extends AnnotationMirror> outer, TypeMirror inner) {
    List<AnnotationMirror> all = new ArrayList<>(outer);
    all.addAll(inner.getAnnotationMirrors());
    return all;
  }

  private static boolean isType(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
  }

  static List<ExecutableElement> methods(TypeElement type) {
    return ElementFilter.methodsIn(type.getEnclosedElements());
  }
}
