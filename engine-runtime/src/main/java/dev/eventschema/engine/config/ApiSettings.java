package dev.eventschema.engine.config;

import dev.eventschema.EventSchema;
import java.util.Optional;

/**
 * The {@code api} section of {@link EngineConfig}: whether the engine's server also serves the
 * OpenAI-compatible API ({@code /v1/...}) and the model administration ({@code /admin/models}),
 * both behind the stream's Host and token policy. Wire name {@code apiSettings}.
 */
@EventSchema("apiSettings")
public interface ApiSettings {

  /** Serve {@code /v1/models}, {@code /v1/completions} and {@code /v1/chat/completions}; default true. */
  Optional<Boolean> enabled();

  /** Serve {@code /admin/models} (load and unload models); default true. */
  Optional<Boolean> adminEnabled();

  default boolean enabledOrDefault() {
    return enabled().orElse(true);
  }

  default boolean adminEnabledOrDefault() {
    return adminEnabled().orElse(true);
  }
}
