package dev.eventschema.monitor.support;

import dev.eventschema.engine.EmbeddedEngine;
import dev.eventschema.engine.config.DemoSettingsBuilder;
import dev.eventschema.engine.config.EngineConfigBuilder;
import dev.eventschema.engine.config.KafkaSettingsBuilder;
import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import dev.eventschema.monitor.Main;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fleet on one machine, for the screenshot and for trying the fleet overview (test scope, not
 * shipped): a Kafka broker in this JVM (KRaft, Kafka's own test kit), three embedded demo engines
 * whose Kafka sinks publish to one topic, a record now and then that no engine would write, and the
 * dashboard following the topic. docs/fleet-dashboard.md has the command.
 */
public final class FleetDemo {

  private FleetDemo() {}

  public static void main(String[] args) {
    String topic = "engine-events";
    KafkaTestBroker broker = KafkaTestBroker.start();
    broker.createTopic(topic, 6);
    broker.createTopic(topic + ".rejections", 1);
    Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    List<AutoCloseable> running = new CopyOnWriteArrayList<>();
    // the engines start once the dashboard is up (it replays from start, so it misses nothing either way,
    // but what the engines wrote while it started would arrive in one burst)
    Thread engines = new Thread(() -> {
      try {
        Thread.sleep(20_000); // a demo, not a test: time for the dashboard to start on a busy machine
      } catch (InterruptedException e) {
        return;
      }
      running.add(engine(broker, topic, "harbor-east", 0.02));
      running.add(engine(broker, topic, "harbor-west", 0.06));
      running.add(engine(broker, topic, "lighthouse", 0.0));
      FleetProducer stranger = new FleetProducer(broker.bootstrapServers(), topic);
      running.add(stranger);
      publishStrangeRecords(stranger);
    }, "fleet-demo-engines");
    engines.setDaemon(true);
    engines.start();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (AutoCloseable c : running) {
        try {
          c.close();
        } catch (Exception ignored) {
          // going away
        }
      }
      broker.close();
    }));
    Main.main(new String[] {"--kafka", broker.bootstrapServers(), "--topic", topic, "--from", start.toString()});
    System.exit(0); // the window was closed: stop the engines and the broker (the shutdown hook)
  }

  private static EmbeddedEngine engine(KafkaTestBroker broker, String topic, String id, double faultRate) {
    return EmbeddedEngine.startDemo(EngineConfigBuilder.from(EmbeddedEngine.freePortsConfig())
        .id(id)
        .kafka(KafkaSettingsBuilder.builder().bootstrap(broker.bootstrapServers()).topic(topic).build())
        .demo(DemoSettingsBuilder.builder().faultRate(faultRate).build())
        .build());
  }

  /** A record of "lighthouse" that breaks its schema every few seconds: a consumer rejection. */
  private static void publishStrangeRecords(FleetProducer producer) {
    for (int n = 1; ; n++) {
      producer.invalidEvent("lighthouse", "generationCompleted", "strange-" + n,
          Map.of("model", "harbor-trigram", "tokensGenerated", 5, "durationMs", 12.5),
          Map.of("model", "harbor-trigram", "tokensGenerated", -5, "durationMs", 12.5));
      try {
        Thread.sleep(7_000); // a demo, not a test: one strange record every 7 seconds
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
