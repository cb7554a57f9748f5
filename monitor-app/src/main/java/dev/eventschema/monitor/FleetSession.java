package dev.eventschema.monitor;

import dev.eventschema.monitor.fleet.EngineFeed;
import dev.eventschema.monitor.fleet.FleetConsumer;
import dev.eventschema.monitor.fleet.FleetSource;
import dev.eventschema.monitor.fleet.RecordDecoding;
import dev.eventschema.monitor.model.FleetModel;
import dev.eventschema.monitor.view.FleetView;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A fleet followed through Kafka: the consumer on its own thread, the fleet overview's model and
 * view, and the engines it finds, each of which becomes an {@link EngineSession} like an engine
 * attached over SSE.
 */
public final class FleetSession implements AutoCloseable {

  private final FleetConsumer consumer;
  private final FleetModel model;
  private final FleetView view;
  private final Function<EngineFeed, EngineSession> addEngine;

  /**
   * @param open shows the views of the engine with this id
   * @param addEngine gives an engine found in the topic its session (and its chip)
   */
  FleetSession(FleetSource source, RecordDecoding decoding, Consumer<String> open,
      Function<EngineFeed, EngineSession> addEngine) {
    this.consumer = new FleetConsumer(source, decoding);
    this.model = new FleetModel(consumer.status());
    this.view = new FleetView(model, source.where(), open, consumer::reconnectNow);
    this.addEngine = addEngine;
  }

  void start() {
    consumer.start();
  }

  /**
   * Gives the engines found since the last frame their sessions, and brings the overview up to date.
   * FX thread, once per frame, after the engines' own sessions.
   */
  void pulse(boolean onScreen) {
    for (EngineFeed found = consumer.engines().nextFound(); found != null; found = consumer.engines().nextFound()) {
      model.add(addEngine.apply(found).model());
    }
    model.publish(consumer.status(), System.nanoTime(), System.currentTimeMillis());
    if (onScreen) {
      view.refresh();
    }
  }

  /** Forgets an engine closed in the dashboard (its feed is closed with its session). */
  void engineClosed(String engineId) {
    model.remove(engineId);
  }

  public FleetConsumer consumer() {
    return consumer;
  }

  public FleetModel model() {
    return model;
  }

  public FleetView view() {
    return view;
  }

  /** Stops the consumer; its thread closes the Kafka client. */
  @Override
  public void close() {
    consumer.close();
  }
}
