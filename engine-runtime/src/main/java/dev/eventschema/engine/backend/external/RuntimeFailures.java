package dev.eventschema.engine.backend.external;

import dev.eventschema.engine.backend.Deadlines;
import dev.eventschema.engine.error.EngineException;
import dev.eventschema.engine.events.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** The engine exceptions of the external backend, made in one place so that codes stay consistent. */
final class RuntimeFailures {

  private RuntimeFailures() {}

  /**
   * The engine's view of a failure: an engine exception passes as it is; a JSON-RPC error becomes
   * {@code MODEL_NOT_FOUND} for the runtime's "no such model" code and {@code fallback} otherwise;
   * anything else becomes {@code fallback}.
   */
  static EngineException toEngineException(Throwable failure, ErrorCode fallback, String modelId) {
    Throwable cause = Deadlines.unwrap(failure);
    if (cause instanceof EngineException engine) {
      return engine;
    }
    if (cause instanceof RpcCallException rpc) {
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("model", modelId);
      details.put("rpcCode", rpc.error().code());
      if (!rpc.error().data().isEmpty()) {
        details.put("rpcData", rpc.error().data());
      }
      ErrorCode code = rpc.error().code() == RpcCallException.MODEL_NOT_FOUND ? ErrorCode.MODEL_NOT_FOUND : fallback;
      return new EngineException(code, rpc.getMessage(), details, rpc);
    }
    return new EngineException(fallback, String.valueOf(cause.getMessage()), Map.of("model", modelId), cause);
  }

  static EngineException notLoaded(String modelId) {
    return new EngineException(ErrorCode.MODEL_NOT_FOUND, "model '" + modelId + "' is not loaded in the runtime",
        Map.of("model", modelId));
  }

  static EngineException closed() {
    return new EngineException(ErrorCode.RUNTIME_ERROR, "the external runtime backend is closed");
  }
}
