package dev.eventschema.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventschema.events.kafka.testing.KafkaTestBroker;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.cloudevents.kafka.CloudEventSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** CloudEvents through a real broker (KRaft, in this JVM), sent by the Kafka binding and read back. */
@Tag("integration")
class KafkaRoundTripTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final KafkaTestBroker broker = KafkaTestBroker.shared();
  private final CloudEventMapping mapping = CloudEventMapping.forEngine("engine-a");
  private final FleetRecordDecoder decoder = new FleetRecordDecoder();

  private KafkaProducer<String, CloudEvent> producer() {
    return new KafkaProducer<>(Map.<String, Object>of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class,
        CloudEventSerializer.ENCODING_CONFIG, "STRUCTURED",
        CloudEventSerializer.EVENT_FORMAT_CONFIG, JsonFormat.CONTENT_TYPE));
  }

  @Test
  void eventsAndRejectionsComeBackValidAndKeyed() throws Exception {
    String topic = "round-trip";
    broker.createTopic(topic, 2);
    try (KafkaProducer<String, CloudEvent> producer = producer()) {
      for (long seq = 1; seq <= 10; seq++) {
        var envelope = CloudEventMappingTest.tokenEnvelope(seq, "gen-" + (seq % 2));
        producer.send(new ProducerRecord<>(topic, mapping.key(envelope), mapping.event(envelope)));
      }
      producer.send(new ProducerRecord<>(topic, mapping.rejectionKey(),
          mapping.rejection(11, "2026-11-30T07:04:08Z", CloudEventMappingTest.rejectionRecord())));
      producer.flush();
    }

    List<ConsumerRecord<String, byte[]>> records = broker.readToEnd(topic, WAIT);

    assertThat(records).hasSize(11);
    List<FleetRecord> decoded = records.stream().map(r -> decoder.decode(r.value())).toList();
    assertThat(decoded).filteredOn(FleetRecord.Event.class::isInstance).hasSize(10);
    assertThat(decoded).filteredOn(FleetRecord.EngineRejection.class::isInstance).hasSize(1);
    for (ConsumerRecord<String, byte[]> record : records) {
      if (decoder.decode(record.value()) instanceof FleetRecord.Event event) {
        assertThat(record.key()).isEqualTo(event.envelope().generationId().orElseThrow());
      }
    }
  }
}
