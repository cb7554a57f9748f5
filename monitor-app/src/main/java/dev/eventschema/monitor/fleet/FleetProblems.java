package dev.eventschema.monitor.fleet;

import dev.eventschema.Violation;
import dev.eventschema.monitor.client.StreamMessage;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.config.ConfigException;

/** The fleet consumer's failures in words for people (never a stack trace), and its last resorts. */
final class FleetProblems {

  private FleetProblems() {}

  /** Why the consumer cannot go on, in words. */
  static String explain(RuntimeException failure, FleetSource source) {
    if (failure instanceof AuthenticationException) {
      return "The Kafka broker at " + source.bootstrap() + " refused to authenticate this dashboard.";
    }
    if (failure instanceof AuthorizationException) {
      return "The Kafka broker at " + source.bootstrap() + " does not allow this dashboard to read "
          + source.where() + ".";
    }
    if (failure instanceof ConfigException) {
      return "The Kafka client cannot use " + source.bootstrap() + ": " + failure.getMessage();
    }
    String message = failure.getMessage();
    return "Reading " + source.where() + " failed (" + failure.getClass().getSimpleName()
        + (message == null ? "" : ": " + message) + "); trying again.";
  }

  /** A consumer rejection for a record the decoder could not handle at all. */
  static StreamMessage.Rejection undecodable(ConsumerRecord<byte[], byte[]> record, RuntimeException e) {
    return new StreamMessage.Rejection(0, Instant.ofEpochMilli(Math.max(0, record.timestamp())), "record",
        StreamMessage.Rejection.CONSUMER, record.topic() + "-" + record.partition() + "@" + record.offset(),
        java.util.List.of(new Violation("", Violation.Code.INVALID_VALUE, "the record could not be decoded ("
            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")")));
  }

  /** Closes a consumer without waiting long and without throwing. */
  static void closeQuietly(Consumer<?, ?> consumer) {
    if (consumer == null) {
      return;
    }
    try {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(1)));
    } catch (RuntimeException ignored) {
      // closing anyway
    }
  }
}
