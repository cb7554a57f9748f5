package dev.eventschema.monitor.fleet;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The fleet consumer's Kafka settings: no consumer group (the dashboard reads every partition itself
 * and commits nothing, so every dashboard sees everything), bytes in (the decoder reads them), a
 * live view's latencies, and the security settings of {@code --kafka-config} (TLS, SASL).
 */
final class ConsumerSettings {

  private ConsumerSettings() {}

  static Properties of(FleetSource source) {
    Properties p = new Properties();
    // first, so that nothing below can be overridden: they are security settings only (ClientConfigFile)
    p.putAll(source.client());
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrap());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "eventschema-monitor");
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false"); // a viewer creates nothing
    // only used when a position is lost (records removed by retention): the oldest left, not a jump to the end
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, FleetConsumer.MAX_POLL_RECORDS);
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100); // a live view: records within a tenth of a second
    p.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000); // a broker that is back is seen within a second
    return p;
  }
}
