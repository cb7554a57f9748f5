package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.PositiveOrZero;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON-RPC 2.0 response from the runtime: {@code {"jsonrpc": "2.0", "id": 7, "result": {...}}} or
 * {@code {"jsonrpc": "2.0", "id": 7, "error": {...}}}. The result's own shape depends on the method
 * of the request it answers, so it is read here as an open object and checked again once the
 * request is known.
 */
@EventSchema("runtime.response")
public interface RpcResponse {

  @Pattern(regexp = "2\\.0", message = "must be \"2.0\"") String jsonrpc();

  /** The id of the request answered: the engine only sends whole numbers from 1. */
  @PositiveOrZero long id();

  Map<String, Object> result();

  Optional<RpcErrorObject> error();
}
