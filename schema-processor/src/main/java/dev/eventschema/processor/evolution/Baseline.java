package dev.eventschema.processor.evolution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recorded JSON Schema of one schema as of the last release: {@code <wireName>.schema.json} in
 * the baseline directory. It is the exported JSON Schema with two more root keywords, which JSON
 * Schema validators ignore: {@code "version"} (from {@code @EventSchema(version)}, raised whenever the
 * baseline changes) and, if any, {@code "reserved"} (the keys of {@code @Reserved}).
 *
 * @param file where it was read from
 * @param version its version
 * @param reserved the reserved keys
 * @param schema the JSON Schema without {@code version} and {@code reserved}
 */
record Baseline(Path file, int version, List<String> reserved, Map<String, Object> schema) {

  static final String VERSION = "version";
  static final String RESERVED = "reserved";

  /** The file of {@code wireName} in {@code directory}. */
  static Path file(Path directory, String wireName) {
    return directory.resolve(wireName + ".schema.json");
  }

  /** The baseline of {@code wireName}, or empty if it has none (a new schema). */
  static Optional<Baseline> read(Path directory, String wireName) throws IOException {
    Path file = file(directory, wireName);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    Map<String, Object> schema;
    try {
      schema = new LinkedHashMap<>(JsonTree.readObject(text));
    } catch (IOException e) {
      throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
    }
    Object version = schema.remove(VERSION);
    if (!(version instanceof java.math.BigDecimal number) || number.signum() <= 0 || number.stripTrailingZeros().scale() > 0) {
      throw new IOException(file + " has no \"version\" (a positive whole number) at its root, was " + version);
    }
    List<String> reserved = SchemaDiff.list(schema.remove(RESERVED)).stream().map(String::valueOf).toList();
    return Optional.of(new Baseline(file, number.intValueExact(), reserved, schema));
  }

  /** The text of a baseline: {@code jsonSchema} (as the processor renders it) with version and reserved keys. */
  static String text(String jsonSchema, int version, List<String> reserved) {
    if (!jsonSchema.startsWith("{\n")) {
      throw new IllegalArgumentException("not a rendered JSON Schema object: " + jsonSchema);
    }
    StringBuilder header = new StringBuilder("{\n  \"" + VERSION + "\": " + version + ",\n");
    if (!reserved.isEmpty()) {
      header.append("  \"" + RESERVED + "\": [");
      for (int i = 0; i < reserved.size(); i++) {
        header.append(i == 0 ? "" : ", ").append('"').append(escape(reserved.get(i))).append('"');
      }
      header.append("],\n");
    }
    return header + jsonSchema.substring(2);
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static String escape(String key) {
    StringBuilder out = new StringBuilder();
    for (char c : key.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
