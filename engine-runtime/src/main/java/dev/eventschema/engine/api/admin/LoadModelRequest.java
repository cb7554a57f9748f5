package dev.eventschema.engine.api.admin;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /admin/models}: load {@code path} as {@code id}, with the backend's
 * {@code options} (the n-gram backend reads {@code order}; an external runtime receives them as
 * they are).
 */
@EventSchema("loadModelRequest")
public interface LoadModelRequest {

  /** Also a path segment of {@code DELETE /admin/models/{id}}: no slash, no white space. */
  @Size(max = 256)
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._:@+-]*", message = "must start with a letter or digit and hold only"
      + " letters, digits and . _ : @ + -")
  String id();

  @Size(max = 4096) String path();

  @Size(max = 64) Map<String, Object> options();
}
