package dev.eventschema.engine.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The wire contract stands alone. Any JVM producer or consumer (the engine, the dashboard, a client
 * of someone else's) depends on this module to read and write the engine's events, so it may use
 * nothing but {@code schema-annotations} (the validator contract and the runtime support its
 * generated code calls), {@code schema-json} with jackson-core (the runtime of the generated streaming
 * codecs) and the JDK: no databind, no logging, nothing of the engine.
 *
 * <p>Its packages have no cycle (today there is one package, {@code events}; the rule keeps it so
 * when more come).
 */
class PackageLayeringTest {

  /** This module's main classes: the directory or jar EventType was loaded from. */
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .importUrl(EventType.class.getProtectionDomain().getCodeSource().getLocation());

  @Test
  void theImportFoundTheContractAndNoTestClass() {
    // guards the rules below against passing vacuously on an empty or wrong import
    assertThat(CLASSES.stream().map(c -> c.getSimpleName()))
        .contains("EventType", "ErrorCode", "EventEnvelope", "TokenGeneratedEventValidator")
        .doesNotContain(getClass().getSimpleName());
  }

  @Test
  void dependsOnlyOnSchemaAnnotationsSchemaJsonJacksonCoreAndTheJdk() {
    classes().should().onlyDependOnClassesThat().resideInAnyPackage(
            "dev.eventschema.engine.events..",
            "dev.eventschema", "dev.eventschema.support..", "dev.eventschema.constraints..", // schema-annotations
            "dev.eventschema.json..", "com.fasterxml.jackson.core..", // schema-json and its one dependency
            "java..")
        .because("engine-events is the contract alone: schema-annotations, schema-json, jackson-core, the JDK")
        .check(CLASSES);
  }

  @Test
  void hasNoPackageCycle() {
    slices().matching("dev.eventschema.engine.(**)").should().beFreeOfCycles().check(CLASSES);
  }
}
