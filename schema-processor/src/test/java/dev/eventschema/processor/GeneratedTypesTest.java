package dev.eventschema.processor;

import static dev.eventschema.processor.Payloads.allSchemas;
import static dev.eventschema.processor.Payloads.with;
import static dev.eventschema.processor.TestSchemas.PROMPTS;
import static dev.eventschema.processor.TestSchemas.TELEMETRY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.SchemaValidator;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What is generated for each schema: names, visibility, the @Generated mark, one source per type.
 */
class GeneratedTypesTest {

  @Nested
  @DisplayName("GenerationRequestedEvent: a union with a string form")
  class Prompts {

    private final GeneratedCode code = PROMPTS.code();

    private final SchemaValidator<Object> validator = code.validator("GenerationRequestedEvent");

    @Test
    void aUnionHelperIsGenerated() {
      assertThat(code.type("PromptUnion")).isNotNull();
      assertThat(code.source("PromptUnion")).isPresent();
    }
  }

  @Nested
  @DisplayName("generated types")
  class Generation {

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("dev.eventschema.processor.Payloads#allSchemas")
    void wireNameDefaultsToTheDecapitalisedSimpleNameWithoutEvent(TestSchemas group, String schema, String wireName) {
      SchemaValidator<Object> validator = group.code().validator(schema);

      assertThat(validator.eventName()).isEqualTo(wireName);
      assertThat(validator.type()).isSameAs(group.code().type(schema));
    }

    @Test
    void theValidatorReportsItsSchemasVersionOneByDefault() {
      GeneratedCode code = GeneratedCode.compileOrFail(List.of(
          TestSchemas.source("Versioned", "@EventSchema(version = 3) public interface Versioned { String name(); }"),
          TestSchemas.source("Unversioned", "@EventSchema public interface Unversioned { String name(); }")));

      assertThat(code.validator("Versioned").version()).isEqualTo(3);
      assertThat(code.validator("Unversioned").version()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("dev.eventschema.processor.Payloads#allSchemas")
    void generatesAPublicValidatorSingletonAPublicBuilderAndAValueClass(TestSchemas group, String schema, String wireName)
        throws ReflectiveOperationException {
      GeneratedCode code = group.code();
      Class<?> validatorClass = code.type(schema + "Validator");
      Class<?> builderClass = code.type(schema + "Builder");

      assertThat(Modifier.isPublic(validatorClass.getModifiers())).isTrue();
      assertThat(SchemaValidator.class).isAssignableFrom(validatorClass);
      assertThat(Modifier.isFinal(validatorClass.getField("INSTANCE").getModifiers())).isTrue();
      assertThat(code.validator(schema)).isSameAs(code.validator(schema)).isInstanceOf(validatorClass);
      assertThat(Modifier.isPublic(builderClass.getModifiers())).isTrue();
      assertThat(code.type("Immutable" + schema).isRecord()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestSchemas.class)
    void everyGeneratedSourceIsMarkedGenerated(TestSchemas group) {
      List<javax.tools.JavaFileObject> generated = group.code().compilation().generatedSourceFiles();

      assertThat(generated).isNotEmpty().allSatisfy(file -> {
        String text = file.getCharContent(true).toString();
        assertThat(text).as(file.getName()).containsPattern("@(javax\\.annotation\\.processing\\.)?Generated\\b");
        assertThat(text).as(file.getName()).contains("javax.annotation.processing.Generated");
      });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TelemetryConfigValidator", "TelemetryConfigBuilder", "ImmutableTelemetryConfig"})
    void generatesOneSourcePerTypeInTheSchemasPackage(String simpleName) {
      assertThat(TELEMETRY.code().source(simpleName)).isPresent();
    }
  }
}
