package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import java.util.Map;

/** {@code response_format}: only {@code text} is served; the JSON modes are refused by name. */
@EventSchema("responseFormat")
public interface ResponseFormat {

  @Pattern(regexp = "text|json_object|json_schema", message = "must be 'text', 'json_object' or 'json_schema'")
  String type();

  Map<String, Object> json_schema();
}
