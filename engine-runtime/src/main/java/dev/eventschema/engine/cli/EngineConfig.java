package dev.eventschema.engine.cli;

import dev.eventschema.EventSchema;
import dev.eventschema.engine.telemetry.TelemetryConfig;
import java.util.List;
import java.util.Optional;

/**
 * The JSON config file of {@code engine-runtime serve --config FILE}: every section optional, every
 * key checked strictly by the generated validators (an unknown key is an error with a did-you-mean
 * suggestion), the {@code telemetry} section by {@link TelemetryConfig}'s own. Flags override it.
 *
 * <pre>{@code
 * {
 *   "telemetry": {"enabled": true, "serviceName": "engine", "prometheusPort": 9464, "exportIntervalMs": 1000},
 *   "stream": {"host": "127.0.0.1", "port": 8765, "historySize": 10000, "clientQueue": 4096},
 *   "engine": {"maxConcurrent": 4, "maxWaiting": 64},
 *   "models": [{"id": "harbor-trigram", "path": "classpath:eventschema/default-corpus.txt", "order": 3}],
 *   "demo": {"faultRate": 0.05, "concurrency": 3, "tokensPerSecond": 25}
 * }
 * }</pre>
 */
@EventSchema("engineConfig")
public interface EngineConfig {

  Optional<TelemetryConfig> telemetry();

  Optional<StreamSettings> stream();

  Optional<EngineSettings> engine();

  /** Models to load at start; the embedded corpus when empty. */
  List<ModelSpec> models();

  Optional<DemoSettings> demo();
}
