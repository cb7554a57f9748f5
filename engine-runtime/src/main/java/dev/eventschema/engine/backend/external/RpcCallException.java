package dev.eventschema.engine.backend.external;

import dev.eventschema.engine.backend.external.protocol.RpcErrorObject;

/**
 * The runtime answered a request with a JSON-RPC error. The backend maps it to an {@link
 * dev.eventschema.engine.error.EngineException} whose code depends on what was asked.
 */
final class RpcCallException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The runtime's code for "no such model". */
  static final int MODEL_NOT_FOUND = -32001;

  private final transient RpcErrorObject error;

  RpcCallException(String method, RpcErrorObject error) {
    super(method + " failed in the runtime: " + error.message() + " (" + error.code() + ")");
    this.error = error;
  }

  RpcErrorObject error() {
    return error;
  }
}
