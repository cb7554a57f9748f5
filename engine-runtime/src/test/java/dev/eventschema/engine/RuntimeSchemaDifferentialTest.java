package dev.eventschema.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.SchemaValidator;
import dev.eventschema.differential.GeneratedSchemas;
import dev.eventschema.differential.SchemaDifferential;
import dev.eventschema.differential.SchemaDifferential.Outcome;
import dev.eventschema.engine.config.EngineConfig;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema that the engine itself declares (the config file's settings in
 * {@code dev.eventschema.engine.config}, the external runtime's protocol messages in
 * {@code backend.external.protocol}): its generated validator and its exported JSON Schema, judged
 * by networknt with ECMA-262 regexes, agree on every payload of a seeded corpus. A config written
 * against the exported schema, or a runtime written in Python against the protocol's, is then
 * accepted exactly when the engine accepts it.
 */
class RuntimeSchemaDifferentialTest {

  private static final long SEED = 20_260_411L;

  /** All of engine-runtime's classes directory: both packages, and any schema added later. */
  private static final Map<String, SchemaValidator<?>> VALIDATORS = GeneratedSchemas.validators(EngineConfig.class);

  @Test
  void everyExportedSchemaHasAValidatorAndIsCovered() {
    assertThat(VALIDATORS.keySet()).containsExactlyElementsOf(GeneratedSchemas.exported(EngineConfig.class));
    assertThat(VALIDATORS).containsKeys("engineConfig", "modelSpec", "runtimeSettings",
        "runtime.notification", "runtime.response", "stream.chunk", "stream.event");
  }

  static Stream<String> schemas() {
    return VALIDATORS.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theValidatorAndItsSchemaAgreeOnEveryPayload(String wireName) {
    Outcome outcome = SchemaDifferential.run(wireName, VALIDATORS.get(wireName), SEED, SchemaDifferential.PAYLOADS);

    System.out.print(outcome.report());
    assertThat(outcome.disagreements()).as(outcome.report()).isEmpty();
  }
}
