package dev.eventschema.events.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventschema.SchemaValidator;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CloudEvents {@code dataschema} of each schema: the {@code $id} of the JSON Schema the processor
 * generated beside its validator, plus the validator's version, such as {@code
 * urn:eventschema:tokenGenerated?version=1}. Read from the generated resource once per schema, so
 * that no table of ids is written by hand.
 */
final class DataSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, URI> BY_WIRE_NAME = new ConcurrentHashMap<>();

  private DataSchemas() {}

  static URI of(SchemaValidator<?> validator) {
    return BY_WIRE_NAME.computeIfAbsent(validator.eventName(), name -> read(validator));
  }

  private static URI read(SchemaValidator<?> validator) {
    JsonNode id;
    try {
      id = JSON.readTree(validator.jsonSchema()).get("$id");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the generated JSON Schema of '" + validator.eventName() + "' is not JSON", e);
    }
    if (id == null || !id.isTextual()) {
      throw new IllegalStateException("the generated JSON Schema of '" + validator.eventName() + "' has no $id");
    }
    return URI.create(id.asText() + "?version=" + validator.version());
  }
}
