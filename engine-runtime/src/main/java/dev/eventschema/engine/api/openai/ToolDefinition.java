package dev.eventschema.engine.api.openai;

import dev.eventschema.EventSchema;
import java.util.Map;

/** One entry of {@code tools}; read so that an empty list is accepted, refused when not empty. */
@EventSchema("toolDefinition")
public interface ToolDefinition {

  String type();

  Map<String, Object> function();
}
