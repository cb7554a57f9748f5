package dev.eventschema.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.differential.SchemaDifferential;
import dev.eventschema.differential.SchemaDifferential.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every test schema's generated validator and its exported JSON Schema, judged by an independent
 * JSON Schema validator with ECMA-262 regexes, agree on every payload of a seeded corpus.
 */
class SchemaDifferentialTest {

  private static final long SEED = 20_260_410L;

  /** A schema with a rule of every class the differential once found in disagreement. */
  private static final JavaFileObject RULES = TestSchemas.source("RulesProbe", """
      @EventSchema("rules.probe")
      public interface RulesProbe {
        @Size(min = 1, max = 4) List<@Size(max = 5) String> parts();

        @Size(min = 1) Map<String, @NotBlank String> labels();

        @NotBlank String title();

        @Size(min = 2, max = 6) String code();

        @Pattern(regexp = "https?://[^\\s]+") String url();

        @Pattern(regexp = "(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?") Optional<String> data();

        Map<String, Object> metadata();

        long count();

        OptionalDouble score();
      }
      """);

  @ParameterizedTest
  @EnumSource(TestSchemas.class)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theValidatorAndItsSchemaAgreeOnEveryPayload(TestSchemas group) {
    agree(group.code());
  }

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theyAgreeOnTheRulesThatOnceDisagreed() {
    agree(GeneratedCode.compileOrFail(List.of(RULES)));
  }

  private static void agree(GeneratedCode code) {
    List<Outcome> outcomes = new ArrayList<>();
    for (String schema : schemas(code)) {
      outcomes.add(SchemaDifferential.run(schema, code.validator(schema), SEED, SchemaDifferential.PAYLOADS));
    }
    outcomes.forEach(outcome -> System.out.print(outcome.report()));
    assertThat(outcomes).isNotEmpty();
    assertThat(outcomes)
        .allSatisfy(outcome -> assertThat(outcome.disagreements()).as(outcome.report()).isEmpty());
  }

  /** The simple names of the schemas whose validators {@code code} generated. */
  private static List<String> schemas(GeneratedCode code) {
    String prefix = "/" + GeneratedCode.PACKAGE.replace('.', '/') + "/";
    return code.compilation().generatedSourceFiles().stream()
        .map(JavaFileObject::getName)
        .filter(name -> name.endsWith("Validator.java"))
        .map(name -> name.substring(name.lastIndexOf(prefix) + prefix.length(), name.length() - "Validator.java".length()))
        .sorted()
        .toList();
  }
}
