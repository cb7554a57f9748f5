package dev.eventschema.processor.reading;

import dev.eventschema.processor.model.Rule;
import dev.eventschema.processor.model.ValueType.ScalarKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads the constraint annotations on one value into {@link Rule}s, and rejects a constraint on a
 * type it cannot apply to, bounds the wrong way round and regexes that do not compile.
 */
final class RuleReader {

  static final String CONSTRAINTS_PACKAGE = "dev.eventschema.constraints";

  /**
   * {@code @Base64}'s pattern: the alphabet, then the padding. One repeated class, so that
   * backtracking engines run it on megabytes; whole quartets are left to the decoder.
   */
  static final String BASE64_ALPHABET = "[A-Za-z0-9+/]*={0,2}";

  /** What a set of annotations is being read for: decides which constraints apply. */
  enum Target {
    STRING("String"), BOOLEAN("boolean"), INT("int"), LONG("long"), DOUBLE("double"),
    COLLECTION("a list or map"), OTHER("this type");

    final String description;

    Target(String description) {
      this.description = description;
    }

    static Target of(ScalarKind kind) {
      return switch (kind) {
        case STRING -> STRING;
        case BOOLEAN -> BOOLEAN;
        case INT -> INT;
        case LONG -> LONG;
        case DOUBLE -> DOUBLE;
      };
    }

    boolean isNumber() {
      return this == INT || this == LONG || this == DOUBLE;
    }
  }

  private final Diagnostics diagnostics;

  RuleReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Whether {@code annotation} is one of ours, so that other annotations pass untouched. */
  static boolean isConstraint(AnnotationMirror annotation) {
    TypeElement type = (TypeElement) annotation.getAnnotationType().asElement();
    return type.getQualifiedName().toString().startsWith(CONSTRAINTS_PACKAGE + ".");
  }

  /**
   * The rules of {@code annotations} for a value of {@code target}; {@code requiredString} adds the
   * implied non-emptiness unless {@code @AllowEmpty} is present. Errors point at {@code accessor}.
   */
  List<Rule> read(List<? extends AnnotationMirror> annotations, Target target, boolean requiredString,
      ExecutableElement accessor) {
    List<Rule> rules = new ArrayList<>();
    boolean allowEmpty = false;
    for (AnnotationMirror annotation : annotations) {
      if (!isConstraint(annotation)) {
        continue;
      }
      String name = annotation.getAnnotationType().asElement().getSimpleName().toString();
      Map<String, Object> values = values(annotation);
      switch (name) {
        case "AllowEmpty" -> {
          if (applies(target == Target.STRING, annotation, accessor, target, "String")) {
            allowEmpty = true;
          }
        }
        case "NotBlank" -> {
          if (applies(target == Target.STRING, annotation, accessor, target, "String")) {
            rules.add(new Rule.NotBlank());
          }
        }
        case "Size" -> {
          int min = (Integer) values.getOrDefault("min", 0);
          int max = (Integer) values.getOrDefault("max", Integer.MAX_VALUE);
          if (applies(target == Target.STRING || target == Target.COLLECTION, annotation, accessor, target,
                  "String, List and Map")
              && ordered(min, max, annotation, accessor)) {
            if (min < 0) {
              diagnostics.error(accessor, annotation, value(annotation, "min"), ErrorId.NEGATIVE_SIZE,
                  "@Size(min = " + min + ") on " + accessor.getSimpleName() + "(): min must not be negative");
            } else {
              rules.add(new Rule.Size(min, max));
            }
          }
        }
        case "Pattern" -> {
          String regexp = (String) values.get("regexp");
          if (applies(target == Target.STRING, annotation, accessor, target, "String")
              && compiles(regexp, annotation, accessor)) {
            rules.add(new Rule.Pattern(regexp, (String) values.getOrDefault("message", "")));
          }
        }
        case "Base64" -> {
          if (applies(target == Target.STRING, annotation, accessor, target, "String")) {
            rules.add(new Rule.Pattern(BASE64_ALPHABET, "standard base64: letters, digits, '+' and '/', then at most"
                + " two '='"));
            rules.add(new Rule.ContentEncoding("base64"));
          }
        }
        case "Min" -> number(annotation, accessor, target, rules, Rule.Bound.atLeast((Long) values.get("value")));
        case "Max" -> number(annotation, accessor, target, rules, Rule.Bound.atMost((Long) values.get("value")));
        case "Range" -> {
          long min = (Long) values.getOrDefault("min", Long.MIN_VALUE);
          long max = (Long) values.getOrDefault("max", Long.MAX_VALUE);
          if (ordered(min, max, annotation, accessor)) {
            number(annotation, accessor, target, rules, new Rule.Bound(
                min == Long.MIN_VALUE ? null : min, false, max == Long.MAX_VALUE ? null : max, false));
          }
        }
        case "Positive" -> number(annotation, accessor, target, rules, new Rule.Bound(0L, true, null, false));
        case "PositiveOrZero" -> number(annotation, accessor, target, rules, Rule.Bound.atLeast(0));
        case "Negative" -> number(annotation, accessor, target, rules, new Rule.Bound(null, false, 0L, true));
        case "NegativeOrZero" -> number(annotation, accessor, target, rules, Rule.Bound.atMost(0));
        default -> diagnostics.error(accessor, annotation, ErrorId.UNKNOWN_CONSTRAINT, "unknown constraint @" + name);
      }
    }
    if (requiredString && target == Target.STRING && !allowEmpty) {
      rules.add(0, new Rule.NonEmpty());
    }
    return List.copyOf(rules);
  }

