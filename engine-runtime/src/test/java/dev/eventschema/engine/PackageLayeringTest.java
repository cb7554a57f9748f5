package dev.eventschema.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The package layering of {@code engine-runtime}, checked on its compiled classes (this module's
 * own; the wire contract in {@code engine-events} has its own test).
 *
 * <p>The packages, from the bottom up; each may use those below it, never those above:
 *
 * <pre>
 *   events (engine-events)  the wire contract: the 8 events, envelope, frames, ErrorCode
 *   error                   EngineException, the engine's one exception
 *   config                  the settings schemas, their generated immutable values, the config file
 *   emit                    the validating emitter and its subscribers
 *   backend, backend.*      where models run (embedded n-gram, external runtime process)
 *   core                    the engine: models, admission and queue, status, wire events
 *   telemetry               meters and /metrics, fed by the emitter
 *   stream                  the live SSE stream, fed by the emitter
 *   export.*                exports to other systems (export.otlp: OTLP meters and log records;
 *                           export.kafka: the Kafka sink, CloudEvents), fed by the emitter
 *   api, api.*              the OpenAI-compatible API and model administration, on core's public API
 *   (root) EmbeddedEngine   puts an engine, a stream and telemetry together
 *   cli                     the command line, on top of everything
 * </pre>
 *
 * <p>Why these rules:
 *
 * <ul>
 *   <li><b>No cycles</b>, neither between the top-level packages nor between any two packages: a
 *       cycle makes every package in it one unit that can be neither read nor reused alone.
 *   <li><b>{@code core} knows nothing of HTTP</b> (the JDK's servers and client, the stream, the
 *       telemetry with its metrics server): the engine must run without a server, as the embedded
 *       engine of a test or under another API (an OpenAI-compatible HTTP API, say) built on top.
 *   <li><b>Backends know nothing of the stream, the emitter, telemetry, the CLI or {@code core}</b>:
 *       a backend reports to the engine through {@code BackendListener} only, so that a new backend
 *       cannot bypass the engine's validation, bookkeeping and status.
 *   <li><b>The settings know none of the code they configure</b>: {@code config} holds values that
 *       every layer reads, so it must sit below them all.
 *   <li><b>The emitter knows none of its users</b> ({@code core}, backends, telemetry, stream): they
 *       subscribe to it, which is what keeps the stream and telemetry out of the engine.
 *   <li><b>The exports are subscribers, wired by the assembly layers only</b>: the engine, the
 *       backends, the stream and telemetry know nothing of them, so that an export is added or left
 *       out without touching them; and an export knows nothing of the engine, the stream or the API.
 *   <li><b>The HTTP API is a client of the engine</b>: only the assembly layers mount it, so that
 *       nothing below learns of requests and answers.
 *   <li><b>Nothing depends on {@code cli}</b>, and the root package ({@code EmbeddedEngine}, which
 *       imports every layer) is used by {@code cli} only: the two assembly layers sit on top, or
 *       everything would depend on everything through them.
 * </ul>
 */
class PackageLayeringTest {

  private static final String ENGINE = "dev.eventschema.engine";

  /** This module's main classes: the directory or jar EmbeddedEngine was loaded from. */
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .importUrl(EmbeddedEngine.class.getProtectionDomain().getCodeSource().getLocation());

  private static void check(ArchRule rule) {
    rule.check(CLASSES);
  }

  @Test
  void theImportFoundTheEngineAndNoTestClass() {
    // guards the rules below against passing vacuously on an empty or wrong import
    org.assertj.core.api.Assertions.assertThat(CLASSES.containPackage(ENGINE + ".core")).isTrue();
    org.assertj.core.api.Assertions.assertThat(CLASSES.stream().map(c -> c.getSimpleName()))
        .contains("Engine", "EmbeddedEngine", "StreamServer").doesNotContain("EngineTest", getClass().getSimpleName());
  }

