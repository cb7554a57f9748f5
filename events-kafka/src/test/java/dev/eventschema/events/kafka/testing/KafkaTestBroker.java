package dev.eventschema.events.kafka.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

/**
 * A real Kafka broker in KRaft mode, started inside the test's JVM by Kafka's own test kit: one node
 * that is both controller and broker, listening on 127.0.0.1. {@link #stop()} takes the broker down
 * and {@link #restart()} brings it back on the same port with its data, as a broker restart would.
 *
 * <p>Starting a broker takes seconds, so test classes share one: {@link #shared()} starts it on first
 * use and stops it when the JVM exits. A test that stops the broker must restart it before it ends
 * (in a {@code finally}), and should use topics of its own. In a module's tests, declare this
 * module's test-jar and {@code org.apache.kafka:kafka-test-common-runtime} at test scope.
 */
public final class KafkaTestBroker implements AutoCloseable {

  /** How long a broker has to start, or to come back after {@link #restart()}. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(45);

  private static KafkaTestBroker shared;

  private final KafkaClusterTestKit cluster;
  private final int brokerId;
  private final String bootstrapServers;
  private boolean running;

  private KafkaTestBroker(KafkaClusterTestKit cluster, int brokerId, String bootstrapServers) {
    this.cluster = cluster;
    this.brokerId = brokerId;
    this.bootstrapServers = bootstrapServers;
    this.running = true;
  }

  /** The broker that this JVM's tests share, started on first use and stopped when the JVM exits. */
  public static synchronized KafkaTestBroker shared() {
    if (shared == null) {
      shared = start();
      KafkaTestBroker started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-test-broker-shutdown"));
    }
    return shared;
  }

  /** A broker of the caller's own, to {@link #close()} when done. */
  public static KafkaTestBroker start() {
    keepTheJvmAlive();
    TestKitNodes nodes = new TestKitNodes.Builder()
        .setCombined(true)
        .setNumBrokerNodes(1)
        .setNumControllerNodes(1)
        .build();
    String broker = nodes.brokerListenerName().value();
    String controller = nodes.controllerListenerName().value();
    KafkaClusterTestKit cluster = null;
    try {
      cluster = new KafkaClusterTestKit.Builder(nodes)
          .setConfigProp("listeners", broker + "://127.0.0.1:0," + controller + "://127.0.0.1:0")
          .setConfigProp("num.partitions", "1")
          .setConfigProp("auto.create.topics.enable", "true")
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          // a small broker: this machine has 2 cores, and the engine's tests run beside it
          .setConfigProp("num.network.threads", "2")
          .setConfigProp("num.io.threads", "2")
          .build();
      cluster.format();
      cluster.startup();
      awaitReady(cluster);
      int brokerId = nodes.brokerNodes().firstKey();
      int port = cluster.brokers().get(brokerId).boundPort(ListenerName.normalised(broker));
      return new KafkaTestBroker(cluster, brokerId, "127.0.0.1:" + port);
    } catch (Exception e) {
      if (cluster != null) {
        closeQuietly(cluster);
      }
      throw new IllegalStateException("could not start the in-process Kafka broker: " + e, e);
    }
  }

  /**
   * Stops a broker in the tests' JVM from ending that JVM. At exit, the test kit's own shutdown hook
   * deletes the broker's directories while {@link #shared()}'s hook is still closing the broker (the
   * JVM runs its hooks at the same time); a broker that loses its log directories halts the JVM with
   * status 1 ("Shutdown broker because all log dirs ... have failed"), and surefire then fails the
   * module ("Error occurred in starting fork") although every test passed. What Kafka would have
   * ended the JVM for is printed instead.
   */
  private static synchronized void keepTheJvmAlive() {
    Exit.setHaltProcedure((status, message) ->
        System.err.println("[kafka-test-broker] the broker asked to halt the JVM (" + status + "): " + message));
    Exit.setExitProcedure((status, message) ->
        System.err.println("[kafka-test-broker] the broker asked to exit the JVM (" + status + "): " + message));
  }

  /** {@code 127.0.0.1:PORT}, the same across {@link #stop()} and {@link #restart()}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Takes the broker down (the controller stays up); clients see it as gone. */
  public synchronized void stop() {
    if (running) {
      broker().shutdown();
      running = false;
    }
  }

  /** Brings a stopped broker back on the same port with its data, and waits until it serves clients. */
  public synchronized void restart() {
    if (!running) {
      broker().startup();
      running = true;
      awaitReady(cluster);
    }
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /** Creates {@code topic} with {@code partitions} partitions and waits until it exists. */
  public void createTopic(String topic, int partitions) {
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + topic, e);
    }
  }

  /** Deletes {@code topic} and its data (a test that wrote much keeps the broker's shutdown short). */
  public void deleteTopic(String topic) {
    try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.deleteTopics(List.of(topic)).all().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not delete topic " + topic + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deleting topic " + topic, e);
    }
  }

  /**
   * Every record of {@code topic}, from the beginning to the end it has when this is called, in
   * offset order within each partition. Fails when they cannot be read within {@code timeout}.
   */
  public List<ConsumerRecord<String, byte[]>> readToEnd(String topic, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
        if (System.nanoTime() - deadline > 0) {
          throw new IllegalStateException("read " + records.size() + " records of " + topic + " in " + timeout
              + ", not up to its end " + end);
        }
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  /** A consumer of this broker with string keys and byte values, assigned nothing yet. */
  public KafkaConsumer<String, byte[]> consumer() {
    Properties properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    return new KafkaConsumer<>(properties);
  }

  /** Stops the broker and the controller, and deletes their data. */
  @Override
  public synchronized void close() {
    running = false;
    closeQuietly(cluster);
  }

  private BrokerServer broker() {
    return cluster.brokers().get(brokerId);
  }

  private static void awaitReady(KafkaClusterTestKit cluster) {
    try {
      cluster.waitForReadyBrokers();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the in-process Kafka broker did not become ready: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the in-process Kafka broker", e);
    }
  }

  private static void closeQuietly(KafkaClusterTestKit cluster) {
    try {
      cluster.close();
    } catch (Exception e) {
      System.err.println("closing the in-process Kafka broker failed: " + e);
    }
  }
}