  private void number(AnnotationMirror annotation, ExecutableElement accessor, Target target, List<Rule> rules,
      Rule.Bound bound) {
    if (applies(target.isNumber(), annotation, accessor, target, "int, long and double (also inside Optional*)")) {
      rules.add(bound);
    }
  }

  private boolean applies(boolean applies, AnnotationMirror annotation, ExecutableElement accessor, Target target,
      String appliesTo) {
    if (!applies) {
      diagnostics.error(accessor, annotation, ErrorId.CONSTRAINT_NOT_APPLICABLE,
          "@" + annotation.getAnnotationType().asElement().getSimpleName() + " does not apply to "
          + target.description + " (on " + accessor.getSimpleName() + "()); it applies to "
          + appliesTo);
    }
    return applies;
  }

  private boolean ordered(long min, long max, AnnotationMirror annotation, ExecutableElement accessor) {
    if (min > max) {
      AnnotationValue written = value(annotation, "min") != null ? value(annotation, "min") : value(annotation, "max");
      diagnostics.error(accessor, annotation, written, ErrorId.MIN_GREATER_THAN_MAX,
          "@" + annotation.getAnnotationType().asElement().getSimpleName() + "(min = " + min + ", max = " + max
          + ") on " + accessor.getSimpleName()
          + "(): min must not be greater than max");
      return false;
    }
    return true;
  }

  private boolean compiles(String regexp, AnnotationMirror annotation, ExecutableElement accessor) {
    try {
      Pattern.compile(regexp);
    } catch (PatternSyntaxException e) {
      diagnostics.error(accessor, annotation, value(annotation, "regexp"), ErrorId.INVALID_REGEX,
          "@Pattern regexp on " + accessor.getSimpleName() + "() does not compile: " + e.getDescription()
          + " near index " + e.getIndex() + " of \"" + regexp + "\"");
      return false;
    }
    Optional<PortableRegex.Problem> problem = PortableRegex.check(regexp);
    problem.ifPresent(p -> diagnostics.error(accessor, annotation, value(annotation, "regexp"),
        ErrorId.NON_PORTABLE_REGEX, "@Pattern regexp on " + accessor.getSimpleName() + "(): " + p.construct() + " at index " + p.index() + " of \"" + regexp
        + "\" means one thing in Java and another in ECMA-262, which JSON Schema validators use; write "
        + p.replacement()));
    return problem.isEmpty();
  }

  /** The value of {@code name} as written in {@code annotation}, so that an error can point at it; or null. */
  private static AnnotationValue value(AnnotationMirror annotation, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** The annotation's explicit values by name (defaults are left to the caller). */
  private static Map<String, Object> values(AnnotationMirror annotation) {
    Map<String, Object> values = new java.util.HashMap<>();
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : annotation.getElementValues().entrySet()) {
      values.put(entry.getKey().getSimpleName().toString(), entry.getValue().getValue());
    }
    return values;
  }
}
