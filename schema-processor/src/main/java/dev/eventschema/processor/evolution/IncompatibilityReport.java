package dev.eventschema.processor.evolution;

import dev.eventschema.Compatibility;
import dev.eventschema.processor.reading.Diagnostics;
import dev.eventschema.processor.reading.ErrorId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a breaking {@link Difference} into one compile error on the accessor that changed (in the
 * nested schema or union member that holds it, when that is part of this compilation), or on the
 * interface when the key is gone. A change in a nested schema is found both through the schemas that
 * use it and through its own baseline; it is reported once.
 */
final class IncompatibilityReport {

  private final Function<String, Optional<TypeElement>> schemaByWireName;
  private final Set<String> reported = new HashSet<>();

  IncompatibilityReport(Function<String, Optional<TypeElement>> schemaByWireName) {
    this.schemaByWireName = schemaByWireName;
  }

  void report(TypeElement root, String rootWireName, Compatibility mode, int baselineVersion, Difference difference,
      Diagnostics diagnostics) {
    Optional<TypeElement> owner = schemaByWireName.apply(difference.owner());
    // A schema of this compilation is one place, however it was reached; anything else (a shared
    // definition such as a JSON value's) is a place within the schema being checked.
    String place = owner.isPresent() ? difference.owner() + "|" + difference.key() : rootWireName + "|" + difference.path();
    if (!reported.add(place + "|" + difference.code() + "|" + difference.before() + "|" + difference.after())) {
      return;
    }
    Element at;
    if (owner.isPresent()) {
      at = difference.key() == null ? owner.get() : accessor(owner.get(), difference.key()).orElse(owner.get());
    } else {
      String first = difference.path().substring(1).split("[/(]", 2)[0];
      at = accessor(root, first).orElse(root);
    }
    String confluent = difference.code().confluentName().equals(difference.code().name()) ? ""
        : " (Confluent: " + difference.code().confluentName() + ")";
    diagnostics.error(at, ErrorId.SCHEMA_INCOMPATIBLE, difference.code() + confluent + " breaks " + mode
        + " compatibility of '" + rootWireName + "' with its baseline version " + baselineVersion
        + " at " + difference.path() + ": was " + difference.before() + ", now " + difference.after()
        + ". " + capitalize(difference.code().advice()) + ". To release a breaking change on purpose, raise "
        + "@EventSchema(version) and record a new baseline.");
  }

  /** The accessor {@code name()} of {@code type} or of an interface it extends. */
  Optional<Element> accessor(TypeElement type, String name) {
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals(name) && method.getParameters().isEmpty()) {
        return Optional.of(method);
      }
    }
    for (var parent : type.getInterfaces()) {
      Element element = ((javax.lang.model.type.DeclaredType) parent).asElement();
      if (element.getKind() == ElementKind.INTERFACE) {
        Optional<Element> found = accessor((TypeElement) element, name);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static String capitalize(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
