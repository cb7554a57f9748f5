package dev.eventschema.monitor.fleet;

import dev.eventschema.monitor.client.StreamMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record as the dashboard shows it: the engine it belongs to and the message, checked with
 * the generated validators; a record that fails is a rejection with source {@code consumer}. Used on
 * the consumer's thread only; never throws.
 */
public interface RecordDecoding {

  /**
   * @param engineId the engine that published the record (its CloudEvent {@code source}), or
   *     {@code null} when the record does not say
   */
  record Decoded(String engineId, StreamMessage message) {}

  Decoded decode(ConsumerRecord<byte[], byte[]> record);
}
