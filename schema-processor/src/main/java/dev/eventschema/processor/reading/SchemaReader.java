package dev.eventschema.processor.reading;

import com.palantir.javapoet.ClassName;
import dev.eventschema.StringForm;
import dev.eventschema.processor.model.FieldModel;
import dev.eventschema.processor.model.GeneratedNames;
import dev.eventschema.processor.model.SchemaModel;
import dev.eventschema.processor.model.UnionModel;
import dev.eventschema.processor.model.ValueType;
import dev.eventschema.processor.model.ValueType.ScalarKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Reads an {@code @EventSchema} interface into a {@link SchemaModel}, reporting every misuse as a
 * compile error on the element at fault. A schema with errors yields no model, so nothing is
 * generated for it and javac's own errors stay few.
 */
public final class SchemaReader {

  /**
   * Accessor names that would clash with generated members: the builder's own methods, and the
   * names a record component may not have.
   */
  private static final Set<String> RESERVED = Set.of(
      "build", "builder", "from", "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll",
      "toString", "wait");

  private final Diagnostics diagnostics;
  private final TypeReader types;

  public SchemaReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
    this.types = new TypeReader(diagnostics);
  }

  /** The unions met while reading, each to be generated once. */
  public Map<String, UnionModel> unions() {
    return types.unions();
  }

  /** The model of {@code element}, or empty if it misuses {@code @EventSchema}. */
  public Optional<SchemaModel> read(TypeElement element) {
    AnnotationMirror annotation = mirror(element, "dev.eventschema.EventSchema");
    if (element.getKind() != ElementKind.INTERFACE) {
      diagnostics.error(element, annotation, ErrorId.NOT_AN_INTERFACE, "@EventSchema applies to interfaces only; make "
          + element.getSimpleName() + " an interface whose parameterless methods are the event's fields");
      return Optional.empty();
    }
    int errorsBefore = diagnostics.errorCount();
    if (!element.getTypeParameters().isEmpty()) {
      diagnostics.error(element, annotation, ErrorId.GENERIC_SCHEMA, "@EventSchema interface "
          + element.getSimpleName() + " must not be generic; give its fields concrete types");
    }
    if (element.getModifiers().contains(Modifier.SEALED)) {
      diagnostics.error(element, annotation, ErrorId.SEALED_SCHEMA, "@EventSchema interface "
          + element.getSimpleName()
          + " must not be sealed; a sealed interface of @EventSchema members is a union, not a schema");
    }
    String wireName = Schemas.wireName(element);
    if (wireName.isBlank()) {
      diagnostics.error(element, annotation, ErrorId.BLANK_WIRE_NAME,
          "the wire name of " + element.getSimpleName() + " must not be blank");
    }
    int version = element.getAnnotation(dev.eventschema.EventSchema.class).version();
    if (version < 1) {
      diagnostics.error(element, annotation, ErrorId.NON_POSITIVE_VERSION, "the version of " + element.getSimpleName()
          + " must be at least 1, was " + version + "; versions count releases of the wire contract from 1");
    }
    Optional<TypeElement> union = unionParent(element);
    List<FieldModel> fields = new ArrayList<>();
    for (ExecutableElement accessor : accessors(element)) {
      readField(accessor, union).ifPresent(fields::add);
    }
    checkStringForm(element, union, fields);
    if (diagnostics.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new SchemaModel(ClassName.get(element), wireName, version,
        element.getAnnotation(dev.eventschema.EventSchema.class).strict(), List.copyOf(fields),
        union.map(u -> GeneratedNames.union(ClassName.get(u)))));
  }

  private Optional<FieldModel> readField(ExecutableElement accessor, Optional<TypeElement> union) {
    String name = accessor.getSimpleName().toString();
    boolean ok = true;
    if (!accessor.getParameters().isEmpty()) {
      diagnostics.error(accessor, ErrorId.ACCESSOR_PARAMETERS,
          "accessor " + name + "(" + accessor.getParameters().size()
          + " parameter(s)) must not take parameters: an @EventSchema field is a parameterless method");
      ok = false;
    }
    if (!accessor.getTypeParameters().isEmpty()) {
      diagnostics.error(accessor, ErrorId.GENERIC_ACCESSOR,
          "accessor " + name + "() must not be generic; give the field a concrete type");
      ok = false;
    }
    if (accessor.getReturnType().getKind() == TypeKind.VOID) {
      diagnostics.error(accessor, ErrorId.VOID_ACCESSOR, "accessor " + name + "() must return a value, not void");
      return Optional.empty();
    }
    if (RESERVED.contains(name)) {
      diagnostics.error(accessor, ErrorId.RESERVED_NAME,
          "accessor " + name + "() clashes with a generated member (the builder's "
          + "build/builder/from, or a method every value has); rename it");
      ok = false;
    }
    if (union.isPresent() && name.equals(UnionModel.DISCRIMINATOR)) {
      diagnostics.error(accessor, ErrorId.DISCRIMINATOR_CLASH,
          "accessor type() clashes with the 'type' discriminator of union "
          + union.get().getSimpleName() + "; rename it");
      ok = false;
    }
    Optional<ValueType> type = types.readField(accessor);
    return ok ? type.map(t -> new FieldModel(name, t)) : Optional.empty();
  }

  /** The sealed interface that makes {@code element} a union member, read as a union, if any. */
  private Optional<TypeElement> unionParent(TypeElement element) {
    for (TypeMirror parent : element.getInterfaces()) {
      MissingTypeException.checkExists(parent);
      TypeElement parentElement = (TypeElement) ((DeclaredType) parent).asElement();
      if (parentElement.getModifiers().contains(Modifier.SEALED) && !Schemas.isSchema(parentElement)) {
        if (types.union(parentElement, element) == null) {
          return Optional.empty();
        }
        return Optional.of(parentElement);
      }
    }
    return Optional.empty();
  }

  private void checkStringForm(TypeElement element, Optional<TypeElement> union, List<FieldModel> fields) {
    if (element.getAnnotation(StringForm.class) == null) {
      return;
    }
    AnnotationMirror annotation = mirror(element, "dev.eventschema.StringForm");
    if (union.isEmpty()) {
      diagnostics.error(element, annotation, ErrorId.STRING_FORM_OUTSIDE_UNION,
          "@StringForm is for members of a union (a sealed interface of"
          + " @EventSchema interfaces); " + element.getSimpleName() + " extends no such interface");
      return;
    }
    boolean oneString = fields.size() == 1 && fields.get(0).required()
        && fields.get(0).type() instanceof ValueType.Scalar scalar && scalar.kind() == ScalarKind.STRING;
    if (!oneString) {
      diagnostics.error(element, annotation, ErrorId.STRING_FORM_SHAPE,
          "@StringForm needs exactly one required String field and no other"
          + " field, so that the bare string is the whole value; " + element.getSimpleName() + " has "
          + fields.size() + " field(s)");
      return;
    }
    long others = union.get().getPermittedSubclasses().stream()
        .map(t -> ((DeclaredType) t).asElement())
        .filter(e -> !e.equals(element) && e.getAnnotation(StringForm.class) != null)
        .count();
    if (others > 0) {
      diagnostics.error(element, annotation, ErrorId.STRING_FORM_AMBIGUOUS,
          "only one member of union " + union.get().getSimpleName()
          + " may be @StringForm, or a bare string would be ambiguous");
    }
  }

  /**
   * The abstract methods of {@code element} and its superinterfaces, supertypes' first, each name
   * once; methods that re-declare {@code Object}'s ({@code toString()}, {@code hashCode()}) are not
   * fields.
   */
  private static List<ExecutableElement> accessors(TypeElement element) {
    Map<String, ExecutableElement> byName = new LinkedHashMap<>();
    collect(element, byName);
    return List.copyOf(byName.values());
  }

  private static void collect(TypeElement type, Map<String, ExecutableElement> byName) {
    for (TypeMirror parent : type.getInterfaces()) {
      MissingTypeException.checkExists(parent);
      collect((TypeElement) ((DeclaredType) parent).asElement(), byName);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT) || isObjectMethod(method)) {
        continue;
      }
      byName.remove(method.getSimpleName().toString()); // an override keeps the subtype's annotations
      byName.put(method.getSimpleName().toString(), method);
    }
  }

  private static boolean isObjectMethod(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    return method.getParameters().isEmpty() && (name.equals("toString") || name.equals("hashCode"));
  }

  private static AnnotationMirror mirror(Element element, String annotationName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotationName)) {
        return mirror;
      }
    }
    return null;
  }
}
