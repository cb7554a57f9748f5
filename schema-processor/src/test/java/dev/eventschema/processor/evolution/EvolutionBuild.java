package dev.eventschema.processor.evolution;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.eventschema.processor.GeneratedCodeAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;

/**
 * Compiles the {@link SchemaChanges} with the processor: each change as four interfaces, one per
 * compatibility mode, all in one compilation, so that the whole catalogue takes three compilations
 * (record the baseline, check the changed sources, and compile the changed sources unchecked for
 * their validators).
 */
final class EvolutionBuild {

  static final String PACKAGE = GeneratedCodeAccess.PACKAGE;
  static final List<String> MODES = List.of("BACKWARD", "FORWARD", "FULL", "NONE");

  /** {@code [eventschema:schema-incompatible] CODE ... breaks MODE compatibility of 'wire' ...}. */
  private static final Pattern INCOMPATIBLE = Pattern.compile(
      "\\[eventschema:schema-incompatible] ([A-Z_]+) .*?breaks [A-Z]+ compatibility of '([^']+)'", Pattern.DOTALL);

  private EvolutionBuild() {}

  /** The wire name of change {@code index} under {@code mode}: {@code c7.forward}. */
  static String wireName(int index, String mode) {
    return "c" + index + "." + mode.toLowerCase(Locale.ROOT);
  }

  static String typeName(int index, String mode) {
    return "C" + index + mode.charAt(0) + mode.substring(1).toLowerCase(Locale.ROOT);
  }

  /** The sources of every change, before or after. */
  static List<JavaFileObject> sources(List<SchemaChange> changes, boolean after) {
    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      for (String mode : MODES) {
        String body = after ? changes.get(i).after() : changes.get(i).before();
        sources.add(source(typeName(i, mode), wireName(i, mode), mode, body, 1));
      }
    }
    return sources;
  }

  /** One schema interface; see {@link SchemaChange} for the body's conventions. */
  static JavaFileObject source(String typeName, String wireName, String mode, String body, int version) {
    String annotations = "";
    boolean open = false;
    if (body.startsWith("open:")) {
      open = true;
      body = body.substring("open:".length());
    }
    if (body.startsWith("reserved:")) {
      annotations = "@Reserved({\"" + body.substring("reserved:".length(), body.indexOf('|')) + "\"})\n";
      body = body.substring(body.indexOf('|') + 1);
    }
    String text = "package " + PACKAGE + ";\n\n"
        + "import dev.eventschema.*;\n"
        + "import dev.eventschema.constraints.*;\n"
        + "import java.util.*;\n\n"
        + annotations
        + "@EventSchema(value = \"" + wireName + "\", compatibility = Compatibility." + mode
        + (open ? ", strict = false" : "") + (version == 1 ? "" : ", version = " + version) + ")\n"
        + "public interface " + typeName + " {\n"
        + body.replace("@EventSchema(\"$", "@EventSchema(compatibility = Compatibility." + mode + ", value = \"$")
            .replace("$", wireName) + "\n}\n";
    return JavaFileObjects.forSourceString(PACKAGE + "." + typeName, text);
  }

  static Compilation record(Path baseline, List<JavaFileObject> sources) {
    return GeneratedCodeAccess.compile(List.of("-Aeventschema.baseline=" + baseline, "-Aeventschema.recordBaseline=true"),
        sources);
  }

  static Compilation check(Path baseline, List<JavaFileObject> sources, String... options) {
    List<String> all = new ArrayList<>(List.of("-Aeventschema.baseline=" + baseline, "-Xmaxerrs", "100000"));
    all.addAll(List.of(options));
    return GeneratedCodeAccess.compile(all, sources);
  }

  /**
   * The difference codes of the incompatibility errors, by the wire name of the schema checked
   * (nested schemas and union members, checked on their own too, under their wire names).
   */
  static Map<String, List<String>> incompatibilities(Compilation compilation) {
    Map<String, List<String>> codes = new LinkedHashMap<>();
    compilation.errors().forEach(error -> {
      Matcher matcher = INCOMPATIBLE.matcher(error.getMessage(Locale.ROOT));
      if (matcher.find()) {
        codes.computeIfAbsent(matcher.group(2), k -> new ArrayList<>()).add(matcher.group(1));
      }
    });
    return codes;
  }

  /** The codes reported for the schema {@code wireName} and the schemas nested in it. */
  static List<String> codesOf(Map<String, List<String>> incompatibilities, String wireName) {
    List<String> codes = new ArrayList<>();
    incompatibilities.forEach((wire, found) -> {
      if (wire.equals(wireName) || wire.startsWith(wireName + ".")) {
        codes.addAll(found);
      }
    });
    return codes;
  }

  static void replaceInFile(Path file, String from, String to) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (!text.contains(from)) {
        throw new AssertionError(file + " does not contain " + from + ":\n" + text);
      }
      Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
