package dev.eventschema.engine.cli;

import dev.eventschema.ParseResult;
import dev.eventschema.Violation;
import dev.eventschema.engine.cli.CommandLine.FlagValue;
import dev.eventschema.engine.config.ConfigFile;
import dev.eventschema.engine.config.EngineConfig;
import dev.eventschema.engine.config.EngineConfigValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one configuration path of the command line: the config file's JSON object, with each flag's
 * value written at its {@linkplain Flag#pointer() place}, validated once, as a whole, by the
 * generated {@link EngineConfigValidator}. A violation is reported as the user wrote it: by the flag
 * when a flag set that place, else by the file and the JSON path in it.
 */
final class ConfigAssembler {

  /** Violations printed at most; a bad file may hold hundreds of thousands. */
  static final int MAX_REPORTED = 20;

  private ConfigAssembler() {}

  /**
   * The validated config.
   *
   * @throws InvalidConfigException listing the violations, each named by flag or by file and path
   * @throws dev.eventschema.engine.error.EngineException when the file cannot be read or is not a JSON object
   */
  static EngineConfig assemble(Optional<Path> configFile, List<FlagValue> flags) {
    Map<String, Object> config = configFile.map(ConfigFile::readObject).orElseGet(LinkedHashMap::new);
    Map<String, Flag> setBy = merge(config, flags);
    ParseResult<EngineConfig> result = EngineConfigValidator.INSTANCE.parse(config);
    if (result instanceof ParseResult.Valid<EngineConfig> valid) {
      return valid.value();
    }
    String file = configFile.map(Path::toString).orElse("config");
    List<String> lines = new ArrayList<>();
    for (Violation violation : result.violations()) {
      if (lines.size() == MAX_REPORTED) {
        lines.add("and " + (result.violations().size() - MAX_REPORTED) + " more");
        break;
      }
      lines.add(describe(violation, setBy, file));
    }
    throw new InvalidConfigException(lines);
  }

  /**
   * Writes each flag's value into {@code config} (flags win over the file) and returns which flag set
   * which place. The {@code --model} flags together replace the file's {@code models}; each {@code
   * --otlp-header} adds to (or replaces one entry of) the file's {@code otlp.headers}. A telemetry
   * flag without a {@code telemetry} section in the file makes one that is enabled, as the absent
   * section would have been.
   */
  static Map<String, Flag> merge(Map<String, Object> config, List<FlagValue> flags) {
    boolean fileHasTelemetry = config.containsKey("telemetry");
    Map<String, Flag> setBy = new LinkedHashMap<>();
    List<Object> models = new ArrayList<>();
    for (FlagValue value : flags) {
      if (value.flag().mapEntry()) {
        putEntries(config, value.flag().pointer(), (Map<?, ?>) value.json());
      } else if (value.flag().repeatable()) {
        models.add(value.json());
        put(config, value.flag().pointer(), models);
      } else {
        put(config, value.flag().pointer(), value.json());
      }
      setBy.put(value.flag().pointer(), value.flag());
    }
    if (!fileHasTelemetry && config.get("telemetry") instanceof Map<?, ?> telemetry) {
      @SuppressWarnings("unchecked") // made by put below
      Map<String, Object> created = (Map<String, Object>) telemetry;
      created.putIfAbsent("enabled", true);
    }
    return setBy;
  }

  /** The flag that set {@code violation}'s place, or the file and the JSON path in it. */
  static String describe(Violation violation, Map<String, Flag> setBy, String file) {
    String path = violation.path();
    for (Map.Entry<String, Flag> set : setBy.entrySet()) {
      if (path.equals(set.getKey()) || path.startsWith(set.getKey() + "/")) {
        return set.getValue().flagName() + ": " + violation.message();
      }
    }
    if (violation.code() == Violation.Code.MISSING) {
      // a section a flag started (--kafka-bootstrap) lacks a field another flag sets (--kafka-topic)
      String section = path.substring(0, Math.max(0, path.lastIndexOf('/')));
      for (Map.Entry<String, Flag> set : setBy.entrySet()) {
        if (!section.isEmpty() && set.getKey().startsWith(section + "/")) {
          for (Flag missing : Flag.values()) {
            if (path.equals(missing.pointer())) {
              return missing.flagName() + ": is required with " + set.getValue().flagName();
            }
          }
        }
      }
    }
    return file + ": " + (path.isEmpty() ? "(root)" : path) + " " + violation.message();
  }

  /**
   * Puts {@code value} at {@code pointer} (plain keys, no escapes: the flags' pointers are ours),
   * making the objects on the way. Where the file holds something other than an object on the way,
   * the value is not written: the validator then reports the file's mistake, which the user must fix.
   */
  @SuppressWarnings("unchecked") // JSON objects read by Jackson or made here are Map<String, Object>
  private static void put(Map<String, Object> config, String pointer, Object value) {
    String[] keys = pointer.substring(1).split("/");
    Map<String, Object> object = config;
    for (int i = 0; i < keys.length - 1; i++) {
      Object next = object.computeIfAbsent(keys[i], key -> new LinkedHashMap<String, Object>());
      if (!(next instanceof Map<?, ?>)) {
        return;
      }
      object = (Map<String, Object>) next;
    }
    object.put(keys[keys.length - 1], value);
  }

  /**
   * Puts each entry of {@code entries} into the object at {@code pointer} (made if absent), so that a
   * name with a {@code /} stays one key, which the validator then judges. Where the file holds
   * something other than an object there, nothing is written, as in {@link #put}.
   */
  @SuppressWarnings("unchecked") // JSON objects read by Jackson or made here are Map<String, Object>
  private static void putEntries(Map<String, Object> config, String pointer, Map<?, ?> entries) {
    Object existing = get(config, pointer);
    if (existing == null) {
      put(config, pointer, new LinkedHashMap<String, Object>());
      existing = get(config, pointer);
    }
    if (existing instanceof Map<?, ?> object) {
      entries.forEach((name, value) -> ((Map<String, Object>) object).put((String) name, value));
    }
  }

  /** The value at {@code pointer} (plain keys), or {@code null} when there is none. */
  private static Object get(Map<String, Object> config, String pointer) {
    Object value = config;
    for (String key : pointer.substring(1).split("/")) {
      if (!(value instanceof Map<?, ?> object)) {
        return null;
      }
      value = object.get(key);
    }
    return value;
  }

  /** A config that breaks the schema: one line per violation (at most {@link #MAX_REPORTED}, then a count). */
  static final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> lines;

    InvalidConfigException(List<String> lines) {
      super(String.join("\n", lines));
      this.lines = List.copyOf(lines);
    }

    List<String> lines() {
      return lines;
    }
  }
}
