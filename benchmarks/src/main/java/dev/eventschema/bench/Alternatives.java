package dev.eventschema.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

/** The compared libraries, set up once per JVM the way an application would (cached, reused). */
public final class Alternatives {

  private Alternatives() {}

  /** Hibernate Validator 9 through the Jakarta bootstrap, with the default (EL) message interpolator. */
  public static Validator hibernate() {
    ValidatorFactory factory = Validation.buildDefaultValidatorFactory();
    return factory.getValidator();
  }

  /** avaje-validator 2 with its generated adapters. */
  public static io.avaje.validation.Validator avaje() {
    return io.avaje.validation.Validator.builder().build();
  }

  /** Jackson 2 for reading JSON text into a {@code Map} (the generated parse's input). */
  public static JsonMapper jacksonForMaps() {
    return JsonMapper.builder().build();
  }

  /**
   * Jackson 2 databind made as strict as it goes: unknown properties fail, no scalar coercion
   * ({@code "80"} is not an int), {@code null} is not a primitive; Optionals through the JDK 8 module.
   */
  public static JsonMapper strictJackson() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  /** Jackson 3 (what json-schema-validator 3 reads with), equally strict, for the binding after the schema. */
  public static tools.jackson.databind.json.JsonMapper strictJackson3() {
    return tools.jackson.databind.json.JsonMapper.builder()
        .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(tools.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .build();
  }

  /** networknt json-schema-validator on a generated JSON Schema (draft 2020-12), compiled once. */
  public static Schema jsonSchema(String generatedSchema) {
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(generatedSchema);
    schema.initializeValidators();
    return schema;
  }
}