  @Test
  void theTopLevelPackagesHaveNoCycle() {
    check(slices().matching(ENGINE + ".(*)..").should().beFreeOfCycles());
  }

  @Test
  void noTwoPackagesFormACycle() {
    // each package its own slice, the root package included (as "engine")
    check(slices().matching("dev.eventschema.(**)").should().beFreeOfCycles());
  }

  @Test
  void coreKnowsNothingOfHttp() {
    check(noClasses().that().resideInAPackage(ENGINE + ".core..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "com.sun.net.httpserver..", "java.net.http..", ENGINE + ".stream..", ENGINE + ".telemetry..")
        .because("the engine runs without a server; the stream and telemetry subscribe to its emitter"));
  }

  @Test
  void backendsKnowNothingOfTheStreamTheEmitterTelemetryTheCliOrTheEngine() {
    check(noClasses().that().resideInAPackage(ENGINE + ".backend..")
        .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".stream..", ENGINE + ".emit..",
            ENGINE + ".telemetry..", ENGINE + ".cli..", ENGINE + ".core..", "com.sun.net.httpserver..")
        .because("a backend reports to the engine through BackendListener only"));
  }

  @Test
  void theSettingsKnowNoneOfTheCodeTheyConfigure() {
    check(noClasses().that().resideInAPackage(ENGINE + ".config..")
        .should().dependOnClassesThat().resideInAnyPackage(ENGINE, ENGINE + ".emit..", ENGINE + ".backend..",
            ENGINE + ".core..", ENGINE + ".telemetry..", ENGINE + ".stream..", ENGINE + ".cli..",
            ENGINE + ".export..")
        .because("every layer reads the settings, so they sit below every layer"));
  }

  @Test
  void theEmitterKnowsNoneOfItsUsers() {
    check(noClasses().that().resideInAPackage(ENGINE + ".emit..")
        .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".core..", ENGINE + ".backend..",
            ENGINE + ".telemetry..", ENGINE + ".stream..", ENGINE + ".cli..", ENGINE + ".config..")
        .because("the engine, telemetry and the stream subscribe to the emitter, not the other way round"));
  }

  @Test
  void onlyTheAssemblyLayersUseTheExports() {
    check(noClasses().that().resideOutsideOfPackages(ENGINE, ENGINE + ".cli..", ENGINE + ".export..")
        .should().dependOnClassesThat().resideInAPackage(ENGINE + ".export..")
        .because("an export subscribes to the emitter; the engine, the stream and telemetry never call it"));
  }

  @Test
  void theExportsKnowNothingOfTheEngineTheStreamOrTheApi() {
    check(noClasses().that().resideInAPackage(ENGINE + ".export..")
        .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".core..", ENGINE + ".backend..",
            ENGINE + ".stream..", ENGINE + ".telemetry..", ENGINE + ".api..", "com.sun.net.httpserver..")
        .because("an export reads the emitter's events and its own settings only"));
  }

  @Test
  void onlyTheAssemblyLayersUseTheApi() {
    check(noClasses().that().resideOutsideOfPackages(ENGINE, ENGINE + ".cli..", ENGINE + ".api..")
        .should().dependOnClassesThat().resideInAPackage(ENGINE + ".api..")
        .because("the API is built on the engine's public API, not the other way round"));
  }

  @Test
  void nothingDependsOnTheCli() {
    check(noClasses().that().resideOutsideOfPackage(ENGINE + ".cli..")
        .should().dependOnClassesThat().resideInAPackage(ENGINE + ".cli..")
        .because("the command line is the top layer"));
  }

  @Test
  void onlyTheCliUsesTheRootPackage() {
    check(noClasses().that().resideOutsideOfPackages(ENGINE, ENGINE + ".cli..")
        .should().dependOnClassesThat().resideInAPackage(ENGINE)
        .because("EmbeddedEngine assembles every layer; below the CLI, using it would close a cycle"));
  }
}
