package dev.eventschema.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.SchemaValidator;
import dev.eventschema.differential.GeneratedSchemas;
import dev.eventschema.differential.SchemaDifferential;
import dev.eventschema.differential.SchemaDifferential.Outcome;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema of the engine's wire contract: its generated validator and its exported JSON Schema,
 * judged by networknt with ECMA-262 regexes, agree on every payload of a seeded corpus.
 */
class SchemaDifferentialTest {

  private static final long SEED = 20_260_410L;

  private static final Map<String, SchemaValidator<?>> VALIDATORS = GeneratedSchemas.validators(EventEnvelope.class);

  @Test
  void everyExportedSchemaHasAValidatorAndIsCovered() {
    assertThat(VALIDATORS.keySet()).containsExactlyElementsOf(GeneratedSchemas.exported(EventEnvelope.class));
    assertThat(VALIDATORS).containsKeys("envelope", "dropped", "telemetrySnapshot", "rejection", "tokenGenerated");
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
