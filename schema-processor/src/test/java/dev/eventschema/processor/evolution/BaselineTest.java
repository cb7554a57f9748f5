package dev.eventschema.processor.evolution;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Recording baselines, the errors' positions and wording, @Reserved and bad options. */
@Timeout(120)
class BaselineTest {

  @TempDir
  Path baseline;

  private static JavaFileObject event(String body, int version) {
    return EvolutionBuild.source("ModelLoadedEvent", "modelLoaded", "DEFAULT", body, version);
  }

  @Test
  void recordChangeErrorBumpRecordAndNoError() throws IOException {
    Compilation first = EvolutionBuild.record(baseline, List.of(event("String model(); String modelPath();", 1)));
    assertThat(first).succeededWithoutWarnings();
    Path file = Baseline.file(baseline, "modelLoaded");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("{\n  \"version\": 1,\n");

    JavaFileObject renamed = event("String model(); String modelUri();", 1);
    Compilation changed = EvolutionBuild.check(baseline, List.of(renamed));
    assertThat(changed).hadErrorContaining("[eventschema:schema-incompatible] PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL");
    assertThat(changed).hadErrorContaining("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL")
        .inFile(renamed).onLineContaining("String modelUri()");

    Compilation sameVersion = EvolutionBuild.record(baseline, List.of(renamed));
    assertThat(sameVersion).hadErrorContaining("[eventschema:baseline-version-not-increased] refusing to overwrite "
        + "the baseline " + file + " (version 1) with a changed schema at version 1");
    assertThat(sameVersion).hadErrorContaining("@EventSchema(version = 2) on ModelLoadedEvent");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("modelPath").doesNotContain("modelUri");

    JavaFileObject bumped = event("String model(); String modelUri();", 2);
    assertThat(EvolutionBuild.record(baseline, List.of(bumped))).succeededWithoutWarnings();
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("{\n  \"version\": 2,\n").contains("modelUri");
    assertThat(EvolutionBuild.check(baseline, List.of(bumped))).succeededWithoutWarnings();
  }

  @Test
  void recordingTheSameSchemaAtTheSameVersionChangesNothingAndALowerVersionIsRefused() throws IOException {
    assertThat(EvolutionBuild.record(baseline, List.of(event("String model();", 3)))).succeeded();
    Path file = Baseline.file(baseline, "modelLoaded");
    String recorded = Files.readString(file, StandardCharsets.UTF_8);

    assertThat(EvolutionBuild.record(baseline, List.of(event("String model();", 3)))).succeededWithoutWarnings();
    assertThat(EvolutionBuild.record(baseline, List.of(event("String model();", 2))))
        .hadErrorContaining("with the same schema at version 2");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(recorded);
  }

  @Test
  void aRemovedFieldIsReportedOnTheInterfaceWithTheOldAndNewRuleAndWhatToDo() {
    EvolutionBuild.record(baseline, List.of(event("String model(); OptionalLong parameters();", 1)));
    JavaFileObject removed = event("String model();", 1);

    Compilation compilation = EvolutionBuild.check(baseline, List.of(removed));

    assertThat(compilation).hadErrorContaining("[eventschema:schema-incompatible] PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL "
        + "breaks BACKWARD compatibility of 'modelLoaded' with its baseline version 1 at /parameters: "
        + "was optional key 'parameters', now absent. Payloads written against the baseline still carry the key")
        .inFile(removed).onLineContaining("public interface ModelLoadedEvent");
    assertThat(compilation).hadErrorContaining("deprecate the field first (@Deprecated, optional, no longer written), "
        + "and when it is removed, reserve its key with @Reserved");
  }

