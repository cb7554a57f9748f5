package dev.eventschema.processor.reading;

import dev.eventschema.EventSchema;
import dev.eventschema.StringForm;
import dev.eventschema.processor.model.GeneratedNames;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/** Facts about an {@code @EventSchema} element that other schemas need without reading it whole. */
final class Schemas {

  private Schemas() {}

  static boolean isSchema(TypeElement element) {
    return element.getAnnotation(EventSchema.class) != null;
  }

  static String wireName(TypeElement element) {
    String value = element.getAnnotation(EventSchema.class).value();
    return value.isEmpty() ? GeneratedNames.defaultWireName(element.getSimpleName().toString()) : value;
  }

  /**
   * For a {@code @StringForm} member, its one String accessor. The rules of {@code @StringForm} are
   * checked when the member itself is read; here a misuse just yields no string form.
   */
  static Optional<String> stringFormField(TypeElement element) {
    if (element.getAnnotation(StringForm.class) == null) {
      return Optional.empty();
    }
    List<ExecutableElement> accessors = ElementFilter.methodsIn(element.getEnclosedElements()).stream()
        .filter(m -> m.getModifiers().contains(Modifier.ABSTRACT))
        .filter(m -> m.getReturnType().getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) m.getReturnType()).asElement()).getQualifiedName()
                .contentEquals("java.lang.String"))
        .toList();
    return accessors.size() == 1 ? Optional.of(accessors.get(0).getSimpleName().toString()) : Optional.empty();
  }
}
