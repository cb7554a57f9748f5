package com.example.events;

import dev.eventschema.ParseResult;
import dev.eventschema.SchemaValidator;
import dev.eventschema.Violation;
import dev.eventschema.support.SchemaResources;
import dev.eventschema.support.StringPattern;
import dev.eventschema.support.Violations;
import dev.eventschema.support.WireReader;
import dev.eventschema.support.WireType;
import dev.eventschema.support.WireWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * Strict validator of {@link JobUpdatedEvent}, generated from its {@code @EventSchema} declaration.
 *
 * <p>Stateless and thread-safe: use {@link #INSTANCE}.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class JobUpdatedEventValidator implements SchemaValidator<JobUpdatedEvent> {
  public static final JobUpdatedEventValidator INSTANCE = new JobUpdatedEventValidator();

  private static final Set<String> WIRE_KEYS = Set.of("jobId", "status", "previousStatus",
      "resources", "steps", "tags");

  private static final WireType<JobStatus> JOB_STATUS = WireType.enumOf(JobStatus.values());

  private static final StringPattern TAGS_ELEMENT_PATTERN = StringPattern.compile("[a-z]+");

  private JobUpdatedEventValidator() {
  }

  @Override
  public String eventName() {
    return "job.updated";
  }

  @Override
  public int version() {
    return 1;
  }

  @Override
  public Class<JobUpdatedEvent> type() {
    return JobUpdatedEvent.class;
  }

  @Override
  public List<Violation> validate(JobUpdatedEvent value) {
    Objects.requireNonNull(value, "value");
    if (value instanceof ImmutableJobUpdatedEvent) {
      // Built by JobUpdatedEventBuilder or parse(), which checked every rule; immutable, so still valid.
      return List.of();
    }
    List<Violation> violations = null;
    violations = checkJobId(value.jobId(), violations);
    violations = checkStatus(value.status(), violations);
    violations = checkPreviousStatus(value.previousStatus(), violations);
    violations = checkResources(value.resources(), violations);
    violations = checkSteps(value.steps(), violations);
    violations = checkTags(value.tags(), violations);
    return Violations.toList(violations);
  }

  @Override
  public ParseResult<JobUpdatedEvent> parse(Map<String, ?> payload) {
    WireReader in = WireReader.strict(payload, WIRE_KEYS);
    String jobId = in.required("jobId", WireType.STRING);
    if (jobId != null) {
      in.update(checkJobId(jobId, in.violations()));
    }
    JobStatus status = in.required("status", JOB_STATUS);
    Optional<JobStatus> previousStatus = in.optional("previousStatus", JOB_STATUS);
    Resources resources = in.required("resources", WireType.schema(ResourcesValidator.INSTANCE));
    List<Step> steps = in.list("steps", WireType.schema(StepValidator.INSTANCE));
    if (steps != null) {
      in.update(checkSteps(steps, in.violations()));
    }
    List<String> tags = in.list("tags", WireType.STRING);
    if (tags != null) {
      in.update(checkTags(tags, in.violations()));
    }
    List<Violation> violations = in.violations();
    if (violations != null) {
      return new ParseResult.Invalid<>(violations);
    }
    return new ParseResult.Valid<>(new ImmutableJobUpdatedEvent(jobId, status, previousStatus,
        resources, steps, tags));
  }

  @Override
  public Map<String, Object> toMap(JobUpdatedEvent value) {
    Map<String, Object> wire = new LinkedHashMap<>();
    WireWriter.put(wire, "jobId", value.jobId());
    JobStatus status = value.status();
    if (status != null) {
      wire.put("status", status.name().toLowerCase(Locale.ROOT));
    }
    Optional<JobStatus> previousStatus = value.previousStatus();
    if (previousStatus != null && previousStatus.isPresent()) {
      wire.put("previousStatus", previousStatus.get().name().toLowerCase(Locale.ROOT));
    }
    Resources resources = value.resources();
    if (resources != null) {
      wire.put("resources", ResourcesValidator.INSTANCE.toMap(resources));
    }
    List<Step> steps = value.steps();
    if (steps != null && !steps.isEmpty()) {
      wire.put("steps", steps.stream()
          .map(element -> element == null ? null : StepValidator.INSTANCE.toMap(element)).toList());
    }
    WireWriter.putNonEmpty(wire, "tags", value.tags());
    return Collections.unmodifiableMap(wire);
  }

  @Override
  public String jsonSchema() {
    return SchemaResources.read(JobUpdatedEventValidator.class,
        "META-INF/eventschema/job.updated.schema.json");
  }

  static List<Violation> checkJobId(String value, List<Violation> violations) {
    if (value == null) {
      return Violations.missing(violations, "/jobId");
    }
    if (value.isEmpty()) {
      violations = Violations.add(violations, "/jobId", Violation.Code.TOO_SMALL,
          "must not be empty");
    }
    return violations;
  }

  static List<Violation> checkStatus(JobStatus value, List<Violation> violations) {
    if (value == null) {
      return Violations.missing(violations, "/status");
    }
    return violations;
  }

  static List<Violation> checkPreviousStatus(Optional<JobStatus> value,
      List<Violation> violations) {
    if (value == null) {
      return Violations.nullOptional(violations, "/previousStatus");
    }
    return violations;
  }

  static List<Violation> checkResources(Resources value, List<Violation> violations) {
    if (value == null) {
      return Violations.missing(violations, "/resources");
    }
    violations = Violations.addAll(violations, "/resources", ResourcesValidator.INSTANCE.validate(value));
    return violations;
  }

  static List<Violation> checkSteps(List<Step> value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullCollection(violations, "/steps");
    }
    if (value.size() > 5) {
      violations = Violations.sizeOutOfRange(violations, "/steps", 0, 5, value.size(), "elements");
    }
    for (int i = 0; i < value.size(); i++) {
      Step element = value.get(i);
      if (element == null) {
        violations = Violations.nullElement(violations, "/steps/" + i);
        continue;
      }
      List<Violation> nested = StepValidator.INSTANCE.validate(element);
      if (!nested.isEmpty()) {
        violations = Violations.addAll(violations, "/steps/" + i, nested);
      }
    }
    return violations;
  }

  static List<Violation> checkTags(List<String> value, List<Violation> violations) {
    if (value == null) {
      return Violations.nullCollection(violations, "/tags");
    }
    if (value.size() > 3) {
      violations = Violations.sizeOutOfRange(violations, "/tags", 0, 3, value.size(), "elements");
    }
    for (int i = 0; i < value.size(); i++) {
      String element = value.get(i);
      if (element == null) {
        violations = Violations.nullElement(violations, "/tags/" + i);
        continue;
      }
      if (!TAGS_ELEMENT_PATTERN.matches(element)) {
        violations = Violations.add(violations, "/tags/" + i, Violation.Code.INVALID_FORMAT,
            "must match [a-z]+, was " + Violations.describe(element));
      }
    }
    return violations;
  }
}
