package com.example.events;

import dev.eventschema.support.Copies;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import javax.annotation.processing.Generated;

/**
 * The immutable {@link JobUpdatedEvent} that {@link JobUpdatedEventBuilder} builds
 * and {@link JobUpdatedEventValidator} parses.
 */
@Generated("dev.eventschema.processor.EventSchemaProcessor")
final record ImmutableJobUpdatedEvent(String jobId, JobStatus status,
    Optional<JobStatus> previousStatus, Resources resources, List<Step> steps,
    List<String> tags) implements JobUpdatedEvent {
  ImmutableJobUpdatedEvent {
    steps = Copies.list(steps);
    tags = Copies.list(tags);
  }

  @Override
  public String toString() {
    StringJoiner fields = new StringJoiner(", ", "JobUpdatedEvent{", "}");
    fields.add("jobId=" + this.jobId);
    fields.add("status=" + this.status);
    this.previousStatus.ifPresent(present -> fields.add("previousStatus=" + present));
    fields.add("resources=" + this.resources);
    if (!this.steps.isEmpty()) {
      fields.add("steps=" + this.steps);
    }
    if (!this.tags.isEmpty()) {
      fields.add("tags=" + this.tags);
    }
    return fields.toString();
  }
}
