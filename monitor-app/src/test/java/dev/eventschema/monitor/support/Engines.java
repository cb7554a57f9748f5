package dev.eventschema.monitor.support;

import dev.eventschema.engine.EmbeddedEngine;

/** Real engines for the tests: the engine-runtime's embedded engine with its demo workload. */
public final class Engines {

  private Engines() {}

  /** A demo engine streaming on {@code port} (0: a free one). */
  public static EmbeddedEngine demo(int port, double faultRate) {
    EmbeddedEngine.Options options = EmbeddedEngine.Options.demo(faultRate);
    return EmbeddedEngine.start(options.withStream(options.stream().withServer(
        options.stream().server().withPort(port))));
  }
}
