package dev.eventschema.monitor.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.eventschema.monitor.EmbeddedDemo;

/**
 * The dashboard's layering, checked on its compiled classes:
 *
 * <pre>
 *   dev.eventschema.monitor (launcher, Dashboard, sessions, frame loop)
 *     -> view -> export -> model -> fleet -> client -> engine-events (the wire contract)
 *                                    \-> events-kafka, the Kafka client
 * </pre>
 *
 * Only {@link EmbeddedDemo}, the launcher of an in-process engine, touches engine-runtime; only the
 * fleet's consumer ({@code monitor.fleet}) touches Kafka.
 */
@AnalyzeClasses(packages = "dev.eventschema.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String MONITOR = "dev.eventschema.monitor";

  /** engine-runtime's packages: the root package and every subpackage but the wire contract's. */
  private static final com.tngtech.archunit.base.DescribedPredicate<JavaClass> ENGINE_RUNTIME =
      resideInAPackage("dev.eventschema.engine").or(resideInAPackage("dev.eventschema.engine..")
          .and(not(resideInAPackage("dev.eventschema.engine.events.."))))
          .as("engine-runtime (dev.eventschema.engine and its packages other than engine.events)");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("dev.eventschema.monitor.(*)..")
      .should().beFreeOfCycles();

  @ArchTest
  static final ArchRule subpackagesDoNotReachBackIntoTheApplication = noClasses()
      .that().resideInAPackage(MONITOR + ".(*)..")
      .should().dependOnClassesThat().resideInAPackage(MONITOR)
      .because("the launcher and Dashboard sit on top: nothing below them may depend on them");

  @ArchTest
  static final ArchRule viewsDoNoIo = noClasses()
      .that().resideInAPackage("..monitor.view..")
      .should().dependOnClassesThat(resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..",
          "java.net..", "com.fasterxml.jackson..")
          .and(not(JavaClass.Predicates.equivalentTo(java.io.Serializable.class))))
      .because("views only build nodes: serialization and files are behind monitor.export.Exports");

  @ArchTest
  static final ArchRule onlyTheEmbeddedDemoTouchesEngineRuntime = noClasses()
      .that(not(JavaClass.Predicates.equivalentTo(EmbeddedDemo.class)))
      .should().dependOnClassesThat(ENGINE_RUNTIME)
      .because("the client, model and views are written against engine-events, the wire contract, alone");

  @ArchTest
  static final ArchRule theModelBuildsNoNodes = noClasses()
      .that().resideInAPackage("..monitor.model..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.animation..",
          "javafx.application..", "..monitor.view..", "..monitor.export..")
      .because("the model is state (javafx.beans and javafx.collections are fine), not nodes");

  @ArchTest
  static final ArchRule theClientNeverTouchesJavaFx = noClasses()
      .that().resideInAPackage("..monitor.client..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..monitor.model..", "..monitor.view..",
          "..monitor.export..")
      .because("the client runs on its own thread and hands messages over through the Inbox only");

  @ArchTest
  static final ArchRule theFleetConsumerNeverTouchesJavaFx = noClasses()
      .that().resideInAPackage("..monitor.fleet..")
      .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..monitor.model..", "..monitor.view..",
          "..monitor.export..")
      .because("the fleet's consumer runs on its own thread and hands messages over through the engines' Inboxes only");

  @ArchTest
  static final ArchRule onlyTheFleetConsumerTouchesKafka = noClasses()
      .that().resideOutsideOfPackage("..monitor.fleet..")
      .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "io.cloudevents..",
          "dev.eventschema.events.kafka..")
      .because("Kafka records become the dashboard's own messages in one place: the fleet's consumer");

  @ArchTest
  static final ArchRule exportBuildsNoNodes = noClasses()
      .that().resideInAPackage("..monitor.export..")
      .should().dependOnClassesThat().resideInAnyPackage("..monitor.view..", "javafx.scene..")
      .because("export serializes and writes; it asks for a file through the stage's dialogs at most");
}
