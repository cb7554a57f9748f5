package dev.eventschema.processor.rendering;

import dev.eventschema.processor.model.Rule;
import dev.eventschema.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a value in words, for the Javadoc of generated setters: {@code 1024-65535},
 * {@code at most 256 characters}, {@code matches [a-z]+}. The text is HTML-escaped, so that any
 * regex is safe inside a comment.
 */
final class RuleText {

  private RuleText() {}

  /** The rules of {@code type} and of what it holds, or an empty string when there are none. */
  static String of(ValueType type) {
    if (type instanceof ValueType.OptionalOf optional) {
      return of(optional.value());
    }
    List<String> parts = new ArrayList<>(rules(type.rules(), type instanceof ValueType.Scalar ? "characters"
        : type instanceof ValueType.ListOf ? "elements" : "entries"));
    if (type instanceof ValueType.ListOf list) {
      addInner(parts, "each element", list.element());
    } else if (type instanceof ValueType.MapOf map) {
      List<String> keys = rules(map.keyRules(), "characters");
      if (!keys.isEmpty()) {
        parts.add("each key " + String.join(", ", keys));
      }
      addInner(parts, "each value", map.value());
    } else if (type instanceof ValueType.JsonObject) {
      parts.add("JSON values nested at most 32 deep");
    }
    return String.join("; ", parts);
  }

  private static void addInner(List<String> parts, String what, ValueType inner) {
    String text = of(inner);
    if (!text.isEmpty()) {
      parts.add(what + " " + text);
    }
  }

  private static List<String> rules(List<Rule> rules, String unit) {
    List<String> parts = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule instanceof Rule.NonEmpty) {
        parts.add("not empty");
      } else if (rule instanceof Rule.NotBlank) {
        parts.add("not blank");
      } else if (rule instanceof Rule.Size size) {
        parts.add(size(size, unit));
      } else if (rule instanceof Rule.Pattern pattern) {
        parts.add(pattern.description().isEmpty()
            ? "matches <code>" + escape(pattern.regexp()) + "</code>"
            : escape(pattern.description()));
      } else if (rule instanceof Rule.Bound bound) {
        parts.add(bound(bound));
      }
    }
    return parts;
  }

  private static String size(Rule.Size size, String unit) {
    if (size.max() == Integer.MAX_VALUE) {
      return "at least " + size.min() + " " + unit;
    }
    if (size.min() == 0) {
      return "at most " + size.max() + " " + unit;
    }
    return size.min() == size.max() ? "exactly " + size.min() + " " + unit
        : size.min() + "-" + size.max() + " " + unit;
  }

  private static String bound(Rule.Bound bound) {
    if (bound.min() != null && bound.max() != null && !bound.minExclusive() && !bound.maxExclusive()) {
      return bound.min() + "-" + bound.max();
    }
    return escape(bound.describe().replaceFirst("^must be ", ""));
  }

  /** Safe in Javadoc: no HTML, no end of comment, no unicode escape, no inline tag, no JavaPoet {@code $}. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '/' -> out.append("&#47;");
        case '\\' -> out.append("&#92;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '$' -> out.append("&#36;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
