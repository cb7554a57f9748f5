package dev.eventschema.processor.rendering;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.eventschema.Violation;
import dev.eventschema.support.CodePoints;
import dev.eventschema.support.Copies;
import dev.eventschema.support.JsonValues;
import dev.eventschema.support.Pointer;
import dev.eventschema.support.SchemaResources;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import dev.eventschema.support.WireWriter;
import java.util.Locale;

/** Types that generated code refers to, and small naming helpers shared by the renderers. */
final class Names {

  static final ClassName VIOLATION = ClassName.get(Violation.class);
  static final ClassName CODE = ClassName.get(Violation.Code.class);
  static final ClassName VIOLATIONS = ClassName.get(Violations.class);
  static final ClassName WIRE_TYPE = ClassName.get(WireType.class);
  static final ClassName WIRE_READER = ClassName.get(WireReader.class);
  static final ClassName JSON_VALUES = ClassName.get(JsonValues.class);
  static final ClassName POINTER = ClassName.get(Pointer.class);
  static final ClassName COPIES = ClassName.get(Copies.class);
  static final ClassName WIRE_WRITER = ClassName.get(WireWriter.class);
  static final ClassName SCHEMA_RESOURCES = ClassName.get(SchemaResources.class);
  static final ClassName CODE_POINTS = ClassName.get(CodePoints.class);

  private static final String PROCESSOR = "dev.eventschema.processor.EventSchemaProcessor";

  private Names() {}

  /** {@code @Generated("dev.eventschema.processor.EventSchemaProcessor")}. */
  static AnnotationSpec generated() {
    return AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
        .addMember("value", "$S", PROCESSOR)
        .build();
  }

  /** {@code prometheusPort} becomes {@code PROMETHEUS_PORT}. */
  static String constantCase(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }

  /** A long as a Java literal that reads naturally: {@code 1024}, or {@code 5000000000L}. */
  static CodeBlock literal(long value) {
    if (value == Long.MIN_VALUE) {
      return CodeBlock.of("Long.MIN_VALUE");
    }
    if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
      return CodeBlock.of("$L", value);
    }
    return CodeBlock.of("$LL", value);
  }
}
