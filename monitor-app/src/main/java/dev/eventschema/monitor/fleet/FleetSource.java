package dev.eventschema.monitor.fleet;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the dashboard follows in Kafka: the brokers, the topic the engines publish their events to,
 * the topic of their rejections, and where to start reading.
 *
 * @param bootstrap {@code HOST:PORT}, or several separated by commas
 * @param rejectionsTopic {@code <topic>.rejections} unless said otherwise
 * @param from the time to replay from, or {@code null} to start at the latest offset
 * @param client the Kafka client's security settings ({@link ClientConfigFile}), checked; empty for
 *     none. Never shown: {@link #toString()} names the keys only
 */
public record FleetSource(String bootstrap, String topic, String rejectionsTopic, Instant from,
    Map<String, String> client) {

  /** The suffix of the default rejections topic, as the engine's Kafka sink names it. */
  public static final String REJECTIONS_SUFFIX = ".rejections";

  /** Kafka's own rule for topic names. */
  private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

  public FleetSource {
    Objects.requireNonNull(bootstrap, "bootstrap");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(rejectionsTopic, "rejectionsTopic");
    client = Map.copyOf(client);
  }

  /** Without client security settings (PLAINTEXT). */
  public FleetSource(String bootstrap, String topic, String rejectionsTopic, Instant from) {
    this(bootstrap, topic, rejectionsTopic, from, Map.of());
  }

  /** Following {@code topic} and its default rejections topic from the latest offset. */
  public static FleetSource latest(String bootstrap, String topic) {
    return new FleetSource(bootstrap, topic, topic + REJECTIONS_SUFFIX, null);
  }

  /** The same source, replaying from {@code time} ({@code null}: from the latest offset). */
  public FleetSource from(Instant time) {
    return new FleetSource(bootstrap, topic, rejectionsTopic, time, client);
  }

  /** The same source, with the Kafka client's security settings {@code settings} (checked already). */
  public FleetSource withClient(Map<String, String> settings) {
    return new FleetSource(bootstrap, topic, rejectionsTopic, from, settings);
  }

  /** The source without the client settings' values, which may be secrets. */
  @Override
  public String toString() {
    return "FleetSource[bootstrap=" + bootstrap + ", topic=" + topic + ", rejectionsTopic=" + rejectionsTopic
        + ", from=" + from + ", client=" + new TreeSet<>(client.keySet()) + "]";
  }

  /** Where this is, as people say it: {@code topic 'events' on 127.0.0.1:9092}. */
  public String where() {
    return "topic '" + topic + "' on " + bootstrap;
  }

  /** Where reading starts, in words. */
  public String start() {
    return from == null ? "from the latest offset" : "replaying from " + from;
  }

  /** Why {@code text} is not a list of brokers ({@code HOST:PORT[,HOST:PORT...]}), in words; null if it is one. */
  public static String checkBootstrap(String text) {
    if (text == null || text.isBlank()) {
      return "needs HOST:PORT, such as 127.0.0.1:9092";
    }
    for (String broker : text.split(",", -1)) {
      String b = broker.strip();
      int colon = b.lastIndexOf(':');
      if (colon <= 0 || colon == b.length() - 1) {
        return "each broker is HOST:PORT, such as 127.0.0.1:9092, was '" + b + "'";
      }
      String port = b.substring(colon + 1);
      int n;
      try {
        n = Integer.parseInt(port);
      } catch (NumberFormatException e) {
        return "the port must be a whole number, was '" + port + "' in '" + b + "'";
      }
      if (n < 1 || n > 65_535) {
        return "the port must be between 1 and 65535, was " + n + " in '" + b + "'";
      }
    }
    return null;
  }

  /** Why {@code name} is not a Kafka topic name, in words; null if it is one. */
  public static String checkTopic(String name) {
    if (name == null || name.isEmpty()) {
      return "needs a topic name";
    }
    if (name.equals(".") || name.equals("..")) {
      return "'" + name + "' is not allowed as a topic name";
    }
    if (!TOPIC.matcher(name).matches()) {
      return "a topic name has 1 to 249 of the characters a-z A-Z 0-9 . _ -, was '" + name + "'";
    }
    return null;
  }

  /**
   * The start of {@code --from}: {@code latest} ({@code null}) or an ISO-8601 time with a zone, such as
   * {@code 2026-11-30T07:00:00Z} or {@code 2026-11-30T08:00:00+01:00}.
   *
   * @throws IllegalArgumentException naming what was wrong
   */
  public static Instant parseFrom(String text) {
    if (text.strip().toLowerCase(Locale.ROOT).equals("latest")) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("needs 'latest' or an ISO-8601 time with its zone, such as "
          + "2026-11-30T07:00:00Z, was '" + text + "'");
    }
  }
}
