package dev.eventschema.processor.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.eventschema.Compatibility;
import dev.eventschema.SchemaValidator;
import dev.eventschema.processor.GeneratedCodeAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every change of {@link SchemaChanges}, compiled under each compatibility mode against a recorded
 * baseline: the check reports exactly the differences that break the mode, as compile errors.
 */
@Timeout(600)
class CompatibilityCheckTest {

  @TempDir
  static Path baseline;

  private static Compilation checked;
  private static GeneratedCodeAccess before;
  private static GeneratedCodeAccess after;
  private static Map<String, List<String>> found;

  /** Three compilations of 300 interfaces each: more than the default 60 s on a busy two-core machine. */
  @BeforeAll
  @Timeout(600)
  static void recordTheBaselineThenCheckTheChanges() {
    Compilation recorded = EvolutionBuild.record(baseline, EvolutionBuild.sources(SchemaChanges.ALL, false));
    assertThat(recorded.status()).as("%s", recorded.diagnostics()).isEqualTo(Compilation.Status.SUCCESS);
    for (int i = 0; i < SchemaChanges.ALL.size(); i++) {
      SchemaChange change = SchemaChanges.ALL.get(i);
      if (!change.baselineEdit().isEmpty()) {
        for (String mode : EvolutionBuild.MODES) {
          EvolutionBuild.replaceInFile(Baseline.file(baseline, EvolutionBuild.wireName(i, mode)),
              change.baselineEdit().get(0), change.baselineEdit().get(1));
        }
      }
    }
    checked = EvolutionBuild.check(baseline, EvolutionBuild.sources(SchemaChanges.ALL, true));
    found = EvolutionBuild.incompatibilities(checked);
    before = GeneratedCodeAccess.of(recorded);
    after = GeneratedCodeAccess.of(GeneratedCodeAccess.compile(List.of(), EvolutionBuild.sources(SchemaChanges.ALL, true)));
  }

  static Stream<Arguments> changes() {
    return IntStream.range(0, SchemaChanges.ALL.size()).mapToObj(i -> Arguments.of(i, SchemaChanges.ALL.get(i)));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("changes")
  void isAnErrorUnderExactlyTheModesItBreaks(int index, SchemaChange change) {
    for (Compatibility mode : List.of(Compatibility.BACKWARD, Compatibility.FORWARD, Compatibility.FULL,
        Compatibility.NONE)) {
      Set<String> expected = change.codes().stream().filter(code -> code.breaks(mode)).map(Enum::name)
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> reported = new TreeSet<>(EvolutionBuild.codesOf(found, EvolutionBuild.wireName(index, mode.name())));

      assertThat(reported).as("%s under %s", change, mode).isEqualTo(expected);
      assertThat(!reported.isEmpty()).as("%s breaks %s", change, mode).isEqualTo(breaksBy(change, mode));
    }
  }

  /** What the catalogue says, independently of the codes' own table. */
  private static boolean breaksBy(SchemaChange change, Compatibility mode) {
    return switch (mode) {
      case BACKWARD -> change.breaks().contains("B");
      case FORWARD -> change.breaks().contains("F");
      case FULL -> !change.breaks().isEmpty();
      default -> false;
    };
  }

  /** The changes whose baseline is what the old source generates (no hand-edited bound). */
  static Stream<Arguments> changesOfSources() {
    return changes().filter(arguments -> ((SchemaChange) arguments.get()[1]).baselineEdit().isEmpty());
  }

  /**
   * The cross-check: when the check calls a change BACKWARD-compatible, every generated payload that
   * the baseline's validator accepts is accepted by the new validator; when it calls it
   * FORWARD-compatible, the converse. Payloads come from a seeded generator aimed at the change.
   */
  @ParameterizedTest(name = "{1}")
  @MethodSource("changesOfSources")
  void whatTheCheckCallsCompatibleHoldsForPayloads(int index, SchemaChange change) throws IOException {
    String backward = EvolutionBuild.wireName(index, "BACKWARD");
    if (EvolutionBuild.codesOf(found, backward).isEmpty()) {
      assertAcceptedByBoth(backward, EvolutionBuild.typeName(index, "BACKWARD"), before, after, index, true);
    }
    String forward = EvolutionBuild.wireName(index, "FORWARD");
    if (EvolutionBuild.codesOf(found, forward).isEmpty()) {
      assertAcceptedByBoth(forward, EvolutionBuild.typeName(index, "FORWARD"), after, before, index, false);
    }
  }

  /** Payloads drawn from {@code from}'s schema and valid under it are valid under {@code to}'s. */
  private static void assertAcceptedByBoth(String wireName, String type, GeneratedCodeAccess from,
      GeneratedCodeAccess to, long seed, boolean fromBaseline) throws IOException {
    Map<String, Object> oldSchema = Baseline.read(baseline, wireName).orElseThrow().schema();
    Map<String, Object> newSchema = JsonTree.readObject(after.resource("META-INF/eventschema/" + wireName + ".schema.json"));
    PayloadGenerator generator = fromBaseline ? new PayloadGenerator(seed, oldSchema, newSchema)
        : new PayloadGenerator(seed, newSchema, oldSchema);
    SchemaValidator<Object> source = from.validator(type);
    SchemaValidator<Object> target = to.validator(type);
    int valid = 0;
    for (int i = 0; i < PAYLOADS; i++) {
      Map<String, Object> payload = generator.payload();
      if (source.parse(payload).isValid()) {
        valid++;
        assertThat(target.parse(payload).violations()).as("%s: %s is valid under the %s schema", wireName, payload,
            fromBaseline ? "old" : "new").isEmpty();
      }
    }
    assertThat(valid).as("valid payloads drawn for %s", wireName).isGreaterThan(PAYLOADS / 20);
  }

  private static final int PAYLOADS = 400;

  @Test
  void theCatalogueCoversEveryDifferenceCodeAndMoreThanThirtyChanges() {
    Set<DifferenceCode> covered = EnumSet.noneOf(DifferenceCode.class);
    SchemaChanges.ALL.forEach(change -> covered.addAll(change.codes()));
    covered.addAll(SchemaDiffTest.DOCUMENT_CASES.keySet()); // unreachable from today's sources

    assertThat(covered).containsExactlyInAnyOrder(DifferenceCode.values());
    assertThat(SchemaChanges.ALL).hasSizeGreaterThan(30);
  }

  @Test
  void reportsNothingButIncompatibilities() {
    assertThat(checked.errors()).extracting(e -> e.getMessage(Locale.ROOT))
        .allSatisfy(message -> assertThat(message).startsWith("[eventschema:schema-incompatible] "));
  }
}
