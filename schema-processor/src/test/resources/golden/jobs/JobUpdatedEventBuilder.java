package com.example.events;

import dev.eventschema.SchemaViolationException;
import dev.eventschema.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Builds a valid, immutable {@link JobUpdatedEvent}:
 * {@code JobUpdatedEventBuilder.builder()...build()}.
 *
 * <p>{@link #build()} checks every rule of the schema and throws a
 * {@link SchemaViolationException} listing all violations; a builder is not thread-safe.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
public final class JobUpdatedEventBuilder {
  private String jobId;

  private JobStatus status;

  private Optional<JobStatus> previousStatus = Optional.empty();

  private Resources resources;

  private final ArrayList<Step> steps = new ArrayList<>();

  private final ArrayList<String> tags = new ArrayList<>();

  private JobUpdatedEventBuilder() {
  }

  /**
   * An empty builder.
   */
  public static JobUpdatedEventBuilder builder() {
    return new JobUpdatedEventBuilder();
  }

  /**
   * A builder holding the fields of {@code value}, to build a changed copy.
   *
   * @throws NullPointerException if a field of a hand-written {@code value} is {@code null}
   */
  public static JobUpdatedEventBuilder from(JobUpdatedEvent value) {
    return builder()
        .jobId(value.jobId())
        .status(value.status())
        .previousStatus(value.previousStatus())
        .resources(value.resources())
        .steps(value.steps())
        .tags(value.tags());
  }

  /**
   * Sets {@link JobUpdatedEvent#jobId()}: not empty.
   */
  public JobUpdatedEventBuilder jobId(String jobId) {
    this.jobId = Objects.requireNonNull(jobId, "jobId");
    return this;
  }

  /**
   * Sets {@link JobUpdatedEvent#status()}.
   */
  public JobUpdatedEventBuilder status(JobStatus status) {
    this.status = Objects.requireNonNull(status, "status");
    return this;
  }

  /**
   * Sets {@link JobUpdatedEvent#previousStatus()}.
   */
  public JobUpdatedEventBuilder previousStatus(JobStatus previousStatus) {
    this.previousStatus = Optional.of(Objects.requireNonNull(previousStatus, "previousStatus"));
    return this;
  }

  /**
   * Sets or clears {@link JobUpdatedEvent#previousStatus()}.
   */
  public JobUpdatedEventBuilder previousStatus(Optional<JobStatus> previousStatus) {
    this.previousStatus = Objects.requireNonNull(previousStatus, "previousStatus");
    return this;
  }

  /**
   * Sets {@link JobUpdatedEvent#resources()}.
   */
  public JobUpdatedEventBuilder resources(Resources resources) {
    this.resources = Objects.requireNonNull(resources, "resources");
    return this;
  }

  /**
   * Replaces the elements of {@link JobUpdatedEvent#steps()}: at most 5 elements.
   */
  public JobUpdatedEventBuilder steps(Iterable<? extends Step> steps) {
    Objects.requireNonNull(steps, "steps");
    this.steps.clear();
    steps.forEach(this.steps::add);
    return this;
  }

  /**
   * Adds an element to {@link JobUpdatedEvent#steps()}.
   */
  public JobUpdatedEventBuilder addSteps(Step element) {
    this.steps.add(element);
    return this;
  }

  /**
   * Replaces the elements of {@link JobUpdatedEvent#tags()}:
   * at most 3 elements;
   * each element matches <code>[a-z]+</code>.
   */
  public JobUpdatedEventBuilder tags(Iterable<? extends String> tags) {
    Objects.requireNonNull(tags, "tags");
    this.tags.clear();
    tags.forEach(this.tags::add);
    return this;
  }

  /**
   * Adds an element to {@link JobUpdatedEvent#tags()}.
   */
  public JobUpdatedEventBuilder addTags(String element) {
    this.tags.add(element);
    return this;
  }

  /**
   * The value, if every rule holds.
   *
   * @throws SchemaViolationException listing every violation
   */
  public JobUpdatedEvent build() {
    List<Violation> violations = null;
    violations = JobUpdatedEventValidator.checkJobId(this.jobId, violations);
    violations = JobUpdatedEventValidator.checkStatus(this.status, violations);
    violations = JobUpdatedEventValidator.checkPreviousStatus(this.previousStatus, violations);
    violations = JobUpdatedEventValidator.checkResources(this.resources, violations);
    violations = JobUpdatedEventValidator.checkSteps(this.steps, violations);
    violations = JobUpdatedEventValidator.checkTags(this.tags, violations);
    if (violations != null) {
      throw new SchemaViolationException(violations);
    }
    return new ImmutableJobUpdatedEvent(this.jobId, this.status, this.previousStatus,
        this.resources, this.steps, this.tags);
  }
}
