package dev.eventschema.processor.evolution;

import dev.eventschema.Compatibility;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The processor options of schema evolution, read once.
 *
 * @param baseline {@code -Aeventschema.baseline=DIR}: the directory of the baseline JSON Schemas;
 *     without it nothing is compared. Give an absolute path (in Maven,
 *     {@code ${project.basedir}/src/main/eventschema}): javac resolves a relative one against the
 *     directory the build was started in.
 * @param compatibility {@code -Aeventschema.compatibility=BACKWARD|FORWARD|FULL|NONE}: the mode of
 *     schemas that declare none; {@code BACKWARD} (Confluent's default) when not set
 * @param record {@code -Aeventschema.recordBaseline=true}: write the baseline instead of checking it
 * @param problems what was wrong with the options, to report as errors
 */
public record EvolutionOptions(Optional<Path> baseline, Compatibility compatibility, boolean record,
    List<String> problems) {

  public static final String BASELINE = "eventschema.baseline";
  public static final String COMPATIBILITY = "eventschema.compatibility";
  public static final String RECORD = "eventschema.recordBaseline";

  /** The options this processor reads, for {@code getSupportedOptions}. */
  public static final Set<String> NAMES = Set.of(BASELINE, COMPATIBILITY, RECORD);

  public static EvolutionOptions of(Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    Optional<Path> baseline = Optional.ofNullable(options.get(BASELINE)).filter(s -> !s.isBlank()).map(Path::of);
    Compatibility compatibility = Compatibility.BACKWARD;
    String mode = options.get(COMPATIBILITY);
    if (mode != null && !mode.isBlank()) {
      try {
        compatibility = Compatibility.valueOf(mode.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        compatibility = null;
      }
      if (compatibility == null || compatibility == Compatibility.DEFAULT) {
        problems.add("-A" + COMPATIBILITY + "=" + mode + " is not a compatibility mode; use BACKWARD, FORWARD, FULL or NONE");
        compatibility = Compatibility.BACKWARD;
      }
    }
    String record = options.getOrDefault(RECORD, "false").trim();
    if (!record.equalsIgnoreCase("true") && !record.equalsIgnoreCase("false") && !record.isEmpty()) {
      problems.add("-A" + RECORD + "=" + record + " must be true or false");
    }
    boolean recording = record.equalsIgnoreCase("true");
    if (recording && baseline.isEmpty()) {
      problems.add("-A" + RECORD + "=true needs -A" + BASELINE + "=DIR, the directory to record the baseline in");
    }
    return new EvolutionOptions(baseline, compatibility, recording, List.copyOf(problems));
  }

  /** The mode of a schema that declared {@code declared}. */
  public Compatibility modeOf(Compatibility declared) {
    return declared == Compatibility.DEFAULT ? compatibility : declared;
  }
}
