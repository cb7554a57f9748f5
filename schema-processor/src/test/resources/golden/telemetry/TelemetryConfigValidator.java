package com.example.events;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.support.CodePoints;
import dev.eventschema.support.Pointer;
import dev.eventschema.support.SchemaResources;
import dev.eventschema.support.StringPattern;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import dev.eventschema.support.WireWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Strict validator of {@link TelemetryConfig}, generated from its {@code @EventSchema} declaration.
 *
 * <p>Stateless and thread-safe: use {@link #INSTANCE}.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class TelemetryConfigValidator implements SchemaValidator<TelemetryConfig> {
  public static final TelemetryConfigValidator INSTANCE = new TelemetryConfigValidator();

  private static final Set<String> WIRE_KEYS = Set.of("enabled", "serviceName", "prometheusPort",
      "exportIntervalMs", "labels");

  private static final StringPattern SERVICE_NAME_PATTERN = StringPattern.compile("[A-Za-z0-9_-]+");

  private static final StringPattern LABELS_KEY_PATTERN = StringPattern.compile("(?!__)[a-zA-Z_][a-zA-Z0-9_]*");

  private TelemetryConfigValidator() {
  }

  @Override
  public String eventName() {
    return "telemetryConfig";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Class<TelemetryConfig> type() {
    return TelemetryConfig.class;
  }

  @Override
  public List<Violation> validate(TelemetryConfig value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof ImmutableTelemetryConfig) {
      // Built by TelemetryConfigBuilder or parse(), which checked every rule; immutable, so still valid.
      return List.of();
    }
    List<Violation> violations = null;
    violations = checkServiceName(value.serviceName(), violations);
    violations = checkPrometheusPort(value.prometheusPort(), violations);
    violations = checkExportIntervalMs(value.exportIntervalMs(), violations);
    violations = checkLabels(value.labels(), violations);
    return Violations.toList(violations);
  }

  @Override
  public ParseResult<TelemetryConfig> parse(Map<String, ?> payload) {
    WireReader in = WireReader.strict(payload, WIRE_KEYS);
    Boolean enabled = in.required("enabled", WireType.BOOLEAN);
    Optional<String> serviceName = in.optional("serviceName", WireType.STRING);
    if (serviceName != null) {
      in.update(checkServiceName(serviceName, in.violations()));
    }
    OptionalInt prometheusPort = in.optionalInt("prometheusPort");
    if (prometheusPort != null) {
      in.update(checkPrometheusPort(prometheusPort, in.violations()));
    }
    OptionalLong exportIntervalMs = in.optionalLong("exportIntervalMs");
    if (exportIntervalMs != null) {
      in.update(checkExportIntervalMs(exportIntervalMs, in.violations()));
    }
    Map<String, String> labels = in.map("labels", WireType.STRING);
    if (labels != null) {
      in.update(checkLabels(labels, in.violations()));
    }
    List<Violation> violations = in.violations();
    if (violations != null) {
      return new ParseResult.Invalid<>(violations);
    }
    return new ParseResult.Valid<>(new ImmutableTelemetryConfig(enabled, serviceName,
        prometheusPort, exportIntervalMs, labels));
  }

  @Override
  public Map<String, Object> toMap(TelemetryConfig value) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("enabled", value.enabled());
    WireWriter.putOptional(wire, "serviceName", value.serviceName());
    WireWriter.putOptional(wire, "prometheusPort", value.prometheusPort());
    WireWriter.putOptional(wire, "exportIntervalMs", value.exportIntervalMs());
    WireWriter.putNonEmpty(wire, "labels", value.labels());
    return Collections.unmodifiableMap(wire);
  }

  @Override
  public String jsonSchema() {
    return SchemaResources.read(TelemetryConfigValidator.class,
        "META-INF/eventschema/telemetryConfig.schema.json");
  }

  static List<Violation> checkServiceName(Optional<String> value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullOptional(violations, "/serviceName");
    }
    if (value.isPresent()) {
      String present = value.get();
      if (CodePoints.outside(present, 1, 100)) {
        violations = Violations.sizeOutOfRange(violations, "/serviceName",
            1, 100, CodePoints.count(present), "characters");
      }
      if (!SERVICE_NAME_PATTERN.matches(present)) {
        violations = Violations.add(violations, "/serviceName", Violation.Code.INVALID_FORMAT,
            "letters, digits, hyphens and underscores only, was " + Violations.describe(present));
      }
    }
    return violations;
  }

  static List<Violation> checkPrometheusPort(OptionalInt value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullOptional(violations, "/prometheusPort");
    }
    if (value.isPresent()) {
      int present = value.getAsInt();
      if (present < 1024 || present > 65535) {
        violations = Violations.outOfRange(violations, "/prometheusPort", present < 1024,
            "must be between 1024 and 65535", present);
      }
    }
    return violations;
  }

  static List<Violation> checkExportIntervalMs(OptionalLong value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullOptional(violations, "/exportIntervalMs");
    }
    if (value.isPresent()) {
      long present = value.getAsLong();
      if (present < 1000 || present > 600000) {
        violations = Violations.outOfRange(violations, "/exportIntervalMs", present < 1000,
            "must be between 1000 and 600000", present);
      }
    }
    return violations;
  }

  static List<Violation> checkLabels(Map<String, String> value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullCollection(violations, "/labels");
    }
    if (value.size() > 16) {
      violations = Violations.sizeOutOfRange(violations, "/labels", 0, 16, value.size(), "entries");
    }
    for (Map.Entry<String, String> entry : value.entrySet()) {
      String key = entry.getKey();
      String item = entry.getValue();
      if (key == null) {
        violations = Violations.add(violations, "/labels", Violation.Code.INVALID_TYPE,
            "keys must not be null");
        continue;
      }
      if (!LABELS_KEY_PATTERN.matches(key)) {
        violations = Violations.add(violations, Pointer.child("/labels", key), Violation.Code.INVALID_FORMAT,
            "must match (?!__)[a-zA-Z_][a-zA-Z0-9_]*, was " + Violations.describe(key));
      }
      if (item == null) {
        violations = Violations.nullElement(violations, Pointer.child("/labels", key));
        continue;
      }
      if (CodePoints.outside(item, 0, 128)) {
        violations = Violations.sizeOutOfRange(violations, Pointer.child("/labels", key),
            0, 128, CodePoints.count(item), "characters");
      }
    }
    return violations;
  }
}
