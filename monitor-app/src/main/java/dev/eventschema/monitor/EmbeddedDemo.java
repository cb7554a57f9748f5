package dev.eventschema.monitor;

import dev.eventschema.engine.EmbeddedEngine;
import java.net.URI;

/** An engine started inside the dashboard's process, running the demo workload. */
public final class EmbeddedDemo implements AutoCloseable {

  private final EmbeddedEngine engine;

  private EmbeddedDemo(EmbeddedEngine engine) {
    this.engine = engine;
  }

  /** Starts the engine, its stream server on a free loopback port, and the demo workload. Blocks. */
  public static EmbeddedDemo start(double faultRate) {
    return new EmbeddedDemo(EmbeddedEngine.startDemo(faultRate));
  }

  public URI baseUri() {
    return engine.baseUri();
  }

  @Override
  public void close() {
    engine.close();
  }
}
