package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import dev.eventschema.constraints.Pattern;
import dev.eventschema.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * Everything an engine is started with: the JSON config file of {@code engine-runtime serve --config
 * FILE} with the command line's flags merged in, validated once, as a whole, by the generated
 * {@code EngineConfigValidator} (an unknown key is an error with a did-you-mean suggestion). Every
 * section is optional; the {@code ...OrDefaults()} methods give an absent section as an empty one,
 * whose own {@code ...OrDefault()} methods then apply the defaults.
 *
 * <pre>{@code
 * {
 *   "telemetry": {"enabled": true, "serviceName": "engine", "prometheusPort": 9464, "exportIntervalMs": 1000},
 *   "stream": {"host": "127.0.0.1", "port": 8765, "historySize": 10000, "clientQueue": 4096},
 *   "engine": {"maxConcurrent": 4, "maxWaiting": 64},
 *   "models": [{"id": "harbor-trigram", "path": "classpath:eventschema/default-corpus.txt", "order": 3}],
 *   "demo": {"faultRate": 0.05, "concurrency": 3, "tokensPerSecond": 25},
 *   "api": {"enabled": true, "adminEnabled": true},
 *   "otlp": {"endpoint": "http://127.0.0.1:4318", "intervalMs": 10000},
 *   "id": "engine-a",
 *   "kafka": {"bootstrap": "127.0.0.1:9092", "topic": "engine-events"}
 * }
 * }</pre>
 *
 * In Java: {@code EngineConfigBuilder.builder().stream(StreamSettingsBuilder.builder().port(0).build()).build()}.
 */
@EventSchema(value = "engineConfig", version = 3)
public interface EngineConfig {

  /**
   * This engine's id, which names it where several engines meet (the {@code source} of its
   * CloudEvents on Kafka); absent: {@link #idOrDefault()}.
   */
  @Size(min = 1, max = 128)
  @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._~-]*",
      message = "must be letters, digits, '.', '_', '~' and '-', starting with a letter or digit")
  Optional<String> id();

  /** Absent: telemetry enabled with its defaults. */
  Optional<TelemetryConfig> telemetry();

  Optional<StreamSettings> stream();

  Optional<EngineSettings> engine();

  /** Models to load at start, in order (the demo runs on the first); the embedded corpus when empty. */
  @Size(max = 64) List<ModelSpec> models();

  /** Read by the {@code demo} command only. */
  Optional<DemoSettings> demo();

  /** Absent: the OpenAI-compatible API and the model administration are served. */
  Optional<ApiSettings> api();

  /** Absent: nothing is pushed over OTLP (the Prometheus scrape stays the default). */
  Optional<OtlpSettings> otlp();

  /** Absent: no Kafka sink; the engine needs no broker. */
  Optional<KafkaSettings> kafka();

  /**
   * The configured id, else this machine's host name cut to the id's rules (such as {@code
   * build-7}), else {@code engine}: engines on one machine that share a topic need ids of their own.
   */
  default String idOrDefault() {
    return id().orElseGet(EngineIds::hostName);
  }

  default TelemetryConfig telemetryOrDefaults() {
    return telemetry().orElseGet(() -> TelemetryConfigBuilder.builder().enabled(true).build());
  }

  default StreamSettings streamOrDefaults() {
    return stream().orElseGet(() -> StreamSettingsBuilder.builder().build());
  }

  default EngineSettings engineOrDefaults() {
    return engine().orElseGet(() -> EngineSettingsBuilder.builder().build());
  }

  default ApiSettings apiOrDefaults() {
    return api().orElseGet(() -> ApiSettingsBuilder.builder().build());
  }

  default DemoSettings demoOrDefaults() {
    return demo().orElseGet(() -> DemoSettingsBuilder.builder().build());
  }
}
