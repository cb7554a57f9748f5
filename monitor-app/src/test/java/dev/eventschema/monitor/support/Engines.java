package dev.eventschema.monitor.support;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.DemoSettingsBuilder;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.StreamSettingsBuilder;

/** Real engines for the tests: the engine-runtime's embedded engine with its demo workload. */
public final class Engines {

  private Engines() {}

  /** A demo engine streaming on {@code port} (0: a free one). */
  public static EmbeddedEngine demo(int port, double faultRate) {
    return EmbeddedEngine.startDemo(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .stream(StreamSettingsBuilder.builder().port(port).build())
        .demo(DemoSettingsBuilder.builder().faultRate(faultRate).build())
        .build());
  }
}