  @Test
  void anOptionalFieldAddedUnderForwardExplainsTheClosedContentModel() {
    JavaFileObject before = EvolutionBuild.source("TokenEvent", "token", "FORWARD", "String model();", 1);
    EvolutionBuild.record(baseline, List.of(before));
    JavaFileObject after = EvolutionBuild.source("TokenEvent", "token", "FORWARD", "String model(); OptionalDouble logprob();", 1);

    Compilation compilation = EvolutionBuild.check(baseline, List.of(after));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL breaks FORWARD "
        + "compatibility of 'token' with its baseline version 1 at /logprob: was absent, now optional key 'logprob'. "
        + "The schema is strict (a closed content model, additionalProperties: false), so readers built against the "
        + "baseline reject the new key: under FORWARD or FULL even an optional field breaks them")
        .inFile(after).onLineContaining("OptionalDouble logprob()");
  }

  @Test
  void aChangeInANestedSchemaIsReportedOnceOnTheNestedAccessor() {
    String nested = "@EventSchema(\"$.resources\") interface Resources { @Size(max = %d) String host(); }\n"
        + "Resources resources(); Optional<Resources> spare();";
    EvolutionBuild.record(baseline, List.of(event(nested.formatted(64), 1)));
    JavaFileObject after = event(nested.formatted(32), 1);

    Compilation compilation = EvolutionBuild.check(baseline, List.of(after));

    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("MAX_LENGTH_DECREASED breaks BACKWARD compatibility of")
        .inFile(after).onLineContaining("String host()");
    assertThat(compilation).hadErrorContaining("was \"maxLength\": 64, now \"maxLength\": 32");
  }

  @Test
  void aRenamedUnionMemberIsARemovedAndAnAddedMember() {
    String union = "sealed interface Media permits Media.Image, Media.%1$s {\n"
        + "  @EventSchema(\"$.image\") non-sealed interface Image extends Media { String url(); }\n"
        + "  @EventSchema(\"$.%2$s\") non-sealed interface %1$s extends Media { long seconds(); }\n"
        + "}\nMedia media();";
    EvolutionBuild.record(baseline, List.of(event(union.formatted("Audio", "audio"), 1)));
    JavaFileObject after = event(union.formatted("Sound", "sound"), 1);

    Compilation compilation = EvolutionBuild.check(baseline, List.of(after), "-Aeventschema.compatibility=FULL");

    assertThat(compilation).hadErrorContaining("UNION_MEMBER_REMOVED (Confluent: SUM_TYPE_NARROWED) breaks FULL "
        + "compatibility of 'modelLoaded' with its baseline version 1 at /media(modelLoaded.audio)")
        .inFile(after).onLineContaining("Media media()");
    assertThat(compilation).hadErrorContaining("A renamed member is a removed one plus an added one: keep the old "
        + "wire name with @EventSchema(\"old\")");
    assertThat(compilation).hadErrorContaining("UNION_MEMBER_ADDED (Confluent: SUM_TYPE_EXTENDED) breaks FULL");
  }

  @Test
  void aReservedKeyCannotBeAField() {
    JavaFileObject source = event("reserved:modelPath|String model(); String modelPath();", 1);

    Compilation compilation = EvolutionBuild.check(baseline, List.of(source));

    assertThat(compilation).hadErrorContaining("[eventschema:reserved-key] key 'modelPath' is reserved with @Reserved "
        + "on ModelLoadedEvent").inFile(source).onLineContaining("String modelPath()");
  }

  @Test
  void aReservedKeyIsRecordedAndMustStayReserved() throws IOException {
    EvolutionBuild.record(baseline, List.of(event("reserved:modelPath|String model();", 1)));
    assertThat(Files.readString(Baseline.file(baseline, "modelLoaded"), StandardCharsets.UTF_8))
        .contains("\"reserved\": [\"modelPath\"],");

    Compilation compilation = EvolutionBuild.check(baseline, List.of(event("String model();", 1)));

    assertThat(compilation).hadErrorContaining("RESERVED_PROPERTY_REMOVED breaks BACKWARD compatibility of "
        + "'modelLoaded' with its baseline version 1 at /modelPath: was @Reserved(\"modelPath\"), now not reserved");
  }

  @Test
  void aMalformedBaselineIsAnErrorNamingTheFileAndPosition() throws IOException {
    Files.writeString(Baseline.file(baseline, "modelLoaded"), "{\"version\": 1, \"type\": ");

    Compilation compilation = EvolutionBuild.check(baseline, List.of(event("String model();", 1)));

    assertThat(compilation).hadErrorContaining("[eventschema:baseline-unreadable] the baseline of 'modelLoaded' could "
        + "not be read or written, so it was not checked: " + Baseline.file(baseline, "modelLoaded") + " is not valid JSON");
  }

  @Test
  void aBaselineWithoutAVersionIsAnError() throws IOException {
    Files.writeString(Baseline.file(baseline, "modelLoaded"), "{\"type\": \"object\", \"properties\": {}}");

    assertThat(EvolutionBuild.check(baseline, List.of(event("String model();", 1))))
        .hadErrorContaining("has no \"version\" (a positive whole number) at its root, was null");
  }

  @Test
  void badOptionsAreErrors() {
    Compilation compilation = EvolutionBuild.check(baseline, List.of(event("String model();", 1)),
        "-Aeventschema.compatibility=SIDEWAYS");
    assertThat(compilation).hadErrorContaining("[eventschema:invalid-option] -Aeventschema.compatibility=SIDEWAYS is "
        + "not a compatibility mode; use BACKWARD, FORWARD, FULL or NONE");

    Compilation recordWithoutBaseline = dev.eventschema.processor.GeneratedCodeAccess.compile(
        List.of("-Aeventschema.recordBaseline=true"), List.of(event("String model();", 1)));
    assertThat(recordWithoutBaseline).hadErrorContaining("-Aeventschema.recordBaseline=true needs -Aeventschema.baseline=DIR");
  }

  @Test
  void theProjectDefaultModeAppliesToSchemasThatDeclareNone() {
    EvolutionBuild.record(baseline, List.of(event("String model();", 1)));
    JavaFileObject added = event("String model(); OptionalLong parameters();", 1);

    assertThat(EvolutionBuild.check(baseline, List.of(added))).succeeded();
    assertThat(EvolutionBuild.check(baseline, List.of(added), "-Aeventschema.compatibility=forward"))
        .hadErrorContaining("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL breaks FORWARD");
    assertThat(EvolutionBuild.check(baseline, List.of(event("long model();", 1)), "-Aeventschema.compatibility=NONE"))
        .succeeded();
  }

  @Test
  void withoutABaselineDirectoryNothingIsCompared() {
    Compilation compilation = dev.eventschema.processor.GeneratedCodeAccess.compile(List.of(),
        List.of(event("String model();", 1)));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.errors()).extracting(e -> e.getMessage(Locale.ROOT)).isEmpty();
  }
}
