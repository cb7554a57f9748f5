package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Size;
import java.util.Map;

/**
 * The {@code error} member of a JSON-RPC response: {@code {"code": -32001, "message": "...",
 * "data": {...}}}. Codes: -32601 unknown method, -32602 invalid params, -32001 model not found,
 * -32099 any other runtime failure.
 */
@EventSchema("runtime.error")
public interface RpcErrorObject {

  int code();

  @Size(max = 8192) String message();

  Map<String, Object> data();
}
