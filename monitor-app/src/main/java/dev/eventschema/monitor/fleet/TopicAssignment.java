package dev.eventschema.monitor.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions the fleet's consumer reads and where each starts. The dashboard reads every
 * partition of the events and rejections topics itself ({@code assign}, no consumer group: each
 * dashboard sees everything and commits nothing). Topics that do not exist yet, and partitions added
 * later, are looked for again every few seconds.
 *
 * <p>Where a partition starts: with {@code --from TIME}, at the first record at or after that time;
 * otherwise the partitions found at start begin at their end (the latest offset) and those found
 * later at the first record written after the dashboard started, so that nothing written meanwhile
 * is skipped.
 */
final class TopicAssignment {

  /** How often topics and partitions are looked for again. */
  static final Duration RECHECK = Duration.ofSeconds(5);

  private final List<String> topics;
  private final Instant from;
  private final Instant startedAt;
  private final Set<TopicPartition> assigned = new HashSet<>();
  private final List<String> missing = new ArrayList<>();
  private boolean first = true;
  private long nextCheckNanos;

  TopicAssignment(FleetSource source, Instant startedAt) {
    this.topics = List.of(source.topic(), source.rejectionsTopic());
    this.from = source.from();
    this.startedAt = startedAt;
  }

  /** Whether it is time to look for topics and partitions again. */
  boolean due(long nowNanos) {
    return nowNanos - nextCheckNanos >= 0;
  }

  /**
   * Looks for partitions not read yet, assigns every partition found and positions the new ones.
   *
   * @throws org.apache.kafka.common.errors.TimeoutException when the brokers do not answer in time
   */
  void refresh(Consumer<?, ?> consumer, Duration timeout, long nowNanos) {
    nextCheckNanos = nowNanos + RECHECK.toNanos();
    Set<TopicPartition> found = new HashSet<>();
    missing.clear();
    for (String topic : topics) {
      List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
      if (partitions == null || partitions.isEmpty()) {
        missing.add(topic);
        continue;
      }
      for (PartitionInfo p : partitions) {
        found.add(new TopicPartition(p.topic(), p.partition()));
      }
    }
    boolean atStart = first;
    first = false;
    found.removeAll(assigned);
    if (found.isEmpty()) {
      return;
    }
    // the offsets are asked for before anything changes, so that a broker that does not answer
    // leaves the assignment as it was (and the partitions are found again next time)
    Map<TopicPartition, OffsetAndTimestamp> offsets = from == null && atStart ? null
        : offsetsAt(consumer, found, from != null ? from : startedAt, timeout);
    Set<TopicPartition> all = new HashSet<>(assigned);
    all.addAll(found);
    consumer.assign(all);
    List<TopicPartition> atEnd = new ArrayList<>();
    for (TopicPartition p : found) {
      OffsetAndTimestamp at = offsets == null ? null : offsets.get(p);
      if (at == null) {
        atEnd.add(p); // the latest offset, or no record at or after the time
      } else {
        consumer.seek(p, at.offset());
      }
    }
    if (!atEnd.isEmpty()) { // an empty collection would mean every assigned partition
      consumer.seekToEnd(atEnd);
    }
    assigned.addAll(found);
  }

  private static Map<TopicPartition, OffsetAndTimestamp> offsetsAt(Consumer<?, ?> consumer,
      Set<TopicPartition> partitions, Instant time, Duration timeout) {
    Map<TopicPartition, Long> query = new HashMap<>();
    for (TopicPartition p : partitions) {
      query.put(p, time.toEpochMilli());
    }
    return consumer.offsetsForTimes(query, timeout);
  }

  /** The partitions read. */
  Set<TopicPartition> assigned() {
    return assigned;
  }

  /** The topics not found at the last look. */
  List<String> missing() {
    return missing;
  }
}
