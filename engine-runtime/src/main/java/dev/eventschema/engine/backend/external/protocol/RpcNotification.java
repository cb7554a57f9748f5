package dev.eventschema.engine.backend.external.protocol;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;
import java.util.Map;

/**
 * A JSON-RPC 2.0 notification from the runtime: {@code {"jsonrpc": "2.0", "method":
 * "stream.chunk", "params": {...}}}. It has no {@code id} (strict: a request from the runtime, which
 * the engine does not serve, is rejected for its {@code id}). The params are checked again by the
 * schema of the method.
 */
@EventSchema("runtime.notification")
public interface RpcNotification {

  @Pattern(regexp = "2\\.0", message = "must be \"2.0\"") String jsonrpc();

  @Size(max = 128) String method();

  Map<String, Object> params();
}
