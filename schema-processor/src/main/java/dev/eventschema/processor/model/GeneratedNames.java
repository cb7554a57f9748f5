package dev.eventschema.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * Names of generated classes: {@code FooValidator}, {@code FooBuilder}, {@code ImmutableFoo},
 * {@code FooCodec} and {@code FooUnion} beside {@code Foo}; a nested {@code Outer.Foo} gives
 * {@code Outer_FooValidator}.
 */
public final class GeneratedNames {

  private GeneratedNames() {}

  public static ClassName validator(ClassName schema) {
    return ClassName.get(schema.packageName(), flatName(schema) + "Validator");
  }

  public static ClassName builder(ClassName schema) {
    return ClassName.get(schema.packageName(), flatName(schema) + "Builder");
  }

  public static ClassName value(ClassName schema) {
    return ClassName.get(schema.packageName(), "Immutable" + flatName(schema));
  }

  /** The streaming JSON codec, generated when {@code schema-json} is on the compile class path. */
  public static ClassName codec(ClassName schema) {
    return ClassName.get(schema.packageName(), flatName(schema) + "Codec");
  }

  public static ClassName union(ClassName union) {
    return ClassName.get(union.packageName(), flatName(union) + "Union");
  }

  private static String flatName(ClassName type) {
    return String.join("_", type.simpleNames());
  }

  /** The default wire name: the simple name, decapitalised, without a trailing {@code Event}. */
  public static String defaultWireName(String simpleName) {
    String base = simpleName.endsWith("Event") && simpleName.length() > "Event".length()
        ? simpleName.substring(0, simpleName.length() - "Event".length())
        : simpleName;
    return Character.toLowerCase(base.charAt(0)) + base.substring(1);
  }
}
